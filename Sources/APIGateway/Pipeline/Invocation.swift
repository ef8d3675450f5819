import VTL

/// Runs one request through an API the way API Gateway does, step by step:
/// `Routing` → `MethodRequestHandling` → `TemplateSelection` → `MappingTemplateRendering` →
/// `RequestParameterMapping` → `RequestOverride` → `IntegrationRequest` → `SimulatedBackend` →
/// `IntegrationResponseSelection` → `ResponseParameterMapping` → response template → `MethodResponse`.
public enum Invocation {
    /// The result of the request, including API Gateway's own refusals (403, 413, 415, 400,
    /// 500); throws only for a problem in the definition itself.
    public static func run(
        _ request: InvocationRequest, in api: APIDefinition, settings: InvocationSettings = InvocationSettings()
    ) throws(PipelineError) -> InvocationResult {
        var log = ExecutionLog()
        guard let match = Routing.route(method: request.httpMethod, path: request.path, in: api) else {
            log.add("No resource and method match \(request.httpMethod.uppercased()) \(pathOnly(request.path))")
            return log.refused(Routing.missingAuthenticationToken, result: InvocationResult())
        }
        var result = InvocationResult(method: match.method)
        let methodRequest: MethodRequest
        switch MethodRequestHandling.methodRequest(for: request, match: match, settings: settings) {
        case .failure(let refusal):
            log.add("Request body exceeds the \(MethodRequestHandling.payloadLimit) byte payload limit")
            return log.refused(refusal, result: result)
        case .success(let built): methodRequest = built
        }
        result.methodRequest = methodRequest
        // `$context` is built once: the log, a proxy event and the request template all start from it.
        var context = ContextVariable.value(for: methodRequest)
        log.start(methodRequest, context: context)

        guard let integration = match.method.integration else {
            throw PipelineError("\(match.method.httpMethod) \(match.method.resourcePath) has no integration", location: match.method.location)
        }

        // Steps 3 and 4: the body the backend gets.
        var body = methodRequest.body
        var contentType = request.header("Content-Type") ?? "application/json"
        switch integration.type {
        case .awsProxy:
            body = LambdaProxyEvent.json(for: methodRequest, path: pathOnly(request.path), context: context)
            contentType = "application/json"
        case .httpProxy:
            break
        case .aws, .http, .mock:
            switch TemplateSelection.request(contentType: request.header("Content-Type"), integration: integration) {
            case .unsupportedMediaType:
                log.add("Request Content-Type '\(request.header("Content-Type") ?? "(none: application/json)")' has no template and passthroughBehavior is \(integration.passthroughBehavior.rawValue)")
                return log.refused(.unsupportedMediaType, result: result)
            case .passthrough:
                log.add("No template for the request Content-Type: body passed through (passthroughBehavior \(integration.passthroughBehavior.rawValue))")
            case .template(let template):
                result.requestTemplate = template.contentType
                switch try MappingTemplateRendering.render(template, role: "request", request: methodRequest, context: context) {
                case .failure(.refused(let refusal, let diagnostic)):
                    log.add("Execution failed: unable to transform request: \(diagnostic)")
                    return log.refused(refusal, result: result)
                case .success(let rendered):
                    body = rendered.output
                    context = rendered.context
                    contentType = template.contentType
                }
            }
        }

        // Steps 5 and 6: parameters, then the template's overrides on top.
        var parameters: IntegrationParameters
        switch try RequestParameterMapping.map(integration, request: methodRequest, context: context) {
        case .failure(let refusal):
            log.add("Execution failed due to configuration error: a request parameter maps a header API Gateway does not allow")
            return log.refused(refusal, result: result)
        case .success(let mapped): parameters = mapped
        }
        if integration.type != .awsProxy && integration.type != .httpProxy {
            RequestOverride.apply(context, to: &parameters)
        }

        // Step 7.
        let integrationRequest = try IntegrationRequest.build(
            integration, parameters: parameters, body: body, contentType: contentType, request: methodRequest,
            settings: settings, context: context)
        result.integrationRequest = integrationRequest
        log.endpointRequest(integrationRequest, type: integration.type)

        // Step 8: the backend and the way back.
        let (backend, sqs) = SimulatedBackend.respond(
            to: integrationRequest, integration: integration, originalBody: request.body, override: settings.backend)
        result.integrationResponse = backend
        result.sqs = sqs
        log.endpointResponse(backend, simulated: settings.backend.isEmpty, type: integration.type)

        let response: MethodResponse
        switch integration.type {
        case .httpProxy:
            response = MethodResponse.proxied(backend)
        case .awsProxy:
            guard let proxied = MethodResponse.lambdaProxy(backend) else {
                log.add("Execution failed due to configuration error: Malformed Lambda proxy response")
                return log.refused(.badGateway, result: result)
            }
            response = proxied
        case .aws, .http, .mock:
            let isLambda = integration.type == .aws && integrationRequest.service == "lambda"
            switch try IntegrationResponseSelection.select(integration.responses, backend: backend, isLambda: isLambda, integration: integration) {
            case .noMatch(let message):
                log.add(message)
                return log.refused(.internalServerError, result: result)
            case .selected(let selected):
                result.selectedResponse = selected
                guard let built = try respond(
                    selected, backend: backend, request: methodRequest, accept: request.header("Accept"), context: context,
                    integration: integration, log: &log)
                else { return log.refused(.internalServerError, result: result) }
                response = built
            }
        }
        result.methodResponse = response
        log.finish(response)
        result.executionLog = log
        return result
    }

    /// Integration response → method response for non-proxy integrations; nil when the
    /// response template failed (API Gateway's 500, logged).
    private static func respond(
        _ selected: IntegrationResponse, backend: BackendResponse, request: MethodRequest, accept: String?, context: Value,
        integration: Integration, log: inout ExecutionLog
    ) throws(PipelineError) -> MethodResponse? {
        guard let status = Int(selected.statusCode) else {
            throw PipelineError("integration response status '\(selected.statusCode)' is not a number", location: integration.location)
        }
        var headers = [Parameter("Content-Type", "application/json")]
        var body = backend.body
        var finalContext = context
        switch TemplateSelection.response(accept: accept, templates: selected.responseTemplates) {
        case .template(let template):
            var responseRequest = request
            responseRequest.body = backend.body
            // MOCK answers have no body for `$input` to read: the request template's output
            // is not visible there (community reports, aws-reference §2).
            switch try MappingTemplateRendering.render(template, role: "response", request: responseRequest, context: context) {
            case .failure(.refused(_, let diagnostic)):
                log.add("Execution failed due to configuration error: unable to transform response: \(diagnostic)")
                return nil
            case .success(let rendered):
                body = rendered.output
                finalContext = rendered.context
                headers = [Parameter("Content-Type", template.contentType)]
            }
        case .passthrough, .unsupportedMediaType:
            break
        }
        let mapped = try ResponseParameterMapping.map(selected, backend: backend, request: request, context: finalContext, integration: integration)
        for header in mapped { headers.removeAll { $0.name.lowercased() == header.name.lowercased() } }
        headers += mapped
        let overrides = RequestOverride.response(from: finalContext)
        for header in overrides.headers { headers.removeAll { $0.name.lowercased() == header.name.lowercased() } }
        headers += overrides.headers
        return MethodResponse(status: overrides.status ?? status, headers: headers, body: body)
    }

    private static func pathOnly(_ path: String) -> String {
        let text = path[...]
        return String(text[..<(text.firstIndex(ofASCII: "?") ?? text.endIndex)])
    }
}

/// Everything one invocation did, step by step.
public struct InvocationResult: Sendable, Equatable {
    /// The method the request reached; nil when routing refused it.
    public var method: MethodDefinition?
    /// The request as the mapping templates saw it; nil when API Gateway refused it before that.
    public var methodRequest: MethodRequest?
    /// The content type of the request template used; nil for passthrough or a proxy.
    public var requestTemplate: String?
    /// Nil when API Gateway answered before calling the backend.
    public var integrationRequest: IntegrationRequest?
    /// The backend's answer ("Endpoint response").
    public var integrationResponse: BackendResponse?
    /// The integration response that handled the answer, for non-proxy integrations.
    public var selectedResponse: IntegrationResponse?
    /// What SQS made of the request, for SQS integrations.
    public var sqs: SQSMessageReport?
    /// API Gateway's own answer, when it gave one instead of the backend's.
    public var refusal: GatewayResponse?
    /// What the client receives: the mapped backend answer, or API Gateway's refusal.
    public var methodResponse: MethodResponse = MethodResponse(status: 0)
    /// The test-invoke style execution log, one string a line, written when read.
    public var log: [String] { executionLog.lines }
    /// What each step showed; `log` writes it as text.
    var executionLog = ExecutionLog()

    /// The status the client receives.
    public var status: Int { methodResponse.status }

    /// Creates an empty result; `Invocation.run` fills it in.
    public init(method: MethodDefinition? = nil) {
        self.method = method
    }
}
