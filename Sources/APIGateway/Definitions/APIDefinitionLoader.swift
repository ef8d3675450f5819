import YAML

/// Turns the files people deploy API Gateway from into an ``APIDefinition``.
///
/// ```swift
/// let api = try APIDefinitionLoader.load(text, fileName: "template.yaml",
///                                        options: DefinitionOptions(parameters: ["pEnvironment": "prod"]))
/// ```
public enum APIDefinitionLoader {
    /// Reads OpenAPI 3 / Swagger 2 (JSON or YAML) with x-amazon-apigateway-integration, SAM templates (AWS::Serverless::Api DefinitionBody, and implicit APIs from AWS::Serverless::Function Events of type Api are a bonus), and CloudFormation (AWS::ApiGateway::RestApi Body, AWS::ApiGateway::Resource + AWS::ApiGateway::Method with Integration).
    ///
    /// Serverless Framework files are read through their `resources` section, which is
    /// CloudFormation. Intrinsic functions are resolved with `options` standing in for the
    /// deployment; only the values the API uses are resolved, so a parameter without a
    /// value elsewhere in the template does not matter.
    /// - Throws: ``DefinitionError`` at the place in the file that is wrong: the YAML or
    ///   JSON reader's error, an unknown `Ref`, an unsupported function, a missing field.
    public static func load(
        _ text: String, fileName: String, options: DefinitionOptions = DefinitionOptions()
    ) throws(DefinitionError) -> APIDefinition {
        let root: YAMLNode
        do {
            root = try YAML.parse(text, fileName: fileName)
        } catch {
            throw DefinitionError(error)
        }
        if root["openapi"] != nil || root["swagger"] != nil {
            let context = TemplateContext(fileName: fileName, options: options, text: text)
            let reader = OpenAPIReader(resolver: IntrinsicResolver(context: context), document: root)
            return APIDefinition(fileName: fileName, title: reader.title(), methods: try reader.methods())
        }
        if root["Resources"] != nil {
            let context = TemplateContext(template: root, fileName: fileName, options: options, text: text)
            return try CloudFormationReader(resolver: IntrinsicResolver(context: context)).read(root: root)
        }
        if let resources = root["resources"], resources["Resources"] != nil, root["service"] != nil {
            let template = try ServerlessVariables(root: root, options: options, fileName: fileName).substitute(in: resources)
            let context = TemplateContext(template: template, fileName: fileName, options: options, text: text)
            // Methods a plugin or `functions` events generate exist only after `serverless package`.
            if let proxies = root["custom"]?["apiGatewayServiceProxies"],
               !context.resources.contains(where: { $0.type == "AWS::ApiGateway::Method" }) {
                throw DefinitionError(
                    "custom.apiGatewayServiceProxies belongs to the serverless-apigateway-service-proxy plugin, which builds the "
                        + "API at packaging time; load the CloudFormation template that `serverless package` writes instead",
                    fileName: fileName, at: proxies.location)
            }
            return try CloudFormationReader(resolver: IntrinsicResolver(context: context)).read(root: resources)
        }
        throw DefinitionError(
            "not an API definition: expected an OpenAPI or Swagger document (openapi:/swagger:) "
                + "or a SAM/CloudFormation template (Resources:)", fileName: fileName, at: root.location)
    }
}
