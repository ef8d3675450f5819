import YAML

/// Finds the REST APIs of a SAM or CloudFormation template: `AWS::Serverless::Api` and
/// `AWS::ApiGateway::RestApi` with an inline OpenAPI body, `AWS::ApiGateway::Method`
/// resources, and the implicit API SAM builds from functions' `Api` events. All methods
/// found go into one definition, in file order.
struct CloudFormationReader: Sendable {
    var resolver: IntrinsicResolver

    private var context: TemplateContext { resolver.context }

    func read(root: YAMLNode) throws(DefinitionError) -> APIDefinition {
        var definition = APIDefinition(fileName: context.fileName)
        var implicitEvents: [(TemplateContext.Resource, YAMLNode)] = []
        for resource in context.resources {
            guard try isDeployed(resource) else { continue }
            switch resource.type {
            case "AWS::Serverless::Api", "AWS::ApiGateway::RestApi":
                let bodyKey = resource.type == "AWS::Serverless::Api" ? "DefinitionBody" : "Body"
                let locationKey = resource.type == "AWS::Serverless::Api" ? "DefinitionUri" : "BodyS3Location"
                if let body = resource.properties?[bodyKey] {
                    if let call = IntrinsicCall(body), call.name == "Fn::Transform" {
                        throw context.error(transformMessage(call, resource: resource.logicalId), at: body)
                    }
                    guard let document = try resolver.resolveShallow(body) else { continue }
                    let reader = OpenAPIReader(resolver: resolver, document: document)
                    definition.title = definition.title ?? reader.title()
                    definition.methods += try reader.methods()
                } else if let location = resource.properties?[locationKey] {
                    let named = location.string.map { " (\($0))" } ?? ""
                    throw context.error(
                        "\(resource.logicalId).\(locationKey) keeps the OpenAPI document in a separate file\(named); load that file itself",
                        at: location)
                } else if definition.title == nil, let name = resource.properties?["Name"] {
                    definition.title = try? resolver.string(name)
                }
            case "AWS::ApiGateway::Method":
                definition.methods.append(try CloudFormationMethodReader(resolver: resolver).read(resource))
            case "AWS::Serverless::Function":
                for event in resource.properties?["Events"]?.mapping ?? [] where event.value["Type"]?.string == "Api" {
                    implicitEvents.append((resource, event.value))
                }
            default:
                break
            }
        }
        for (function, event) in implicitEvents {
            let method = try SAMImplicitAPI(resolver: resolver).method(function: function, event: event)
            // An event whose path the API's own body already defines adds nothing (SAM merges them).
            if !definition.methods.contains(where: { $0.httpMethod == method.httpMethod && $0.resourcePath == method.resourcePath }) {
                definition.methods.append(method)
            }
        }
        guard !definition.methods.isEmpty else {
            throw context.error(
                "no API methods found: looked for AWS::Serverless::Api DefinitionBody, AWS::ApiGateway::RestApi Body, "
                    + "AWS::ApiGateway::Method and AWS::Serverless::Function events of type Api", at: root)
        }
        return definition
    }

    /// Whether the resource's `Condition`, if it has one, holds.
    private func isDeployed(_ resource: TemplateContext.Resource) throws(DefinitionError) -> Bool {
        guard let condition = resource.node["Condition"] else { return true }
        guard let name = condition.string else { throw context.error("Condition must name a condition", at: condition) }
        return try resolver.condition(named: name, at: condition)
    }

    private func transformMessage(_ call: IntrinsicCall, resource: String) -> String {
        let location = call.argument["Parameters"]?["Location"]
        let named = location.flatMap { IntrinsicCall($0) == nil ? $0.string : nil }.map { " (\($0))" } ?? ""
        return "\(resource)'s OpenAPI document is brought in by Fn::Transform AWS::Include\(named), "
            + "which cannot be resolved offline; load the included file itself"
    }
}
