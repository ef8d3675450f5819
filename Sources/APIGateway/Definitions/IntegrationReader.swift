import YAML

/// Reads an integration in either spelling: OpenAPI's `x-amazon-apigateway-integration`
/// (`type`, `uri`, `responses` keyed by selection pattern) or CloudFormation's
/// `AWS::ApiGateway::Method` `Integration` (`Type`, `Uri`, `IntegrationResponses` as a list).
struct IntegrationReader: Sendable {
    /// The property names of one spelling.
    struct Vocabulary: Sendable {
        var type, httpMethod, uri, credentials, requestParameters, requestTemplates: String
        var passthroughBehavior, contentHandling, timeoutInMillis: String
        var statusCode, responseParameters, responseTemplates: String

        static let openAPI = Vocabulary(
            type: "type", httpMethod: "httpMethod", uri: "uri", credentials: "credentials",
            requestParameters: "requestParameters", requestTemplates: "requestTemplates",
            passthroughBehavior: "passthroughBehavior", contentHandling: "contentHandling", timeoutInMillis: "timeoutInMillis",
            statusCode: "statusCode", responseParameters: "responseParameters", responseTemplates: "responseTemplates")

        static let cloudFormation = Vocabulary(
            type: "Type", httpMethod: "IntegrationHttpMethod", uri: "Uri", credentials: "Credentials",
            requestParameters: "RequestParameters", requestTemplates: "RequestTemplates",
            passthroughBehavior: "PassthroughBehavior", contentHandling: "ContentHandling", timeoutInMillis: "TimeoutInMillis",
            statusCode: "StatusCode", responseParameters: "ResponseParameters", responseTemplates: "ResponseTemplates")
    }

    var resolver: IntrinsicResolver
    var words: Vocabulary

    private var context: TemplateContext { resolver.context }

    func read(_ node: YAMLNode) throws(DefinitionError) -> Integration {
        guard let resolved = try resolver.resolveShallow(node), resolved.mapping != nil else {
            throw context.error("the integration must be a map", at: node)
        }
        guard let typeNode = resolved[words.type] else { throw context.error("the integration has no '\(words.type)'", at: node) }
        let typeText = try resolver.requiredString(typeNode, "an integration type")
        // API Gateway accepts the type and passthrough behaviour in any case ("aws", "when_no_match").
        guard let type = Integration.Kind(rawValue: typeText.uppercased()) else {
            throw context.error(
                "unknown integration type '\(typeText)'; expected one of "
                    + Integration.Kind.allCases.map(\.rawValue).joined(separator: ", "), at: typeNode)
        }
        var integration = Integration(type: type, location: context.location(of: node))
        integration.httpMethod = try optionalString(resolved[words.httpMethod])?.uppercased()
        integration.uri = try optionalString(resolved[words.uri])
        integration.credentials = try optionalString(resolved[words.credentials])
        integration.requestParameters = try mappings(resolved[words.requestParameters], words.requestParameters)
        integration.requestTemplates = try templates(resolved[words.requestTemplates], words.requestTemplates)
        if let behaviourNode = resolved[words.passthroughBehavior], let text = try optionalString(behaviourNode) {
            guard let behaviour = PassthroughBehavior(rawValue: text.uppercased()) else {
                throw context.error(
                    "unknown passthrough behavior '\(text)'; expected one of "
                        + PassthroughBehavior.allCases.map(\.rawValue).joined(separator: ", "), at: behaviourNode)
            }
            integration.passthroughBehavior = behaviour
        }
        integration.contentHandling = try optionalString(resolved[words.contentHandling])
        if let timeoutNode = resolved[words.timeoutInMillis], let text = try optionalString(timeoutNode) {
            guard let timeout = Int(text) else { throw context.error("\(words.timeoutInMillis) must be a whole number", at: timeoutNode) }
            integration.timeoutInMillis = timeout
        }
        integration.responses = try responses(resolved)
        return integration
    }

    /// `responses` keyed by selection pattern (`default` for none), or `IntegrationResponses`
    /// as a list whose items carry `SelectionPattern`.
    private func responses(_ integration: YAMLNode) throws(DefinitionError) -> [IntegrationResponse] {
        var responses: [IntegrationResponse] = []
        if words.type == "type" {
            for pair in try resolver.pairs(integration["responses"], "responses") ?? [] {
                let pattern = try resolver.requiredString(pair.key, "a selection pattern")
                responses.append(try response(pair.value, selectionPattern: pattern == "default" ? nil : pattern))
            }
        } else {
            for item in try resolver.items(integration["IntegrationResponses"], "IntegrationResponses") ?? [] {
                guard let resolved = try resolver.resolveShallow(item) else { continue }
                let pattern = try optionalString(resolved["SelectionPattern"])
                // An empty pattern is how CloudFormation spells the default response.
                responses.append(try response(resolved, selectionPattern: pattern?.isEmpty == false ? pattern : nil))
            }
        }
        return responses
    }

    private func response(_ node: YAMLNode, selectionPattern: String?) throws(DefinitionError) -> IntegrationResponse {
        guard let resolved = try resolver.resolveShallow(node), resolved.mapping != nil else {
            throw context.error("an integration response must be a map", at: node)
        }
        guard let status = try optionalString(resolved[words.statusCode]) else {
            throw context.error("the integration response has no '\(words.statusCode)'", at: node)
        }
        return IntegrationResponse(
            selectionPattern: selectionPattern, statusCode: status,
            responseParameters: try mappings(resolved[words.responseParameters], words.responseParameters),
            responseTemplates: try templates(resolved[words.responseTemplates], words.responseTemplates),
            contentHandling: try optionalString(resolved[words.contentHandling]))
    }

    private func optionalString(_ node: YAMLNode?) throws(DefinitionError) -> String? {
        guard let node, !node.isNull else { return nil }
        return try resolver.string(node)
    }

    /// `target: source` pairs, in file order.
    private func mappings(_ node: YAMLNode?, _ what: String) throws(DefinitionError) -> [ParameterMapping] {
        var mappings: [ParameterMapping] = []
        for pair in try resolver.pairs(node, what) ?? [] {
            let target = try resolver.requiredString(pair.key, "a parameter name")
            guard let source = try resolver.string(pair.value, "a parameter source") else { continue }
            mappings.append(ParameterMapping(target: target, source: source))
        }
        return mappings
    }

    /// `content-type: template` pairs, in file order; an empty value is an empty template.
    private func templates(_ node: YAMLNode?, _ what: String) throws(DefinitionError) -> [ContentTemplate] {
        var templates: [ContentTemplate] = []
        for pair in try resolver.pairs(node, what) ?? [] {
            let contentType = try resolver.requiredString(pair.key, "a content type")
            guard let value = try resolver.resolve(pair.value) else { continue }
            guard let text = value.string else { throw context.error("the template for \(contentType) must be a string", at: pair.value) }
            let body = value.isNull ? "" : text
            templates.append(ContentTemplate(contentType: contentType, template: body, location: context.textLocation(of: value)))
        }
        return templates
    }
}
