import Foundation
import YAML

/// Reads the methods of an OpenAPI 3 or Swagger 2 document the way API Gateway imports it:
/// each path's operations with their parameters, responses and
/// `x-amazon-apigateway-integration`. Swagger's `basePath` is ignored, as API Gateway's
/// default `basepath=ignore` import mode does.
struct OpenAPIReader: Sendable {
    var resolver: IntrinsicResolver
    /// The document root, where local `$ref`s start.
    var document: YAMLNode

    private var context: TemplateContext { resolver.context }

    /// The operation keys of a path item and the methods they stand for.
    static let operations: [String: String] = [
        "get": "GET", "put": "PUT", "post": "POST", "delete": "DELETE", "options": "OPTIONS",
        "head": "HEAD", "patch": "PATCH", "x-amazon-apigateway-any-method": "ANY",
    ]

    /// `info.title`; nil when absent or when it cannot be resolved (a title never blocks loading).
    func title() -> String? {
        guard let node = document["info"]?["title"] else { return nil }
        return try? resolver.string(node)
    }

    func methods() throws(DefinitionError) -> [MethodDefinition] {
        var methods: [MethodDefinition] = []
        for pathPair in try resolver.pairs(document["paths"], "paths") ?? [] {
            let path = try resolver.requiredString(pathPair.key, "a path")
            let item = try followReference(pathPair.value)
            let shared = try resolver.items(item?["parameters"], "parameters")
            for operationPair in try resolver.pairs(item, "a path item") ?? [] {
                guard let key = operationPair.key.string, let httpMethod = Self.operations[key.lowercased()] else { continue }
                guard let operation = try followReference(operationPair.value) else { continue }
                methods.append(try method(httpMethod, path: path, operation, sharedParameters: shared ?? [], at: operationPair.key))
            }
        }
        return methods
    }

    private func method(
        _ httpMethod: String, path: String, _ operation: YAMLNode, sharedParameters: [YAMLNode], at keyNode: YAMLNode
    ) throws(DefinitionError) -> MethodDefinition {
        var method = MethodDefinition(httpMethod: httpMethod, resourcePath: path, location: context.location(of: keyNode))
        // Path-level parameters first, so an operation's own declaration of the same name wins.
        let own = try resolver.items(operation["parameters"], "parameters") ?? []
        for parameter in sharedParameters + own {
            guard let (name, required) = try requestParameter(parameter) else { continue }
            method.requestParameters[name] = required
        }
        for responsePair in try resolver.pairs(operation["responses"], "responses") ?? [] {
            let status = try resolver.requiredString(responsePair.key, "a status code")
            // `default` and ranges such as `2XX` have no method response in API Gateway.
            guard !status.isEmpty, status.allSatisfy(\.isNumber) else { continue }
            let response = try followReference(responsePair.value)
            var headers: [String] = []
            for header in try resolver.pairs(response?["headers"], "headers") ?? [] {
                headers.append("method.response.header." + (try resolver.requiredString(header.key, "a header name")))
            }
            method.methodResponses.append(MethodResponseDefinition(statusCode: status, headers: headers))
        }
        if let integrationNode = operation["x-amazon-apigateway-integration"], let integration = try followReference(integrationNode) {
            method.integration = try IntegrationReader(resolver: resolver, words: .openAPI).read(integration)
        }
        return method
    }

    /// `method.request.querystring.page` and whether it is required; nil for body and form parameters.
    private func requestParameter(_ node: YAMLNode) throws(DefinitionError) -> (String, Bool)? {
        guard let parameter = try followReference(node),
              let inNode = parameter["in"], let nameNode = parameter["name"] else { return nil }
        let location = try resolver.requiredString(inNode, "a parameter location")
        let name = try resolver.requiredString(nameNode, "a parameter name")
        let prefix: String
        switch location {
        case "path": prefix = "method.request.path."
        case "query": prefix = "method.request.querystring."
        case "header": prefix = "method.request.header."
        default: return nil
        }
        // Path parameters are always required; OpenAPI says so and API Gateway imports them so.
        var required = location == "path"
        if let requiredNode = parameter["required"], let text = try resolver.string(requiredNode, "true or false") {
            required = required || text == "true"
        }
        return (prefix + name, required)
    }

    /// The node a local `$ref` (`#/components/responses/Ok`) points at, or `node` itself.
    func followReference(_ node: YAMLNode) throws(DefinitionError) -> YAMLNode? {
        var current = try resolver.resolveShallow(node)
        var hops = 0
        while let reference = current?["$ref"] {
            hops += 1
            guard hops <= 16 else { throw context.error("$ref chain too long or circular", at: reference) }
            let target = try resolver.requiredString(reference, "a $ref")
            guard target.hasPrefix("#/") else {
                throw context.error("$ref '\(target)' points into another file, which cannot be followed", at: reference)
            }
            var found: YAMLNode? = document
            for segment in target.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) {
                let key = segment.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
                if let items = found?.sequence {
                    found = Int(key).flatMap { items.indices.contains($0) ? items[$0] : nil }
                } else {
                    found = found?[key]
                }
            }
            guard let found else { throw context.error("$ref '\(target)' points at nothing in this document", at: reference) }
            current = try resolver.resolveShallow(found)
        }
        return current
    }
}
