import JavaLang

extension Renderer {
    func evaluate(_ expression: Expression) throws(VTLError) -> RuntimeValue {
        switch expression {
        case .constant(let constant):
            return RuntimeValue(constant)
        case .interpolatedString(let nodes):
            return .string(try renderToString(nodes))
        case .reference(let reference):
            return try evaluate(reference)
        case .list(let elements):
            var values: [RuntimeValue] = []
            values.reserveCapacity(elements.count)
            for element in elements { values.append(try evaluate(element)) }
            return .list(ListStorage(values))
        case .map(let entries):
            let map = MapStorage()
            for entry in entries { map.put(try evaluate(entry.key).javaString, try evaluate(entry.value)) }
            return .map(map)
        case .range(let from, let to, let offset):
            return try evaluateRange(from: from, to: to, offset: offset)
        case .not, .binary(.and, _, _, _), .binary(.or, _, _, _), .binary(.equal, _, _, _), .binary(.notEqual, _, _, _),
            .binary(.less, _, _, _), .binary(.lessOrEqual, _, _, _), .binary(.greater, _, _, _), .binary(.greaterOrEqual, _, _, _):
            return .bool(try condition(expression))
        case .binary(let op, let leftExpression, let rightExpression, let offset):
            let left = try evaluate(leftExpression)
            let right = try evaluate(rightExpression)
            if op == .add, left.isString || right.isString {
                // Velocity concatenates, printing a null side as it was written.
                let leftText = left.isNull ? literal(of: leftExpression) : left.javaString
                let rightText = right.isNull ? literal(of: rightExpression) : right.javaString
                return .string(try checkedSize(leftText + rightText, at: offset))
            }
            return try arithmetic(at: offset) { () throws(Arithmetic.Failure) in try Arithmetic.apply(op, left, right) }
        }
    }

    /// Runs one step of arithmetic or comparison; where Java throws, the template fails at `offset`.
    func arithmetic<Result>(at offset: Int, _ step: () throws(Arithmetic.Failure) -> Result) throws(VTLError) -> Result {
        do {
            return try step()
        } catch {
            throw self.error(error.kind, error.message, at: offset)
        }
    }

    /// Truth as `#if` sees it: references are false only when null or false; other literals are false.
    func condition(_ expression: Expression) throws(VTLError) -> Bool {
        switch expression {
        case .reference(let reference):
            return isTrue(try evaluate(reference))
        case .constant(.bool(let bool)):
            return bool
        case .not(let inner):
            return try !condition(inner)
        case .binary(.and, let left, let right, _):
            guard try condition(left) else { return false }
            return try condition(right)
        case .binary(.or, let left, let right, _):
            if try condition(left) { return true }
            return try condition(right)
        case .binary(let op, let leftExpression, let rightExpression, let offset):
            let left = try evaluate(leftExpression)
            let right = try evaluate(rightExpression)
            if op == .equal || op == .notEqual { try checkDepth(of: [left, right], passingTo: "==", at: offset) }
            let nullHandling = options.nullHandling
            return try arithmetic(at: offset) { () throws(Arithmetic.Failure) in
                switch op {
                case .equal: return try Equality.templateEquals(left, right, nullHandling: nullHandling)
                case .notEqual: return try !Equality.templateEquals(left, right, nullHandling: nullHandling)
                case .less: return try Arithmetic.compare(left, right).map { $0 < 0 } ?? false
                case .lessOrEqual: return try Arithmetic.compare(left, right).map { $0 <= 0 } ?? false
                case .greater: return try Arithmetic.compare(left, right).map { $0 > 0 } ?? false
                case .greaterOrEqual: return try Arithmetic.compare(left, right).map { $0 >= 0 } ?? false
                default: return false
                }
            }
        default:
            return false
        }
    }

    /// Whether the condition of `branches[index]` holds. Not inlined: rendering a node
    /// is inlined into the loops over nodes, and stays small enough for that only without it.
    @inline(never)
    func holds(_ branches: [ConditionalBranch], _ index: Int) throws(VTLError) -> Bool {
        if let reference = branches[index].conditionReference { return isTrue(try evaluate(reference)) }
        return try condition(branches[index].condition)
    }

    /// A reference's value as a condition: false only when null or false.
    @inline(__always)
    private func isTrue(_ value: RuntimeValue) -> Bool {
        switch value {
        case .null: false
        case .bool(let bool): bool
        default: true
        }
    }

    /// A string built by `+` or a string method, which can double each time (`$s.concat($s)` in
    /// a loop): bounded like the output, since it could only be printed by passing that limit.
    func checkedSize(_ string: String, at offset: Int) throws(VTLError) -> String {
        let size = string.utf8.count
        guard size <= options.limits.outputBytes else {
            throw error(.limitExceeded, "a string would be larger than the outputBytes limit of \(options.limits.outputBytes) bytes", at: offset)
        }
        if chargeSteps(forBuilding: size) { throw stepLimitError(at: offset) }
        return string
    }

    func renderToString(_ nodes: [Node]) throws(VTLError) -> String {
        let saved = output.beginString()
        let text: String
        do {
            _ = try render(nodes)
            text = output.endString(saved)
        } catch {
            _ = output.endString(saved)
            throw error
        }
        if chargeSteps(forBuilding: text.utf8.count) { throw stepLimitError(at: nodes.lazy.compactMap(\.offset).first ?? 0) }
        return text
    }

    private func literal(of expression: Expression) -> String {
        if case .reference(let reference) = expression { return reference.sourceText }
        return "null"
    }

    private func evaluateRange(from: Expression, to: Expression, offset: Int) throws(VTLError) -> RuntimeValue {
        guard case .integer(let start) = try evaluate(from), case .integer(let end) = try evaluate(to) else { return .null }
        // The distance can overflow (`[-9223372036854775807..9223372036854775807]`).
        let (distance, overflow) = end.subtractingReportingOverflow(start)
        guard !overflow, distance.magnitude < UInt(max(options.limits.rangeLength, 0)) else {
            throw error(.limitExceeded, "the range [\(start)..\(end)] has more than \(options.limits.rangeLength) elements", at: offset)
        }
        let values = start <= end ? Array(start...end) : Array((end...start).reversed())
        return .list(ListStorage(values.map(RuntimeValue.integer)))
    }

    // MARK: References

    func evaluate(_ reference: Reference) throws(VTLError) -> RuntimeValue {
        try evaluate(reference, stepCount: reference.members.count)
    }

    /// The value of `reference` after its first `stepCount` steps.
    func evaluate(_ reference: Reference, stepCount: Int) throws(VTLError) -> RuntimeValue {
        // The first step is a field of the reference rather than an element of `members`: a
        // class's constant is read where it is, an array element is retained and released.
        guard stepCount > 0, let first = reference.firstMember else { return try variable(reference.slot) }
        var value: RuntimeValue
        if first.kind == .property, let read = propertyInPlace(first, ofVariable: reference.slot) {
            // `$item.id`, `$foreach.hasNext`: most references read one property of a variable.
            value = read
        } else {
            value = try variable(reference.slot)
            if value.isNull { return .null }
            value = try step(first, on: value)
        }
        guard stepCount > 1 else { return value }
        let members = reference.members
        // By index: the steps are classes, read where they are.
        var position = 1
        while position < stepCount {
            if value.isNull { return .null }
            value = try step(members[position], on: value)
            position += 1
        }
        return value
    }

    /// One property, method call or index of a reference, applied to the value so far (not null).
    @inline(__always)
    private func step(_ member: Member, on value: RuntimeValue) throws(VTLError) -> RuntimeValue {
        switch member.kind {
        case .property:
            return try property(member, of: value)
        case .method where member.argumentCount == 1:
            let argument = try evaluate(member.argument)
            if case .object(let host) = value {
                // `$util.escapeJavaScript($x)`, `$input.path('$.a')`: the host calls templates make most.
                return try invoke(member.name, on: host, argument: argument, at: member.offset)
            } else if member.isGetWithOneArgument, case .map(let map) = value {
                // What `invoke` ends in for a map's `get` (no common method, no comparison), without its arguments array.
                return map.get(argument.javaString) ?? .null
            } else {
                return try invoke(member, on: value, arguments: [argument])
            }
        case .method:
            // `map` allocates the array once, at its final size.
            let arguments = try member.otherArguments.map { (argument) throws(VTLError) in try evaluate(argument) }
            return try invoke(member, on: value, arguments: arguments)
        case .index:
            return try element(of: value, at: try evaluate(member.argument), offset: member.offset)
        }
    }
}

extension RuntimeValue {
    init(_ constant: Constant) {
        switch constant {
        case .bool(let bool): self = .bool(bool)
        case .integer(let int): self = .integer(int)
        case .bigInteger(let big): self = .bigInteger(big)
        case .double(let double): self = .double(double)
        case .string(let string): self = .string(string)
        }
    }

    var isString: Bool {
        if case .string = self { return true }
        return false
    }
}
