import JavaLang

/// Velocity 1.7's `==`: numbers compare by value, values of one kind with Java's `equals`,
/// values of different kinds by their `toString()`.
enum Equality {
    static func templateEquals(_ left: RuntimeValue, _ right: RuntimeValue, nullHandling: RenderOptions.NullHandling) throws(Arithmetic.Failure) -> Bool {
        if let order = try Arithmetic.compare(left, right) { return order == 0 }
        switch (left, right) {
        case (.null, .null):
            return true
        case (.null, let other), (let other, .null):
            // Recorded on API Gateway: a null equals "" (LocalStack's AWS-validated test_apigateway_common).
            guard nullHandling == .apiGateway else { return false }
            if case .string(let string) = other { return string.isEmpty }
            return false
        default:
            if sameKind(left, right) { return javaEquals(left, right) }
            return left.javaString.javaEquals(right.javaString)
        }
    }

    private static func sameKind(_ left: RuntimeValue, _ right: RuntimeValue) -> Bool {
        switch (left.thawed(), right.thawed()) {
        case (.bool, .bool), (.string, .string), (.list, .list), (.map, .map), (.entry, .entry): true
        default: false
        }
    }

    /// Java's `equals`: lists and maps element by element, an Integer never equals a Double.
    static func javaEquals(_ left: RuntimeValue, _ right: RuntimeValue) -> Bool {
        switch (left, right) {
        case (.null, .null): return true
        case let (.json(a), .json(b)): return a == b
        case (.json, _), (_, .json): return javaEquals(left.thawed(), right.thawed())
        case let (.bool(a), .bool(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.bigInteger(a), .bigInteger(b)): return a == b
        case let (.integer(a), .bigInteger(b)), let (.bigInteger(b), .integer(a)): return b.int64Value == a
        case let (.double(a), .double(b)): return a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
        // The text is `toString()`, which spells each value and scale one way only.
        case let (.bigDecimal(a), .bigDecimal(b)): return a == b
        case let (.string(a), .string(b)): return a.javaEquals(b)
        case let (.list(a), .list(b)):
            if a === b { return true }
            return a.elements.count == b.elements.count && zip(a.elements, b.elements).allSatisfy { javaEquals($0, $1) }
        case let (.map(a), .map(b)):
            if a === b { return true }
            guard a.count == b.count else { return false }
            return a.pairs.allSatisfy { pair in b.get(pair.key).map { javaEquals(pair.value, $0) } ?? false }
        case let (.entry(mapA, keyA), .entry(mapB, keyB)):
            return keyA.javaEquals(keyB) && javaEquals(mapA.entryValue(keyA), mapB.entryValue(keyB))
        case let (.loop(a), .loop(b)): return a === b
        default: return false
        }
    }
}
