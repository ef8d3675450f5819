import Synchronization
import VTL

/// The parses of one mapping template's text, made the first time a request renders it and
/// then reused: a loaded API parses each template once, not once per request.
///
/// `ContentTemplate` holds one and replaces it when its text changes, so every copy of an
/// unchanged definition shares the parses. They are keyed by the name the template is parsed
/// under (`request template 'application/json'`), which diagnostics show; a failed parse is
/// kept too, so a template that does not parse fails the same way on every request.
final class TemplateParses: Sendable {
    private let parses = Mutex<[String: Result<Template, VTLError>]>([:])

    /// The template `source` parsed under `name`, parsing it on first use.
    func template(source: String, name: String) -> Result<Template, VTLError> {
        parses.withLock { parses in
            if let parsed = parses[name] { return parsed }
            let parsed = Result { () throws(VTLError) in try Template(source: source, name: name) }
            parses[name] = parsed
            return parsed
        }
    }
}
