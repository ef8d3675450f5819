import YAML

/// Reads an `AWS::ApiGateway::Method` resource, finding its resource path by following
/// `ResourceId` through `AWS::ApiGateway::Resource` parents up to `RootResourceId`.
struct CloudFormationMethodReader: Sendable {
    var resolver: IntrinsicResolver

    private var context: TemplateContext { resolver.context }

    func read(_ resource: TemplateContext.Resource) throws(DefinitionError) -> MethodDefinition {
        guard let declared = resource.properties, let properties = try resolver.resolveShallow(declared) else {
            throw context.error("\(resource.logicalId) has no Properties", at: resource.node)
        }
        guard let httpMethodNode = properties["HttpMethod"] else {
            throw context.error("\(resource.logicalId) has no HttpMethod", at: properties)
        }
        guard let resourceIdNode = properties["ResourceId"] else {
            throw context.error("\(resource.logicalId) has no ResourceId", at: properties)
        }
        let httpMethod = try resolver.requiredString(httpMethodNode, "an HTTP method").uppercased()
        var method = MethodDefinition(
            httpMethod: httpMethod, resourcePath: try path(of: resourceIdNode, resolver: resolver),
            location: context.location(of: resource.node))
        for pair in try resolver.pairs(properties["RequestParameters"], "RequestParameters") ?? [] {
            let name = try resolver.requiredString(pair.key, "a parameter name")
            method.requestParameters[name] = try resolver.string(pair.value, "true or false") == "true"
        }
        for item in try resolver.items(properties["MethodResponses"], "MethodResponses") ?? [] {
            guard let response = try resolver.resolveShallow(item) else { continue }
            guard let statusNode = response["StatusCode"] else { throw context.error("a method response needs a StatusCode", at: item) }
            var headers: [String] = []
            for pair in try resolver.pairs(response["ResponseParameters"], "ResponseParameters") ?? [] {
                headers.append(try resolver.requiredString(pair.key, "a response parameter"))
            }
            method.methodResponses.append(
                MethodResponseDefinition(statusCode: try resolver.requiredString(statusNode, "a status code"), headers: headers))
        }
        if let integration = properties["Integration"], !integration.isNull {
            method.integration = try IntegrationReader(resolver: resolver, words: .cloudFormation).read(integration)
        }
        return method
    }

    /// The path `ResourceId` names: `!GetAtt Api.RootResourceId` is `/`, and `!Ref Resource`
    /// is its parent's path plus its `PathPart`.
    func path(of node: YAMLNode, resolver: IntrinsicResolver) throws(DefinitionError) -> String {
        guard let call = IntrinsicCall(node) else {
            throw context.error("ResourceId must be !Ref of an AWS::ApiGateway::Resource or !GetAtt of an API's RootResourceId", at: node)
        }
        switch call.name {
        case "Fn::If":
            guard let branch = try resolver.chooseBranch(call) else { throw context.error("ResourceId resolves to AWS::NoValue", at: node) }
            return try path(of: branch, resolver: resolver.nested(at: node))
        case "Fn::GetAtt":
            let text = call.argument.string ?? call.argument.sequence?.compactMap(\.string).joined(separator: ".") ?? ""
            // Any API's root (even one a framework creates outside the file) is the path `/`.
            if text.hasSuffix(".RootResourceId") { return "/" }
        case "Ref":
            guard let name = call.argument.string, let parent = context.resource(name), parent.type == "AWS::ApiGateway::Resource",
                  let properties = parent.properties else {
                throw context.error(
                    "ResourceId refers to '\(call.argument.string ?? "")', which is not an AWS::ApiGateway::Resource in this file",
                    at: node)
            }
            guard let parentId = properties["ParentId"], let pathPartNode = properties["PathPart"] else {
                throw context.error("\(name) needs ParentId and PathPart", at: parent.node)
            }
            let deeper = try resolver.nested(at: node)
            let parentPath = try path(of: parentId, resolver: deeper)
            let part = try deeper.requiredString(pathPartNode, "a path part")
            return parentPath == "/" ? "/" + part : parentPath + "/" + part
        default:
            break
        }
        throw context.error("ResourceId must be !Ref of an AWS::ApiGateway::Resource or !GetAtt of an API's RootResourceId", at: node)
    }
}
