import YAML

/// The method SAM adds for a function's `Api` event: a Lambda proxy integration
/// (`AWS_PROXY`, `POST` to the function's invocation ARN) on `Path` and `Method`.
struct SAMImplicitAPI: Sendable {
    var resolver: IntrinsicResolver

    private var context: TemplateContext { resolver.context }

    func method(function: TemplateContext.Resource, event: YAMLNode) throws(DefinitionError) -> MethodDefinition {
        guard let properties = event["Properties"], let pathNode = properties["Path"], let methodNode = properties["Method"] else {
            throw context.error("an Api event needs Properties with Path and Method", at: event)
        }
        var httpMethod = try resolver.requiredString(methodNode, "an HTTP method").uppercased()
        if httpMethod == "ANY" || httpMethod == "X-AMAZON-APIGATEWAY-ANY-METHOD" { httpMethod = "ANY" }
        let functionArn = try resolver.resourceAttribute(function.logicalId, "Arn", at: event)
        let uri = "arn:\(resolver.partition):apigateway:\(resolver.options.region):lambda:path/2015-03-31/functions/"
            + "\(functionArn)/invocations"
        var method = MethodDefinition(
            httpMethod: httpMethod, resourcePath: try resolver.requiredString(pathNode, "a path"),
            integration: Integration(type: .awsProxy, httpMethod: "POST", uri: uri, location: context.location(of: event)),
            location: context.location(of: event))
        // RequestParameters: a list of names, or of single-key maps carrying `Required`.
        for item in try resolver.items(properties["RequestParameters"], "RequestParameters") ?? [] {
            if let pair = item.mapping?.first, IntrinsicCall(item) == nil, let name = pair.key.string {
                var required = false
                if let requiredNode = pair.value["Required"] { required = try resolver.string(requiredNode) == "true" }
                method.requestParameters[name] = required
            } else if let name = try resolver.string(item, "a parameter name") {
                method.requestParameters[name] = false
            }
        }
        return method
    }
}
