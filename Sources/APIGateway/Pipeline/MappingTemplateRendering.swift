import VTL

/// Steps 4 and 8's template: render a request or response mapping template with `$input`,
/// `$util`, `$context` and `$stageVariables`, and hand back the final `$context`, from which
/// API Gateway reads `requestOverride` and `responseOverride` once the whole template ran (DOC-ov).
enum MappingTemplateRendering {
    struct Rendered {
        var output: String
        /// `$context` as the template left it.
        var context: Value
    }

    /// What a failed render becomes: a template that does not parse is the user's file to fix;
    /// a body json-smart cannot read is API Gateway's 400 (recorded on AWS); any other failure
    /// at run time is its 500 (the log keeps the template's report).
    enum Failure: Error {
        case refused(GatewayResponse, diagnostic: String)
    }

    /// Renders `template` for `request` with `context` as `$context`: the request's fresh one
    /// for a request template (built once per request by the caller), what the request
    /// template left in it for a response template.
    static func render(
        _ template: ContentTemplate, role: String, request: MethodRequest, context: Value
    ) throws(PipelineError) -> Result<Rendered, Failure> {
        let name = "\(role) template '\(template.contentType)'"
        let parsed: Template
        switch template.parsed(name: name) {
        case .success(let template): parsed = template
        case .failure(let error):
            throw PipelineError("\(name) does not parse", location: template.location, templateDiagnostic: error.diagnostic)
        }
        var variables = MappingTemplateVariables.context(for: request)
        variables["context"] = context
        do {
            let result = try parsed.render(variables, returning: ["context"])
            return .success(Rendered(output: result.output, context: result.variables["context"] ?? context))
        } catch {
            switch error.kind {
            case .syntax, .unsupportedDirective:
                throw PipelineError("\(name) cannot run", location: template.location, templateDiagnostic: error.diagnostic)
            case .input:
                return .failure(.refused(.badRequest(error.message), diagnostic: error.diagnostic))
            case .evaluation, .limitExceeded:
                return .failure(.refused(.internalServerError, diagnostic: error.diagnostic))
            }
        }
    }
}
