import YAML

/// One use of a CloudFormation intrinsic function, whichever way it was written: the
/// short YAML form (`!Sub "x"`) or the long form that JSON also uses (`{"Fn::Sub": "x"}`).
struct IntrinsicCall: Sendable {
    /// The long name: `Ref`, `Condition`, `Fn::Sub`, ...
    var name: String
    /// The function's argument, with the short form's tag removed.
    var argument: YAMLNode
    /// The whole call, for error locations.
    var node: YAMLNode

    /// The call `node` makes, or nil when it is plain data.
    ///
    /// `{Condition: Name}` is left alone: outside condition functions it is an ordinary
    /// key (a resource's `Condition`), so only ``ConditionEvaluation`` reads it as a call.
    init?(_ node: YAMLNode) {
        // Standard tags arrive expanded (`tag:yaml.org,2002:str`); only local ones are functions.
        if let tag = node.tag, tag.hasPrefix("!"), tag.count > 1 {
            let short = String(tag.dropFirst())
            name = short == "Ref" || short == "Condition" ? short : "Fn::" + short
            var argument = node
            argument.tag = nil
            self.argument = argument
            self.node = node
            return
        }
        guard let pairs = node.mapping, pairs.count == 1, let key = pairs[0].key.string,
              key == "Ref" || key.hasPrefix("Fn::") else { return nil }
        name = key
        argument = pairs[0].value
        self.node = node
    }
}
