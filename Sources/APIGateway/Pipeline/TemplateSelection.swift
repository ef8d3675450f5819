/// Step 3: which mapping template applies, by media type.
///
/// Requests: by the `Content-Type` MIME type alone (`application/json; charset=UTF-8` selects
/// `application/json`), a missing Content-Type counting as `application/json` (DOC-rr, DOC-pt);
/// then `passthroughBehavior` decides between passthrough and 415 (DOC-pt table, API-Integration).
/// Responses: by the first media type of `Accept` (DOC-bin, DOC-ki), falling back to
/// `application/json`, then to the first template (DOC-rr).
enum TemplateSelection: Sendable, Equatable {
    /// Render this template.
    case template(ContentTemplate)
    /// Send the body on untransformed.
    case passthrough
    /// Refuse with 415 `{"message": "Unsupported Media Type"}`.
    case unsupportedMediaType

    /// The request template for a method request's `Content-Type` header value (nil when absent).
    static func request(contentType: String?, integration: Integration) -> TemplateSelection {
        let mediaType = contentType.map(Self.mediaType) ?? "application/json"
        let templates = integration.requestTemplates
        if let template = templates.first(where: { Self.mediaType($0.contentType) == mediaType }) {
            return .template(template)
        }
        switch integration.passthroughBehavior {
        case .whenNoMatch: return .passthrough
        case .whenNoTemplates: return templates.isEmpty ? .passthrough : .unsupportedMediaType
        case .never: return .unsupportedMediaType
        }
    }

    /// The response template for the request's `Accept` header value (nil when absent), or
    /// passthrough when the integration response has none.
    static func response(accept: String?, templates: [ContentTemplate]) -> TemplateSelection {
        guard let first = templates.first else { return .passthrough }
        // Only the first media type of Accept counts; a missing one means application/json.
        let wanted = accept.flatMap { $0.split(separator: ",").first.map(String.init) }.map(Self.mediaType) ?? "application/json"
        if let exact = templates.first(where: { Self.mediaType($0.contentType) == wanted }) { return .template(exact) }
        if let json = templates.first(where: { Self.mediaType($0.contentType) == "application/json" }) { return .template(json) }
        return .template(first)
    }

    /// The type and subtype without parameters, trimmed and lower-cased (media types are
    /// case-insensitive, RFC 9110 §8.3.1; AWS's own case handling here is not recorded).
    static func mediaType(_ value: String) -> String {
        if isPlainMediaType(value) { return value }
        let type = value.splitOnASCII(";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return type.trimmingSpaces().lowercased()
    }

    /// Whether `value` is its own media type already: ASCII without a `;`, spaces or tabs at
    /// either end, or upper-case letters, as most Content-Type values and template keys are.
    private static func isPlainMediaType(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last else { return false }
            let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
            if isSpace(first) || isSpace(last) { return false }
            return !bytes.contains { $0 >= 0x80 || $0 == UInt8(ascii: ";") || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs, as HTTP trims header values.
    /// Space and tab are one UTF-8 byte each, so trimming their bytes trims their scalars.
    func trimmingSpaces() -> String {
        let text = Substring(self)
        let bytes = text.utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[first..<bytes.index(after: last)])
    }
}
