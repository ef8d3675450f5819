import VTL

/// Step 5: `requestParameters`, `integration.request.{path,querystring,header}.Y` ← source.
///
/// Every source of DOC-rr is read; a source that is missing omits its target (recorded on
/// AWS). Headers API Gateway will not let a mapping set give its 500 (recorded on AWS), and
/// a few hop-by-hop headers are dropped before an HTTP backend (recorded on AWS).
struct IntegrationParameters: Sendable, Equatable {
    /// Values for the URI's `{name}` placeholders.
    var path: [Parameter] = []
    /// Query-string parameters; a repeated name is a multi-value parameter.
    var querystring: [Parameter] = []
    /// Headers; a repeated name is a multi-value header.
    var header: [Parameter] = []

    init(path: [Parameter] = [], querystring: [Parameter] = [], header: [Parameter] = []) {
        self.path = path
        self.querystring = querystring
        self.header = header
    }

    /// Replaces every value of `name` in an area (names of headers in any case).
    mutating func set(_ area: MappingSource.Area, _ name: String, _ values: [String]) {
        let same: (Parameter) -> Bool = area == .header ? { $0.name.lowercased() == name.lowercased() } : { $0.name == name }
        switch area {
        case .path: path.removeAll(where: same); path += values.map { Parameter(name, $0) }
        case .querystring: querystring.removeAll(where: same); querystring += values.map { Parameter(name, $0) }
        case .header: header.removeAll(where: same); header += values.map { Parameter(name, $0) }
        }
    }
}

enum RequestParameterMapping {
    /// Headers a mapping may not set: any integration (recorded on AWS).
    static let forbiddenHeaders: Set<String> = ["content-length", "transfer-encoding"]
    /// Headers a mapping may not set toward an AWS service (recorded on AWS).
    static let forbiddenAWSHeaders: Set<String> = ["authorization", "connection", "expect", "proxy-authenticate", "te"]
    /// Headers dropped before an HTTP backend (recorded on AWS).
    static let droppedHTTPHeaders: Set<String> = ["connection", "proxy-authenticate", "te", "via"]

    /// The integration parameters, API Gateway's 500 for a forbidden header, or a definition
    /// error for an expression API Gateway would not accept.
    static func map(
        _ integration: Integration, request: MethodRequest, context: Value
    ) throws(PipelineError) -> Result<IntegrationParameters, GatewayResponse> {
        var parameters = IntegrationParameters()
        for mapping in integration.requestParameters {
            guard let (area, name) = target(mapping.target) else {
                throw PipelineError("invalid request parameter target '\(mapping.target)'; expected integration.request.{path|querystring|header}.NAME", location: integration.location)
            }
            guard let source = MappingSource.parse(mapping.source, prefix: "method.request.") else {
                throw PipelineError("invalid request parameter source '\(mapping.source)' for '\(mapping.target)'", location: integration.location)
            }
            let values = source.values(
                parameters: { area in
                    switch area {
                    case .path: request.pathParameters
                    case .querystring: request.queryString
                    case .header: request.headers
                    }
                }, body: request.body, context: context, stageVariables: request.stageVariables)
            guard !values.isEmpty else { continue }
            if area == .header {
                let lower = name.lowercased()
                if forbiddenHeaders.contains(lower) || (integration.type == .aws && forbiddenAWSHeaders.contains(lower)) {
                    return .failure(.internalServerError)
                }
                if (integration.type == .http || integration.type == .httpProxy) && droppedHTTPHeaders.contains(lower) { continue }
            }
            parameters.set(area, name, values)
        }
        return .success(parameters)
    }

    /// `integration.request.header.X-Id` → (.header, "X-Id"); names must match `^[a-zA-Z0-9._$-]+$` (DOC-rr).
    static func target(_ expression: String) -> (MappingSource.Area, String)? {
        // Read in the bytes. The prefix and the area names are ASCII that no other Character
        // equals, so their Characters match byte for byte, provided each `.` is a Character
        // of its own (no combining mark joined to it).
        let text = expression[...]
        return text.withUTF8Bytes { bytes -> (MappingSource.Area, String)? in
            let prefix = "integration.request.".utf8
            guard bytes.count > prefix.count, bytes.starts(with: prefix), text.isWholeCharacter(atOffset: prefix.count - 1, in: bytes)
            else { return nil }
            guard let dot = (prefix.count..<bytes.count).first(where: { bytes[$0] == UInt8(ascii: ".") && text.isWholeCharacter(atOffset: $0, in: bytes) }),
                let area = MappingSource.Area(rawValue: String(decoding: UnsafeBufferPointer(rebasing: bytes[prefix.count..<dot]), as: UTF8.self))
            else { return nil }
            let name = UnsafeBufferPointer(rebasing: bytes[(dot + 1)...])
            // A Character of these ASCII letters is one of these bytes alone, and any other
            // byte (part of a non-ASCII Character, or of CR LF) refuses the name.
            guard !name.isEmpty, name.allSatisfy(isNameByte) else { return nil }
            return (area, String(decoding: name, as: UTF8.self))
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "$"), UInt8(ascii: "-"):
            true
        default: false
        }
    }
}
