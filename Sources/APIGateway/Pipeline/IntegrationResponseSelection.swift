import Foundation
import JavaLang
import JSON

/// Step 8: which integration response handles the backend's answer.
///
/// `selectionPattern` is a Java regular expression that must match the whole subject: the
/// status code for HTTP and AWS backends (recorded on AWS, `4\d{2}` maps 404), the Lambda
/// `errorMessage` for a non-proxy Lambda (recorded on AWS; a pattern is never matched
/// against a Lambda's status). A response with no or an empty pattern is the default
/// (DOC-lerr, API-IntResp). Patterns are tried in file order; AWS's order is not documented.
enum IntegrationResponseSelection {
    enum Outcome {
        case selected(IntegrationResponse)
        /// No pattern matched and there is no default: AWS answers 500 and logs this.
        case noMatch(logMessage: String)
    }

    static func select(
        _ responses: [IntegrationResponse], backend: BackendResponse, isLambda: Bool, integration: Integration
    ) throws(PipelineError) -> Outcome {
        let fallback = responses.first(where: { ($0.selectionPattern ?? "").isEmpty })
        let subject: String
        if isLambda {
            // A successful Lambda answer has no errorMessage: the default handles it.
            guard let message = errorMessage(backend.body) else {
                if let fallback { return .selected(fallback) }
                return try firstMatch(responses, "", integration).map(Outcome.selected)
                    ?? .noMatch(logMessage: "Execution failed due to configuration error: No match for output mapping and no default output mapping configured. Endpoint Response Status Code: \(backend.status)")
            }
            subject = message
        } else {
            subject = String(backend.status)
        }
        if let matched = try firstMatch(responses, subject, integration) { return .selected(matched) }
        if let fallback { return .selected(fallback) }
        return .noMatch(logMessage: "Execution failed due to configuration error: No match for output mapping and no default output mapping configured. Endpoint Response Status Code: \(backend.status)")
    }

    private static func firstMatch(
        _ responses: [IntegrationResponse], _ subject: String, _ integration: Integration
    ) throws(PipelineError) -> IntegrationResponse? {
        for response in responses {
            guard let pattern = response.selectionPattern, !pattern.isEmpty else { continue }
            if try matchesEntirely(pattern, subject, integration) { return response }
        }
        return nil
    }

    /// `Pattern.matches(pattern, subject)`. ICU's syntax is Java's for what selection
    /// patterns use; the pattern is anchored at both ends so every alternative is tried.
    static func matchesEntirely(_ pattern: String, _ subject: String, _ integration: Integration) throws(PipelineError) -> Bool {
        let regex: NSRegularExpression
        do {
            regex = try NSRegularExpression(pattern: "(?:\(JavaRegexSyntax.icuPattern(pattern)))\\z")
        } catch {
            throw PipelineError("selectionPattern '\(pattern)' is not a valid Java regular expression", location: integration.location)
        }
        let range = NSRange(location: 0, length: subject.utf16.count)
        return regex.firstMatch(in: subject, options: [.anchored], range: range) != nil
    }

    /// The `errorMessage` of a Lambda error answer, if the body is one.
    static func errorMessage(_ body: String) -> String? {
        guard case .object(let object)? = try? JSONParser().parse(body), let message = object["errorMessage"] else { return nil }
        if case .string(let text) = message { return text }
        if case .null = message { return nil }
        return message.jsonText
    }
}
