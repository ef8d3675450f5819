import JSON
import VTL

/// The right-hand side of a parameter mapping: where a value comes from. The request and
/// response sides share `'static'`, `context.X` and `stageVariables.X` (DOC-rr).
enum MappingSource: Sendable, Equatable {
    /// `'text'`: the text between the quotes, taken as it is.
    case literal(String)
    /// `context.identity.sourceIp`: a dotted path into `$context`.
    case context([String])
    case stageVariable(String)
    /// `method.request.{path,querystring,header}.X` or `integration.response.header.X`.
    case single(area: Area, name: String)
    /// `method.request.multivalue{querystring,header}.X` or `integration.response.multivalueheader.X`.
    case multiple(area: Area, name: String)
    /// `method.request.body` / `integration.response.body`, or a JSONPath into it (written without `$.`).
    case body(path: String?)

    enum Area: String, Sendable { case path, querystring, header }

    /// Reads `expression`, whose body and parameter sources start with `prefix`
    /// (`method.request.` or `integration.response.`); nil when API Gateway would reject it.
    static func parse(_ expression: String, prefix: String) -> MappingSource? {
        if let text = quotedText(expression) { return .literal(text) }
        if expression.hasPrefix("context.") {
            let path = expression.dropFirst("context.".count).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            return path.contains("") ? nil : .context(path)
        }
        if expression.hasPrefix("stageVariables.") {
            let name = String(expression.dropFirst("stageVariables.".count))
            return name.isEmpty ? nil : .stageVariable(name)
        }
        guard expression.hasPrefix(prefix) else { return nil }
        let rest = expression.dropFirst(prefix.count)
        if rest == "body" { return .body(path: nil) }
        if rest.hasPrefix("body.") { return .body(path: String(rest.dropFirst(5))) }
        guard let dot = rest.firstIndex(of: "."), rest.index(after: dot) < rest.endIndex else { return nil }
        let kind = String(rest[..<dot]), name = String(rest[rest.index(after: dot)...])
        let responseSide = prefix.hasPrefix("integration.response")
        switch kind {
        case "path" where !responseSide: return .single(area: .path, name: name)
        case "querystring" where !responseSide: return .single(area: .querystring, name: name)
        case "header": return .single(area: .header, name: name)
        case "multivaluequerystring" where !responseSide: return .multiple(area: .querystring, name: name)
        case "multivalueheader": return .multiple(area: .header, name: name)
        default: return nil
        }
    }

    /// `'text'` → `text`: what is between a first and a last `'` that are `Character`s of
    /// their own (not joined to a combining mark), found in the bytes.
    private static func quotedText(_ expression: String) -> String? {
        let text = expression[...]
        return text.withUTF8Bytes { bytes in
            let last = bytes.count - 1
            guard last > 0, bytes[0] == UInt8(ascii: "'"), bytes[last] == UInt8(ascii: "'"),
                text.isWholeCharacter(atOffset: 0, in: bytes), text.isWholeCharacter(atOffset: last, in: bytes)
            else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[1..<last]), as: UTF8.self)
        }
    }

    /// The values the source gives: none when it is missing (the target is then omitted,
    /// recorded on AWS, aws-reference §7.3), several for a multi-value source.
    func values(
        parameters: (Area) -> [Parameter], body: String, context: Value, stageVariables: [Parameter]
    ) -> [String] {
        switch self {
        case .literal(let text): return [text]
        case .stageVariable(let name):
            return stageVariables.last(where: { $0.name == name }).map { [$0.value] } ?? []
        case .context(let path):
            var value = context
            for key in path {
                guard case .map(let map) = value, let member = map[key] else { return [] }
                value = member
            }
            guard let text = JavaToString.string(value) else { return [] }
            return [text]
        case .single(let area, let name):
            // The last value of a repeated parameter, as the single-value maps of the proxy
            // event hold (DOC: "set up a proxy integration"); header names in any case.
            return matching(parameters(area), name: name, area: area).last.map { [$0] } ?? []
        case .multiple(let area, let name):
            return matching(parameters(area), name: name, area: area)
        case .body(let path):
            guard let path else { return [body] }
            guard let compiled = try? JSONPath("$." + path), let document = try? JSONValue.parse(body),
                let matched = compiled.evaluate(document).matchedValue
            else { return [] }
            if case .null = matched { return [] }
            if case .string(let text) = matched { return [text] }
            return [matched.jsonText]
        }
    }

    private func matching(_ parameters: [Parameter], name: String, area: Area) -> [String] {
        if area == .header {
            return parameters.filter { $0.name.equalsIgnoringCase(name) }.map(\.value)
        }
        return parameters.filter { $0.name == name }.map(\.value)
    }
}
