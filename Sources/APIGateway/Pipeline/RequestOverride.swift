import VTL

/// Step 6: `$context.requestOverride.{header,path,querystring}.NAME` set by the request
/// template, applied after the template and after `requestParameters`, so they win (DOC-ov).
/// A list value is a multi-value header or parameter (DOC-ov `multivalueheader=[$a, $b]`).
/// Overrides do not apply to proxy integrations (DOC-ov).
enum RequestOverride {
    static func apply(_ context: Value, to parameters: inout IntegrationParameters) {
        guard case .map(let root) = context, case .map(let overrides)? = root["requestOverride"] else { return }
        for area in [MappingSource.Area.header, .path, .querystring] {
            guard case .map(let entries)? = overrides[area.rawValue] else { continue }
            for (name, value) in entries.pairs {
                parameters.set(area, name, texts(value))
            }
        }
    }

    /// `responseOverride.status` and `.header.NAME` as a template left them (readable and
    /// honoured even when a MOCK request template set them, recorded on AWS).
    static func response(from context: Value) -> (status: Int?, headers: [Parameter]) {
        guard case .map(let root) = context, case .map(let overrides)? = root["responseOverride"] else { return (nil, []) }
        var status: Int?
        if let value = overrides["status"], let text = JavaToString.string(value), let number = Int(text.trimmingSpaces()) {
            status = number
        }
        var headers: [Parameter] = []
        if case .map(let entries)? = overrides["header"] {
            for (name, value) in entries.pairs { headers += texts(value).map { Parameter(name, $0) } }
        }
        return (status, headers)
    }

    private static func texts(_ value: Value) -> [String] {
        if case .list(let elements, _) = value { return elements.compactMap(JavaToString.string) }
        return JavaToString.string(value).map { [$0] } ?? []
    }
}
