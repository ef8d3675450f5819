/// A problem in the user's API definition that stops an invocation: a template that does
/// not parse, a mapping expression API Gateway would reject, a URI it cannot call. Carries
/// the place in the definition file; API Gateway's own refusals are `GatewayResponse`s instead.
public struct PipelineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in one line, without the location.
    public var message: String
    /// Where in the definition file; line 0 when the loader did not record it.
    public var location: DefinitionLocation
    /// For a template error, the compiler-style report inside the template (line, caret).
    public var templateDiagnostic: String?

    /// Creates an error at `location`.
    public init(_ message: String, location: DefinitionLocation, templateDiagnostic: String? = nil) {
        self.message = message
        self.location = location
        self.templateDiagnostic = templateDiagnostic
    }

    /// `file:line:column: error: message`, then any template report.
    public var description: String {
        let place = location.description.isEmpty ? "" : "\(location): "
        let head = "\(place)error: \(message)"
        return templateDiagnostic.map { head + "\n" + $0 } ?? head
    }
}
