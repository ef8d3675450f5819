import YAML

/// Replaces intrinsic functions with the values a deployment would give them, on demand:
/// readers resolve only the fields they use, so a parameter without a value or an
/// unmodelled resource elsewhere in a template does not stop an API from loading.
///
/// A resolved value is a `YAMLNode` again (a scalar, a list or a map) so it keeps the
/// location of the call that produced it; `nil` stands for `AWS::NoValue`, which removes
/// the key or list item that holds it.
struct IntrinsicResolver: Sendable {
    var context: TemplateContext
    /// How many resource names and conditions are being resolved inside each other; a
    /// template that refers to itself in a circle would otherwise recurse forever.
    var depth = 0

    static let maximumDepth = 32

    var fileName: String { context.fileName }
    var options: DefinitionOptions { context.options }

    /// `node` with every intrinsic function inside it evaluated.
    func resolve(_ node: YAMLNode) throws(DefinitionError) -> YAMLNode? {
        if let call = IntrinsicCall(node) { return try evaluate(call) }
        switch node.kind {
        case .scalar:
            return node
        case .sequence(let items):
            var resolved: [YAMLNode] = []
            for item in items {
                if let value = try resolve(item) { resolved.append(value) }
            }
            return YAMLNode(.sequence(resolved), tag: node.tag, location: node.location)
        case .mapping(let pairs):
            var resolved: [YAMLPair] = []
            for pair in pairs {
                if let value = try resolve(pair.value) { resolved.append(YAMLPair(key: pair.key, value: value)) }
            }
            return YAMLNode(.mapping(resolved), tag: node.tag, location: node.location)
        }
    }

    /// `node` with only an intrinsic at its top evaluated, for walking a structure whose
    /// leaves are resolved one by one later. `Fn::If` may choose a whole map.
    func resolveShallow(_ node: YAMLNode) throws(DefinitionError) -> YAMLNode? {
        guard let call = IntrinsicCall(node) else { return node }
        if call.name == "Fn::If" {
            guard let branch = try chooseBranch(call) else { return nil }
            return try resolveShallow(branch)
        }
        return try evaluate(call)
    }

    /// The text `node` resolves to; nil for `AWS::NoValue`. A list or map is an error
    /// naming `what` was expected.
    func string(_ node: YAMLNode, _ what: String = "a string") throws(DefinitionError) -> String? {
        guard let value = try resolve(node) else { return nil }
        guard let text = value.string else {
            throw context.error("expected \(what) here, found a \(value.sequence != nil ? "list" : "map")", at: node)
        }
        return text
    }

    /// Like ``string(_:_:)``, but `AWS::NoValue` is an error too.
    func requiredString(_ node: YAMLNode, _ what: String = "a string") throws(DefinitionError) -> String {
        guard let text = try string(node, what) else { throw context.error("expected \(what) here, found AWS::NoValue", at: node) }
        return text
    }

    /// A map's pairs after resolving the map itself (not its values); nil when absent.
    func pairs(_ node: YAMLNode?, _ what: String) throws(DefinitionError) -> [YAMLPair]? {
        guard let node, !node.isNull, let resolved = try resolveShallow(node) else { return nil }
        if resolved.isNull { return nil }
        guard let pairs = resolved.mapping else { throw context.error("\(what) must be a map", at: node) }
        return pairs
    }

    /// A list's items after resolving the list itself (not its items); nil when absent.
    func items(_ node: YAMLNode?, _ what: String) throws(DefinitionError) -> [YAMLNode]? {
        guard let node, !node.isNull, let resolved = try resolveShallow(node) else { return nil }
        if resolved.isNull { return nil }
        guard let items = resolved.sequence else { throw context.error("\(what) must be a list", at: node) }
        return items
    }

    /// A resolver one level deeper, for resolving something a value refers to.
    func nested(at node: YAMLNode) throws(DefinitionError) -> IntrinsicResolver {
        guard depth < Self.maximumDepth else {
            throw context.error("references nest too deeply; is there a circular Ref, Sub or Condition?", at: node)
        }
        var deeper = self
        deeper.depth += 1
        return deeper
    }

    func scalar(_ text: String, at node: YAMLNode) -> YAMLNode {
        YAMLNode(.scalar(text, style: .doubleQuoted), location: node.location)
    }

    func list(_ texts: [String], at node: YAMLNode) -> YAMLNode {
        YAMLNode(.sequence(texts.map { scalar($0, at: node) }), location: node.location)
    }

    /// Evaluates one function, returning a fully resolved value.
    func evaluate(_ call: IntrinsicCall) throws(DefinitionError) -> YAMLNode? {
        switch call.name {
        case "Ref": return try ref(call)
        case "Fn::GetAtt": return try getAtt(call)
        case "Fn::Sub": return try sub(call)
        case "Fn::Join": return try join(call)
        case "Fn::Select": return try select(call)
        case "Fn::Split": return try split(call)
        case "Fn::If":
            guard let branch = try chooseBranch(call) else { return nil }
            return try resolve(branch)
        case "Fn::FindInMap": return try findInMap(call)
        case "Fn::Base64": return try base64(call)
        case "Fn::GetAZs": return try availabilityZones(call)
        case "Fn::ImportValue": return try importValue(call)
        case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Condition":
            return scalar(try conditionValue(call) ? "true" : "false", at: call.node)
        case "Fn::Transform":
            throw context.error(transformMessage(call), at: call.node)
        default:
            throw context.error(
                "\(call.name) is not supported offline; supported: Ref, Fn::Sub, Fn::GetAtt, Fn::Join, Fn::Select, Fn::Split, "
                    + "Fn::If, Fn::Equals, Fn::Not, Fn::And, Fn::Or, Fn::FindInMap, Fn::Base64, Fn::GetAZs, Fn::ImportValue",
                at: call.node)
        }
    }

    private func transformMessage(_ call: IntrinsicCall) -> String {
        let name = call.argument["Name"]?.string ?? "a macro"
        if let location = call.argument["Parameters"]?["Location"]?.string {
            return "Fn::Transform \(name) includes \(location), which cannot be fetched offline; load that file itself"
        }
        return "Fn::Transform \(name) runs a macro at deployment and cannot be resolved offline"
    }

    /// The arguments of a function that takes a list, checking how many it got.
    func arguments(_ call: IntrinsicCall, count: ClosedRange<Int>) throws(DefinitionError) -> [YAMLNode] {
        guard let items = try resolveShallow(call.argument)?.sequence, count.contains(items.count) else {
            let expected = count.lowerBound == count.upperBound ? "\(count.lowerBound)" : "\(count.lowerBound) to \(count.upperBound)"
            throw context.error("\(call.name) takes a list of \(expected) items", at: call.node)
        }
        return items
    }
}
