import YAML

/// `Conditions` and the functions that compute them: `Fn::Equals`, `Fn::Not`, `Fn::And`,
/// `Fn::Or` and references to other conditions.
extension IntrinsicResolver {
    /// The value of the condition declared as `name` in `Conditions`.
    func condition(named name: String, at node: YAMLNode) throws(DefinitionError) -> Bool {
        guard let declaration = context.conditions[name] else {
            throw context.error("unknown condition '\(name)'; the template's Conditions do not declare it", at: node)
        }
        return try nested(at: node).conditionValue(of: declaration)
    }

    /// A condition expression: a condition function, or `{Condition: Name}`.
    func conditionValue(of node: YAMLNode) throws(DefinitionError) -> Bool {
        if let pairs = node.mapping, pairs.count == 1, pairs[0].key.string == "Condition", let name = pairs[0].value.string {
            return try condition(named: name, at: node)
        }
        guard let call = IntrinsicCall(node) else {
            // A resolved "true"/"false", as Fn::If or Ref of a parameter might give.
            switch try string(node, "a condition") {
            case "true"?: return true
            case "false"?: return false
            default: throw context.error("expected a condition (Fn::Equals, Fn::Not, Fn::And, Fn::Or or Condition)", at: node)
            }
        }
        return try conditionValue(call)
    }

    func conditionValue(_ call: IntrinsicCall) throws(DefinitionError) -> Bool {
        switch call.name {
        case "Condition":
            guard let name = call.argument.string else { throw context.error("Condition takes a condition name", at: call.node) }
            return try condition(named: name, at: call.node)
        case "Fn::Equals":
            let arguments = try arguments(call, count: 2...2)
            return try comparable(arguments[0]) == comparable(arguments[1])
        case "Fn::Not":
            let arguments = try arguments(call, count: 1...1)
            return try !conditionValue(of: arguments[0])
        case "Fn::And", "Fn::Or":
            let arguments = try arguments(call, count: 2...10)
            var values: [Bool] = []
            for argument in arguments { values.append(try conditionValue(of: argument)) }
            return call.name == "Fn::And" ? values.allSatisfy { $0 } : values.contains(true)
        default:
            return try conditionValue(of: resolve(call.node) ?? scalar("", at: call.node))
        }
    }

    /// What `Fn::Equals` compares: scalars as text, lists item by item.
    private func comparable(_ node: YAMLNode) throws(DefinitionError) -> [String] {
        guard let value = try resolve(node) else { return [] }
        if let items = value.sequence { return items.map { $0.string ?? "" } }
        return [value.string ?? ""]
    }
}
