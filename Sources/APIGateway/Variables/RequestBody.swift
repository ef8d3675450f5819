import JSON
import Synchronization

/// A request body and the JSON document it reads as, parsed at most once.
///
/// API Gateway parses the body only when a template first calls `$input.json` or
/// `$input.path` (a template that never does renders any body), then keeps the document
/// for the rest of the request. One instance lives as long as one request's variables.
final class RequestBody: Sendable {
    /// The raw text, `{}` for an empty body: that is what API Gateway shows templates.
    let text: String
    private let document = Mutex<Result<JSONValue, JSONError>?>(nil)

    init(_ body: String) {
        text = body.isEmpty ? "{}" : body
    }

    /// The body as json-smart reads it in permissive mode, or why it could not.
    func parsed() -> Result<JSONValue, JSONError> {
        document.withLock { cached in
            if let cached { return cached }
            let result = Result { () throws(JSONError) in try JSONValue.parse(text) }
            cached = result
            return result
        }
    }
}
