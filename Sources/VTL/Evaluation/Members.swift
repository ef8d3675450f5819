import JSON

/// Property, method and index lookup, as Velocity's introspection finds them on Java objects.
/// Anything not found is null, which the template then treats as undefined.
extension Renderer {
    /// `$a.name`: a map's `get("name")`; otherwise the getter `getName()` or `isName()`.
    func property(_ property: Member, of value: RuntimeValue) throws(VTLError) -> RuntimeValue {
        switch value {
        case .map(let map):
            return map.get(identifier: property.name) ?? .null
        case .json(.object(let object)):
            return RuntimeValue.member(property.name, of: object)
        default:
            return try otherProperty(property, of: value)
        }
    }

    /// `property(_:of:)` for what is neither a map nor a JSON object: kept apart so the common
    /// cases above stay small enough to inline where references are evaluated.
    private func otherProperty(_ property: Member, of value: RuntimeValue) throws(VTLError) -> RuntimeValue {
        let name = property.name
        let offset = property.offset
        switch value {
        case .map, .json(.object):
            return try self.property(property, of: value)
        case .json:
            return try self.property(property, of: value.thawed())
        case .loop(let status):
            // `$foreach.hasNext` and friends are read on every iteration: the field was found when the template was parsed.
            return status.field(property.loopField)
        case .entry(let map, let key):
            switch name {
            case "key": return .string(key)
            case "value": return map.entryValue(key)
            default: return .null
            }
        case .object(let host):
            do {
                return try host.object.property(name).map { RuntimeValue($0) } ?? .null
            } catch {
                throw self.error(error.kind, error.message, at: offset)
            }
        default:
            // No introspection past what templates legitimately use.
            guard name != "class", let first = name.first else { return .null }
            let capitalized = first.uppercased() + name.dropFirst()
            for getter in ["get" + capitalized, "is" + capitalized] {
                if let result = try builtinMethod(getter, on: value, arguments: [], at: offset) { return result }
            }
            return .null
        }
    }

    /// `$a.name(arguments)`; an unknown method gives null, as in Velocity.
    func invoke(_ method: Member, on value: RuntimeValue, arguments: [RuntimeValue]) throws(VTLError) -> RuntimeValue {
        let name = method.name
        let offset = method.offset
        if case .object(let host) = value {
            if arguments.count == 1 { return try invoke(name, on: host, argument: arguments[0], at: offset) }
            try checkDepth(of: arguments, passingTo: name, at: offset)
            return try hostResult(at: offset) { () throws(TemplateObjectError) in
                try host.object.call(name, arguments: arguments.map(\.hostArgument))
            }
        }
        if case .json(let json) = value {
            if let result = frozenMethod(name, on: json, arguments: arguments) { return result }
            // Anything else works on a copy: the frozen value is not stored anywhere a change could be seen.
            return try invoke(method, on: value.thawed(), arguments: arguments)
        }
        // Java's equals recurses through nested lists and maps; so do the searches built on it.
        if method.compares, arguments.count == 1, value.canMakeCycle || arguments[0].canMakeCycle {
            try checkDepth(of: [value, arguments[0]], passingTo: name, at: offset)
        }
        if let result = try builtinMethod(name, on: value, arguments: arguments, at: offset) { return result }
        if let arities = Renderer.methodArities(of: value)[name], !arities.contains(arguments.count) {
            // Velocity finds the method by name and Java then rejects the call.
            throw error("\(name) failed: java.lang.IllegalArgumentException: wrong number of arguments", at: offset)
        }
        return .null
    }

    /// `$object.name(argument)`, without the argument arrays a call of any arity needs.
    func invoke(_ name: String, on host: HostObject, argument: RuntimeValue, at offset: Int) throws(VTLError) -> RuntimeValue {
        if argument.canMakeCycle { try checkDepth(of: [argument], passingTo: name, at: offset) }
        return try hostResult(at: offset) { () throws(TemplateObjectError) in try host.object.call(name, argument: argument.hostArgument) }
    }

    /// What a host method gave, as a runtime value; its failure gets the template location.
    /// Text is bounded like any string a template builds: `$util.escapeJavaScript` doubles
    /// backslashes, so forty calls in a loop would otherwise ask for 2^40 of them.
    private func hostResult(at offset: Int, _ call: () throws(TemplateObjectError) -> MethodResult) throws(VTLError) -> RuntimeValue {
        let result: MethodResult
        do {
            result = try call()
        } catch {
            throw self.error(error.kind, error.message, at: offset)
        }
        switch result {
        // Most methods give text: no need for the general conversion.
        case .value(.string(let text)): return .string(try checkedSize(text, at: offset))
        case .value(let value): return RuntimeValue(value)
        case .notFound: return .null
        }
    }

    private static let stringMethodArities: [String: Set<Int>] = [
        "length": [0], "isEmpty": [0], "toUpperCase": [0, 1], "toLowerCase": [0, 1], "trim": [0], "hashCode": [0],
        "charAt": [1], "substring": [1, 2], "indexOf": [1, 2], "lastIndexOf": [1, 2], "contains": [1], "startsWith": [1, 2],
        "endsWith": [1], "equalsIgnoreCase": [1], "concat": [1], "compareTo": [1], "replace": [2], "matches": [1],
        "replaceAll": [2], "replaceFirst": [2], "split": [1, 2],
    ]
    /// The argument counts each method of the class of `value` accepts.
    private static func methodArities(of value: RuntimeValue) -> [String: Set<Int>] {
        // Only seen for String in Velocity 1.7; a map's `put()` with no arguments is just null.
        if case .string = value { return stringMethodArities }
        return [:]
    }

    /// The reads templates make most on JSON, answered without copying it.
    private func frozenMethod(_ name: String, on json: JSONValue, arguments: [RuntimeValue]) -> RuntimeValue? {
        switch (json, name, arguments.count) {
        case (.array(let elements), "size", 0): return .integer(elements.count)
        case (.array(let elements), "isEmpty", 0): return .bool(elements.isEmpty)
        case (.array(let elements), "get", 1):
            guard case .integer(let position) = arguments[0], elements.indices.contains(position) else { return nil }
            return RuntimeValue(json: elements[position])
        case (.object(let object), "size", 0): return .integer(object.count)
        case (.object(let object), "isEmpty", 0): return .bool(object.isEmpty)
        case (.object(let object), "get", 1): return RuntimeValue.member(key: arguments[0].javaString, of: object)
        case (.object(let object), "containsKey", 1): return .bool(object[arguments[0].javaString] != nil)
        case (.object(let object), "keySet", 0): return .list(ListStorage(object.keys.map(RuntimeValue.string)))
        default: return nil
        }
    }

    /// Copying a value for a host object, or comparing two, recurses once per level of nesting.
    func checkDepth(of values: [RuntimeValue], passingTo name: String, at offset: Int) throws(VTLError) {
        // Scalars nest nothing: the common case costs one pass over the arguments.
        guard values.contains(where: \.canMakeCycle) else { return }
        let limit = options.limits.valueDepth
        guard values.contains(where: { $0.nests(deeperThan: limit) }) else { return }
        throw error(
            .limitExceeded, "a value nested deeper than the valueDepth limit of \(limit) levels cannot be copied or compared (\(name))", at: offset)
    }

    /// `$a[i]`: list positions (negative ones count from the end), map keys.
    func element(of value: RuntimeValue, at index: RuntimeValue, offset: Int) throws(VTLError) -> RuntimeValue {
        switch value {
        case .list(let list):
            guard let position = try resolvedPosition(index, count: list.elements.count, offset: offset) else { return .null }
            return list.element(at: position)
        case .json(.array(let elements)):
            // Read in place: a thawed copy would cost the whole array on every index.
            guard let position = try resolvedPosition(index, count: elements.count, offset: offset) else { return .null }
            return RuntimeValue(json: elements[position])
        case .json(.object(let object)):
            return RuntimeValue.member(key: index.javaString, of: object)
        case .map(let map):
            return map.get(index.javaString) ?? .null
        case .object(let host):
            return try invoke("get", on: host, argument: index, at: offset)
        default:
            return .null
        }
    }

    /// The position an index names in a list of `count` elements, counting negative ones from
    /// the end; nil when the index is not an integer. Reads (`$a[i]`) and writes (`#set($a[i] = x)`) share it.
    func resolvedPosition(_ index: RuntimeValue, count: Int, offset: Int) throws(VTLError) -> Int? {
        guard case .integer(let position) = index else { return nil }
        let resolved = position < 0 ? count + position : position
        guard (0..<count).contains(resolved) else {
            throw error("index \(position) is out of bounds for a list of \(count) elements", at: offset)
        }
        return resolved
    }

    /// Methods of the Java classes templates meet; nil when the class has no such method.
    private func builtinMethod(_ name: String, on value: RuntimeValue, arguments: [RuntimeValue], at offset: Int) throws(VTLError) -> RuntimeValue? {
        if let common = commonMethod(name, on: value, arguments: arguments) { return common }
        switch value {
        case .string(let string):
            let result = try stringMethod(name, on: string, arguments: arguments, at: offset)
            if case .string(let text)? = result { _ = try checkedSize(text, at: offset) }
            return result
        case .list(let list): return try listMethod(name, on: list, arguments: arguments, at: offset)
        case .map(let map): return try mapMethod(name, on: map, arguments: arguments, at: offset)
        case .integer, .bigInteger, .double: return numberMethod(name, on: value, arguments: arguments)
        case .bigDecimal(let text): return try bigDecimalMethod(name, on: text, arguments: arguments, at: offset)
        case .bool(let bool): return name == "booleanValue" && arguments.isEmpty ? .bool(bool) : nil
        case .entry(let map, let key): return entryMethod(name, map: map, key: key, arguments: arguments)
        case .loop(let status): return loopMethod(name, on: status, arguments: arguments)
        default: return nil
        }
    }

    /// `Object` methods every value has.
    private func commonMethod(_ name: String, on value: RuntimeValue, arguments: [RuntimeValue]) -> RuntimeValue? {
        switch (name, arguments.count) {
        case ("toString", 0):
            if case .block(let body) = value { return try? .string(renderToString(body)) }
            return .string(value.javaString)
        case ("equals", 1):
            return .bool(Equality.javaEquals(value, arguments[0]))
        default:
            return nil
        }
    }

    private func entryMethod(_ name: String, map: MapStorage, key: String, arguments: [RuntimeValue]) -> RuntimeValue? {
        switch (name, arguments.count) {
        case ("getKey", 0): return .string(key)
        case ("getValue", 0): return map.entryValue(key)
        // Writes through to the map, and returns the previous value, as `Map.Entry.setValue` does.
        case ("setValue", 1):
            noteStoring(arguments[0], in: .map(map))
            return map.put(key, arguments[0]) ?? .null
        default: return nil
        }
    }

    private func loopMethod(_ name: String, on status: LoopStatus, arguments: [RuntimeValue]) -> RuntimeValue? {
        guard arguments.isEmpty else { return nil }
        switch name {
        case "getIndex": return .integer(status.index)
        case "getCount": return .integer(status.index + 1)
        case "hasNext", "getHasNext": return .bool(status.hasNext)
        case "isFirst", "getFirst": return .bool(status.index == 0)
        case "isLast", "getLast": return .bool(!status.hasNext)
        case "getParent": return status.parent.map(RuntimeValue.loop) ?? .null
        default: return nil
        }
    }

    private func numberMethod(_ name: String, on value: RuntimeValue, arguments: [RuntimeValue]) -> RuntimeValue? {
        guard arguments.isEmpty else {
            if name == "compareTo", arguments.count == 1, let order = try? Arithmetic.compare(value, arguments[0]) {
                return .integer(order)
            }
            return nil
        }
        switch name {
        case "intValue":
            switch value {
            case .integer(let int): return .integer(Int(Int32(truncatingIfNeeded: int)))
            case .bigInteger(let big): return .integer(Int(Int32(truncatingIfNeeded: big.lowBits)))
            case .double(let double): return .integer(Int(JavaConversion.toInt32(double)))
            default: return nil
            }
        case "longValue":
            switch value {
            case .integer: return value
            case .bigInteger(let big): return .integer(big.lowBits)
            case .double(let double): return .integer(JavaConversion.toInt64(double))
            default: return nil
            }
        case "doubleValue":
            return Arithmetic.doubleValue(value).map(RuntimeValue.double)
        default:
            return nil
        }
    }
}

/// Java's narrowing conversions from double: NaN is 0, out-of-range values saturate.
enum JavaConversion {
    static func toInt64(_ value: Double) -> Int {
        if value.isNaN { return 0 }
        if value >= 9.223372036854775807e18 { return Int.max }
        if value <= -9.223372036854775808e18 { return Int.min }
        return Int(value)
    }

    static func toInt32(_ value: Double) -> Int32 {
        if value.isNaN { return 0 }
        if value >= 2147483647 { return Int32.max }
        if value <= -2147483648 { return Int32.min }
        return Int32(value)
    }
}

extension RuntimeValue {
    /// The value a host object receives. Most arguments are text or numbers, which need none
    /// of the cycle bookkeeping a snapshot of a list or map does.
    fileprivate var hostArgument: Value {
        switch self {
        case .string(let text): .string(text)
        case .integer(let int): .integer(int)
        default: snapshot()
        }
    }
}
