import Foundation
import YAML

/// The intrinsic functions that compute values from their arguments.
extension IntrinsicResolver {
    /// `Ref`: a parameter, a pseudo parameter, or a resource's physical id.
    func ref(_ call: IntrinsicCall) throws(DefinitionError) -> YAMLNode? {
        guard let name = call.argument.string else { throw context.error("Ref takes a name", at: call.node) }
        return try reference(name, at: call.node)
    }

    /// What `Ref name` and `${name}` give.
    func reference(_ name: String, at node: YAMLNode) throws(DefinitionError) -> YAMLNode? {
        if name == "AWS::NoValue" { return nil }
        if let value = try pseudoParameter(name, at: node) { return value }
        if let declaration = context.parameters[name] { return try parameter(name, declaration, at: node) }
        if context.resource(name) != nil { return scalar(try resourceReference(name, at: node), at: node) }
        if let value = options.parameters[name] { return scalar(value, at: node) }
        throw context.error(
            "Ref to unknown name '\(name)': it is not a parameter, a resource or a pseudo parameter of this file "
                + "(pass --parameter \(name)=VALUE to supply it)", at: node)
    }

    private func parameter(_ name: String, _ declaration: YAMLNode, at node: YAMLNode) throws(DefinitionError) -> YAMLNode {
        guard let value = options.parameters[name] ?? declaration["Default"].flatMap(\.string) else {
            throw context.error("parameter '\(name)' has no Default and no value was given; pass --parameter \(name)=VALUE", at: node)
        }
        // List parameters arrive as one comma-separated string, as on the CloudFormation console.
        let type = declaration["Type"]?.string ?? "String"
        if type == "CommaDelimitedList" || type.hasPrefix("List<") {
            return list(value.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }, at: node)
        }
        return scalar(value, at: node)
    }

    private func pseudoParameter(_ name: String, at node: YAMLNode) throws(DefinitionError) -> YAMLNode? {
        switch name {
        case "AWS::Region": return scalar(options.region, at: node)
        case "AWS::AccountId": return scalar(options.accountId, at: node)
        case "AWS::Partition": return scalar(partition, at: node)
        case "AWS::StackName": return scalar(options.stackName, at: node)
        case "AWS::URLSuffix": return scalar(urlSuffix, at: node)
        case "AWS::StackId":
            return scalar("arn:\(partition):cloudformation:\(options.region):\(options.accountId):stack/\(options.stackName)/"
                + ResourceNaming.uuid(options.stackName), at: node)
        case "AWS::NotificationARNs": return list([], at: node)
        default:
            if name.hasPrefix("AWS::") { throw context.error("unknown pseudo parameter '\(name)'", at: node) }
            return nil
        }
    }

    /// `aws`, or the partition of a China or GovCloud region.
    var partition: String {
        if options.region.hasPrefix("cn-") { return "aws-cn" }
        if options.region.hasPrefix("us-gov-") { return "aws-us-gov" }
        return "aws"
    }

    var urlSuffix: String { options.region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com" }

    /// `Fn::GetAtt`: `Resource.Attribute` or `[Resource, Attribute]`.
    func getAtt(_ call: IntrinsicCall) throws(DefinitionError) -> YAMLNode? {
        let logicalId: String
        let attribute: String
        if let text = call.argument.string, let dot = text.firstIndex(of: ".") {
            logicalId = String(text[..<dot])
            attribute = String(text[text.index(after: dot)...])
        } else if let items = call.argument.sequence, items.count == 2, let name = items[0].string {
            logicalId = name
            attribute = try requiredString(items[1], "an attribute name")
        } else {
            throw context.error("Fn::GetAtt takes 'Resource.Attribute' or [Resource, Attribute]", at: call.node)
        }
        return scalar(try attributeValue(logicalId, attribute, at: call.node), at: call.node)
    }

    /// What `Fn::GetAtt` and `${Resource.Attribute}` give.
    func attributeValue(_ logicalId: String, _ attribute: String, at node: YAMLNode) throws(DefinitionError) -> String {
        if let value = options.parameters["\(logicalId).\(attribute)"] { return value }
        guard context.resource(logicalId) != nil else {
            throw context.error(
                "Fn::GetAtt of unknown resource '\(logicalId)' (pass --parameter \(logicalId).\(attribute)=VALUE to supply it)",
                at: node)
        }
        return try resourceAttribute(logicalId, attribute, at: node)
    }

    /// `Fn::Sub`: `"text ${Name}"` or `["text ${Name}", {Name: value}]`.
    func sub(_ call: IntrinsicCall) throws(DefinitionError) -> YAMLNode? {
        var templateNode = call.argument
        var variables: [String: YAMLNode] = [:]
        if let items = call.argument.sequence {
            guard (1...2).contains(items.count) else { throw context.error("Fn::Sub takes a string or [string, {variables}]", at: call.node) }
            templateNode = items[0]
            if items.count == 2 {
                guard let pairs = try resolveShallow(items[1])?.mapping else {
                    throw context.error("Fn::Sub variables must be a map", at: items[1])
                }
                for pair in pairs { if let key = pair.key.string { variables[key] = pair.value } }
            }
        }
        guard let template = templateNode.string else { throw context.error("Fn::Sub takes a string", at: templateNode) }
        var output = ""
        var rest = template[...]
        while let start = rest.range(of: "${") {
            output += rest[..<start.lowerBound]
            let afterOpen = rest[start.upperBound...]
            guard let close = afterOpen.firstIndex(of: "}") else {
                output += rest[start.lowerBound...]
                rest = ""
                break
            }
            let name = String(afterOpen[..<close])
            rest = afterOpen[afterOpen.index(after: close)...]
            if name.hasPrefix("!") {
                output += "${" + name.dropFirst() + "}"
            } else if let variable = variables[name] {
                output += try string(variable, "a string for ${\(name)}") ?? ""
            } else if !name.hasPrefix("AWS::"), let dot = name.firstIndex(of: ".") {
                output += try attributeValue(String(name[..<dot]), String(name[name.index(after: dot)...]), at: call.node)
            } else {
                guard let value = try reference(name, at: call.node) else { continue }
                guard let text = value.string else { throw context.error("${\(name)} is a list; Fn::Sub needs a string", at: call.node) }
                output += text
            }
        }
        output += rest
        // The result keeps the template's own place and style, so a mapping template written
        // as `!Sub |` reports its errors at the lines of the block.
        var result = templateNode
        result.kind = .scalar(output, style: templateNode.scalarStyle ?? .doubleQuoted)
        result.tag = nil
        return result
    }

    /// `Fn::Join: [delimiter, [items]]`.
    func join(_ call: IntrinsicCall) throws(DefinitionError) -> YAMLNode? {
        let arguments = try arguments(call, count: 2...2)
        let delimiter = try requiredString(arguments[0], "a delimiter")
        guard let items = try items(arguments[1], "Fn::Join's second argument") else { return scalar("", at: call.node) }
        var parts: [String] = []
        for item in items {
            if let text = try string(item, "a string to join") { parts.append(text) }
        }
        return scalar(parts.joined(separator: delimiter), at: call.node)
    }

    /// `Fn::Select: [index, [items]]`.
    func select(_ call: IntrinsicCall) throws(DefinitionError) -> YAMLNode? {
        let arguments = try arguments(call, count: 2...2)
        let indexText = try requiredString(arguments[0], "an index")
        guard let index = Int(indexText) else { throw context.error("Fn::Select index '\(indexText)' is not a number", at: arguments[0]) }
        let items = try items(arguments[1], "Fn::Select's second argument") ?? []
        guard items.indices.contains(index) else {
            throw context.error("Fn::Select index \(index) is out of range for a list of \(items.count)", at: call.node)
        }
        return try resolve(items[index])
    }

    /// `Fn::Split: [delimiter, string]`.
    func split(_ call: IntrinsicCall) throws(DefinitionError) -> YAMLNode? {
        let arguments = try arguments(call, count: 2...2)
        let delimiter = try requiredString(arguments[0], "a delimiter")
        let source = try requiredString(arguments[1], "a string to split")
        guard !delimiter.isEmpty else { throw context.error("Fn::Split needs a non-empty delimiter", at: arguments[0]) }
        return list(source.components(separatedBy: delimiter), at: call.node)
    }

    /// `Fn::FindInMap: [MapName, TopLevelKey, SecondLevelKey]`, with the optional
    /// `{DefaultValue: x}` fourth argument of the language extensions.
    func findInMap(_ call: IntrinsicCall) throws(DefinitionError) -> YAMLNode? {
        let arguments = try arguments(call, count: 3...4)
        var keys: [String] = []
        for argument in arguments.prefix(3) { keys.append(try requiredString(argument, "a mapping key")) }
        if let value = context.mappings?[keys[0]]?[keys[1]]?[keys[2]] { return try resolve(value) }
        if arguments.count == 4, let fallback = arguments[3]["DefaultValue"] { return try resolve(fallback) }
        guard context.mappings?[keys[0]] != nil else { throw context.error("Fn::FindInMap: no mapping named '\(keys[0])'", at: call.node) }
        throw context.error("Fn::FindInMap: mapping '\(keys[0])' has no '\(keys[1])' → '\(keys[2])'", at: call.node)
    }

    /// `Fn::Base64`.
    func base64(_ call: IntrinsicCall) throws(DefinitionError) -> YAMLNode? {
        let text = try requiredString(call.argument, "a string to encode")
        return scalar(Data(text.utf8).base64EncodedString(), at: call.node)
    }

    /// `Fn::GetAZs`: three zones of the region, as most regions have.
    func availabilityZones(_ call: IntrinsicCall) throws(DefinitionError) -> YAMLNode? {
        var region = try string(call.argument, "a region") ?? ""
        if region.isEmpty { region = options.region }
        return list(["a", "b", "c"].map { region + $0 }, at: call.node)
    }

    /// `Fn::ImportValue`: another stack's export, which only a deployment knows; a
    /// placeholder that says so unless `--parameter EXPORT=VALUE` supplies it.
    func importValue(_ call: IntrinsicCall) throws(DefinitionError) -> YAMLNode? {
        let name = try requiredString(call.argument, "an export name")
        return scalar(options.parameters[name] ?? "imported:\(name)", at: call.node)
    }

    /// The branch `Fn::If: [Condition, whenTrue, whenFalse]` takes, unresolved.
    func chooseBranch(_ call: IntrinsicCall) throws(DefinitionError) -> YAMLNode? {
        let arguments = try arguments(call, count: 3...3)
        guard let name = arguments[0].string else { throw context.error("Fn::If takes a condition name first", at: arguments[0]) }
        return try condition(named: name, at: arguments[0]) ? arguments[1] : arguments[2]
    }
}
