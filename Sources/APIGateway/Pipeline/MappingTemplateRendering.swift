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

    /// Renders `template` for `request`; `context` replaces the fresh `$context` (the response
    /// template sees what the request template left in it).
    static func render(
        _ template: ContentTemplate, role: String, request: MethodRequest, context: Value?
    ) throws(PipelineError) -> Result<Rendered, Failure> {
        let name = "\(role) template '\(template.contentType)'"
        let parsed: Template
        do {
            parsed = try Template(source: template.template, name: name)
        } catch {
            throw PipelineError("\(name) does not parse", location: template.location, templateDiagnostic: error.diagnostic)
        }
        var variables = MappingTemplateVariables.context(for: request)
        if let context { variables["context"] = context }
        do {
            let result = try parsed.render(variables, returning: ["context"])
            return .success(Rendered(output: result.output, context: result.variables["context"] ?? variables["context"] ?? .null))
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
