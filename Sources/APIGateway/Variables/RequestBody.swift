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
    private let readings = Mutex(Readings())

    /// What has been made of the text so far.
    private struct Readings {
        /// The parsed document, or why the text is not JSON.
        var document: Result<JSONValue, JSONError>?
        /// The whole document as compact JSON, when it was transcoded without a tree.
        var compactText: String?
    }

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
        readings.withLock { readings in
            if let document = readings.document { return document }
            let result = Result { () throws(JSONError) in try JSONValue.parse(text) }
            readings.document = result
            return result
        }
    }

    /// The whole body as compact JSON (`$input.json('$')`), made without a tree, or nil when
    /// the transcoder declines it or the tree is already there: the caller then writes the tree.
    ///
    /// The passthrough template is the common case and a body can be megabytes; the tree
    /// would cost several times the text. Kept for the next `$input.json('$')` of the request.
    func compactText() -> String? {
        readings.withLock { readings in
            if let text = readings.compactText { return text }
            guard readings.document == nil, let compact = JSONTranscoder().compactText(self.text) else { return nil }
            readings.compactText = compact
            return compact
        }
    }
}
