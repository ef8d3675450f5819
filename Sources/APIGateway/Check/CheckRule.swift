/// What `vtl check` can report. Lint rules read the template; `payload-*` rules come from
/// running hostile payloads through the pipeline.
public enum CheckRule: String, Sendable, Equatable, CaseIterable, Comparable {
    // Lint.
    /// A request value inserted into a form-encoded body without `$util.urlEncode`.
    case formUnencodedValue = "form-unencoded-value"
    /// `$util.escapeJavaScript(...)` inside a JSON string: its `\'` is not valid JSON.
    case escapeJavaScriptInJSON = "escape-javascript-in-json"
    /// `$input.path`, `$input.params` or `$input.body` inside a JSON string without escaping.
    case jsonUnescapedValue = "json-unescaped-value"
    /// `$input.json(...)` wrapped in quotes: its value already carries them.
    case jsonQuotedJSON = "json-quoted-json"
    /// An SQS query-API integration that does not send `Content-Type: application/x-www-form-urlencoded`.
    case sqsMissingContentType = "sqs-missing-content-type"
    /// An SQS query-API integration whose template (and URI) names no `Action`.
    case sqsMissingAction = "sqs-missing-action"
    /// `$util.x` where x is not one of the six functions API Gateway has; AWS fails silently.
    case unknownUtilFunction = "unknown-util-function"
    /// `$context.x` that API Gateway does not document; it prints nothing.
    case unknownContextVariable = "unknown-context-variable"
    /// `#include` or `#parse`, which API Gateway refuses.
    case unsupportedDirective = "unsupported-directive"
    /// A template that does not parse.
    case templateSyntax = "template-syntax"
    /// `#foreach` over request data with no `#break`: API Gateway stops at 1000 iterations.
    case unboundedForeach = "unbounded-foreach"
    /// The same `$context.requestOverride` or `responseOverride` entry set twice in one render: API Gateway answers 5XX.
    case overrideSetTwice = "override-set-twice"
    /// A MOCK integration's response template reads `$input.body`, `.json` or `.path`: there is no body there.
    case mockResponseReadsBody = "mock-response-reads-body"

    // Payload sweep.
    /// A form-encoded body whose decoded parameters no longer hold the value sent, or that gained or lost parameters.
    case payloadFormAltered = "payload-form-altered"
    /// A JSON target whose body stops being JSON for some payload.
    case payloadInvalidJSON = "payload-invalid-json"
    /// A JSON string that should carry a request value decodes to something else.
    case payloadJSONAltered = "payload-json-altered"
    /// A base64 field that no longer decodes to the value it should carry.
    case payloadBase64Altered = "payload-base64-altered"
    /// A payload alone makes API Gateway answer 5xx (template error, limit, bad response).
    case payloadServerError = "payload-server-error"
    /// A payload makes the backend refuse the request while a plain one is accepted.
    case payloadRejected = "payload-rejected"
    /// The integration cannot run even for a plain request (URI, mapping or template problem).
    case integrationError = "integration-error"

    /// How bad a finding of this rule is by default.
    public var severity: CheckSeverity {
        switch self {
        case .unknownContextVariable, .unboundedForeach, .payloadRejected: .warning
        default: .error
        }
    }

    /// Declaration order, which is the order reports list rules in.
    public static func < (lhs: CheckRule, rhs: CheckRule) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Errors lose data or break requests; warnings may.
public enum CheckSeverity: String, Sendable, Equatable, Comparable {
    /// Loses or corrupts data, or breaks the request.
    case error
    /// May break some requests, or is a risk worth a look.
    case warning

    /// Errors sort before warnings.
    public static func < (lhs: CheckSeverity, rhs: CheckSeverity) -> Bool {
        lhs == .error && rhs == .warning
    }
}
