import JSON
import Synchronization
import VTL

/// A request body and the JSON document it reads as, parsed at most once.
///
/// API Gateway parses the body only when a template first calls `$input.json` or
/// `$input.path` (a template that never does renders any body), then keeps the document
/// for the rest of the request. One instance lives as long as one request's variables.
final class RequestBody: Sendable {
    /// The raw text, `{}` for an empty body: that is what API Gateway shows templates.
    let text: String
    /// `RequestLimits.bodyBytes`: API Gateway would have refused a larger request.
    let maximumBytes: Int
    private let document = Mutex<Result<JSONValue, JSONError>?>(nil)

    init(_ body: String, maximumBytes: Int = RequestLimits().bodyBytes) {
        text = body.isEmpty ? "{}" : body
        self.maximumBytes = maximumBytes
    }

    /// The text, or a `limitExceeded` error when the body is over the limit.
    func checkedText() throws(TemplateObjectError) -> String {
        let size = text.utf8.count
        guard size <= maximumBytes else {
            throw TemplateObjectError(
                "the request body is \(size) bytes, more than the bodyBytes limit of \(maximumBytes)", kind: .limitExceeded)
        }
        return text
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
