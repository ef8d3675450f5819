import VTL

/// What `vtl check` looks at besides the definition.
public struct CheckOptions: Sendable {
    /// The payloads to sweep with: the built-in corpus plus any of the user's.
    public var payloads: [CheckPayload]
    /// Only methods with this HTTP method (case-insensitive), when set.
    public var method: String?
    /// Only methods whose resource path is this, or that a request to this path reaches.
    public var path: String?
    /// Region, account and backend answer for the simulated invocations the sweep makes.
    public var settings: InvocationSettings

    /// Creates options; by default the built-in corpus over every method.
    public init(
        payloads: [CheckPayload] = PayloadCorpus.builtIn, method: String? = nil, path: String? = nil,
        settings: InvocationSettings = InvocationSettings()
    ) {
        self.payloads = payloads
        self.method = method
        self.path = path
        self.settings = settings
    }
}

/// `vtl check`: the lint rules and the payload sweep over every request template of an API
/// definition, or over one template.
public enum APICheck {
    /// Checks every method (or those `options` select) of `api`; `definitionText` is the file it
    /// was loaded from, used to place template findings on the file's lines.
    public static func check(_ api: APIDefinition, definitionText: String, options: CheckOptions = CheckOptions()) -> CheckReport {
        var checks: [IntegrationCheck] = []
        for method in api.methods where selected(method, options: options) {
            guard let integration = method.integration else { continue }
            let target = CheckTarget.of(integration)
            let name = "\(method.httpMethod) \(method.resourcePath)"
            let integrationFindings = integrationRules(integration, target: target)
                + MockResponseLint.findings(for: integration, definitionText: definitionText)
            if integration.requestTemplates.isEmpty {
                checks.append(IntegrationCheck(name: name, target: target, location: integration.location, findings: integrationFindings))
                continue
            }
            for (index, template) in integration.requestTemplates.enumerated() {
                let mapping = TemplateLocationMapping(definitionText: definitionText, template: template)
                var findings = index == 0 ? integrationFindings : []
                findings += checkTemplate(
                    template, in: APIDefinition(fileName: api.fileName, methods: [method]), method: method, target: target,
                    format: target == .sqsQuery || target == .sns
                        ? .form : CheckTarget.bodyFormat(of: integration, templateContentType: template.contentType),
                    locate: mapping.map, options: options)
                checks.append(IntegrationCheck(
                    name: "\(name) (\(template.contentType))", target: target, location: template.location, findings: findings))
            }
        }
        return CheckReport(integrations: checks, payloadCount: options.payloads.count)
    }

    /// Checks one template whose output the backend reads as `contentType`
    /// (`application/x-www-form-urlencoded` or `application/json`).
    public static func check(template text: String, fileName: String, contentType: String, options: CheckOptions = CheckOptions()) -> CheckReport {
        let location = DefinitionLocation(fileName: fileName, line: 1, column: 1)
        let template = ContentTemplate(contentType: "application/json", template: text, location: location)
        // An HTTP backend that receives the template's output with the given Content-Type.
        let integration = Integration(
            type: .http, httpMethod: "POST", uri: "https://backend.example/",
            requestParameters: [ParameterMapping(target: "integration.request.header.Content-Type", source: "'\(contentType)'")],
            requestTemplates: [template], responses: [IntegrationResponse(statusCode: "200")], location: location)
        let method = MethodDefinition(
            httpMethod: "POST", resourcePath: "/", methodResponses: [MethodResponseDefinition(statusCode: "200")],
            integration: integration, location: location)
        let mapping = TemplateLocationMapping(definitionText: text, template: template)
        let findings = checkTemplate(
            template, in: APIDefinition(fileName: fileName, methods: [method]), method: method, target: .template,
            format: CheckTarget.bodyFormat(ofContentType: contentType), locate: mapping.map, options: options)
        return CheckReport(
            integrations: [IntegrationCheck(name: "\(fileName) (\(contentType))", target: .template, location: location, findings: findings)],
            payloadCount: options.payloads.count)
    }

    private static func selected(_ method: MethodDefinition, options: CheckOptions) -> Bool {
        if let wanted = options.method, method.httpMethod.uppercased() != wanted.uppercased() { return false }
        if let path = options.path, method.resourcePath != path {
            let single = APIDefinition(fileName: "", methods: [method])
            return Routing.route(method: method.httpMethod == "ANY" ? "POST" : method.httpMethod, path: path, in: single) != nil
        }
        return true
    }

    private static func checkTemplate(
        _ template: ContentTemplate, in api: APIDefinition, method: MethodDefinition, target: CheckTarget,
        format: CheckTarget.BodyFormat, locate: @escaping @Sendable (TemplateLocation) -> DefinitionLocation, options: CheckOptions
    ) -> [CheckFinding] {
        let parsed: Template
        do {
            parsed = try Template(source: template.template, name: template.location.fileName)
        } catch {
            let unsupported = error.kind == .unsupportedDirective
            return [CheckFinding(
                rule: unsupported ? .unsupportedDirective : .templateSyntax,
                location: locate(TemplateLocation(line: error.line, column: error.column)), message: error.message,
                why: unsupported
                    ? "API Gateway mapping templates cannot read other files: the template fails on every request"
                    : "API Gateway rejects the template, so every request fails",
                fix: unsupported ? "inline the other template's text, or use #define/#macro within this one" : "correct the template text")]
        }
        let inspection = parsed.inspect()
        var findings = TemplateLint(inspection: inspection, format: format, locate: locate).findings()
        if target == .sqsQuery, !template.template.contains("Action="), !hasStaticAction(api.methods[0].integration) {
            findings.append(CheckFinding(
                rule: .sqsMissingAction, location: template.location,
                message: "the SQS request names no Action",
                why: "SQS's query API needs Action=SendMessage; without it SQS answers MissingAction, and API Gateway may still answer 200",
                fix: "start the template with Action=SendMessage&MessageBody=$util.urlEncode($input.body)"))
        }
        let lintFix = { (rule: CheckRule) in findings.first { $0.rule == rule }.map { "\($0.location): \($0.fix)" } }
        let sweep = PayloadSweep(
            api: api, request: SweepRequest(method: method, contentType: template.contentType, inspection: inspection),
            format: format, payloads: options.payloads, location: template.location,
            formFix: lintFix(.formUnencodedValue) ?? "wrap every request value in $util.urlEncode(...), as in MessageBody=$util.urlEncode($input.body)",
            jsonFix: lintFix(.escapeJavaScriptInJSON) ?? lintFix(.jsonQuotedJSON) ?? lintFix(.jsonUnescapedValue)
                ?? "escape values inside JSON strings with $util.escapeJavaScript(...).replaceAll(\"\\\\'\",\"'\"), or insert $input.json('...') without quotes",
            settings: options.settings)
        return findings + sweep.findings()
    }

    private static func hasStaticAction(_ integration: Integration?) -> Bool {
        guard let integration else { return false }
        if integration.uri?.contains(":action/") == true { return true }
        return integration.requestParameters.contains { $0.target.lowercased() == "integration.request.querystring.action" }
    }

    /// Rules about the integration itself rather than a template.
    private static func integrationRules(_ integration: Integration, target: CheckTarget) -> [CheckFinding] {
        guard target == .sqsQuery, !integration.requestTemplates.isEmpty else { return [] }
        let contentType = CheckTarget.staticHeader("Content-Type", of: integration)
        if contentType.map({ CheckTarget.bodyFormat(ofContentType: $0) == .form }) == true { return [] }
        if contentType == nil, integration.requestTemplates.allSatisfy({ CheckTarget.bodyFormat(ofContentType: $0.contentType) == .form }) {
            return []
        }
        return [CheckFinding(
            rule: .sqsMissingContentType, location: integration.location,
            message: contentType.map { "the SQS request is sent as '\($0)', not application/x-www-form-urlencoded" }
                ?? "the SQS request does not set Content-Type: application/x-www-form-urlencoded",
            why: "API Gateway sends the template's content type (application/json); SQS's query API then does not read the form body and answers an error",
            fix: "add requestParameters: integration.request.header.Content-Type: \"'application/x-www-form-urlencoded'\"")]
    }
}
