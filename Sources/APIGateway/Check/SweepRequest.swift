import JSON
import VTL

/// Builds the requests of a sweep for one method and template: which body fields and
/// parameters the template reads, and a request carrying either probes or a payload in them.
struct SweepRequest {
    static let bodyToken = "vtlprobebody"
    /// Single-quoted so that json-smart reads it as a different text (`vtlprobewholebody`):
    /// `$input.json('$')` is then told apart from `$input.body`.
    static let wholeBodyToken = "'vtlprobewholebody'"
    static let headerToken = "vtlprobeheader"
    static let queryToken = "vtlprobequery"
    static let pathToken = "vtlprobepath"

    let method: MethodDefinition
    let contentType: String
    /// JSON paths (as key lists) the template reads from the body; always includes `message`.
    let bodyPaths: [[String]]
    let headers: [String]
    let queryParameters: [String]
    let pathParameters: [String]

    init(method: MethodDefinition, contentType: String, inspection: TemplateInspection?) {
        self.method = method
        self.contentType = contentType
        var bodyPaths: [[String]] = [["message"]]
        var headers: [String] = []
        var query: [String] = []
        let pathNames = Self.pathParameterNames(method.resourcePath)
        for name in method.requestParameters.keys.sorted() {
            if name.hasPrefix("method.request.header.") { headers.append(String(name.dropFirst("method.request.header.".count))) }
            if name.hasPrefix("method.request.querystring.") { query.append(String(name.dropFirst("method.request.querystring.".count))) }
        }
        for reference in inspection?.references ?? [] where reference.root == "input" {
            guard case .method(let name, let arguments)? = reference.steps.first else { continue }
            if name == "path" || name == "json", case .string(let path)? = arguments.first, let keys = Self.simplePath(path) {
                if !keys.isEmpty, !bodyPaths.contains(keys) { bodyPaths.append(keys) }
            }
            if name == "params", case .string(let parameter)? = arguments.first,
               !pathNames.contains(parameter), !headers.contains(parameter), !query.contains(parameter) {
                query.append(parameter)
            }
        }
        self.bodyPaths = bodyPaths
        self.headers = headers
        self.queryParameters = query
        self.pathParameters = pathNames
    }

    /// The request for a payload, or the probe request when `payload` is nil; and the
    /// comparison that maps the probe run onto the payload run.
    func build(_ payload: CheckPayload?, placement: CheckPayload.Placement) -> (InvocationRequest, ProbeComparison) {
        let text = payload?.text
        var values: [(token: String, value: String)] = []
        func value(_ token: String, allowed: (String) -> Bool) -> String {
            guard placement == .value, let text, allowed(text) else {
                values.append((token, token))
                return token
            }
            values.append((token, text))
            return text
        }
        let bodyValue = value(Self.bodyToken) { _ in true }
        let headerValue = value(Self.headerToken, allowed: Self.fitsHeader)
        let queryValue = value(Self.queryToken) { _ in true }
        let pathValue = value(Self.pathToken, allowed: Self.fitsPathSegment)

        let probeBody: String
        let body: String
        switch placement {
        case .value:
            probeBody = jsonBody(Self.bodyToken)
            body = jsonBody(bodyValue)
        case .body:
            probeBody = Self.wholeBodyToken
            body = text ?? Self.wholeBodyToken
        }
        var path = ""
        for segment in method.resourcePath.split(separator: "/") {
            path += "/" + (segment.hasPrefix("{") && segment.hasSuffix("}") ? pathValue : String(segment))
        }
        let request = InvocationRequest(
            httpMethod: method.httpMethod.uppercased() == "ANY" ? "POST" : method.httpMethod.uppercased(),
            path: path.isEmpty ? "/" : path,
            headers: [Parameter("Content-Type", contentType)] + headers.filter { $0.lowercased() != "content-type" }.map { Parameter($0, headerValue) },
            queryString: queryParameters.map { Parameter($0, queryValue) },
            body: body)
        // API Gateway shows templates an empty body as `{}` (recorded on AWS): that is what must arrive.
        let arriving = body.isEmpty ? "{}" : body
        let comparison = ProbeComparison(probeBody: probeBody, body: arriving, values: values, wholeBodyOnly: placement == .body)
        return (request, comparison)
    }

    /// `{"message": "…", "order": {"id": "…"}}`, with a space after each colon so that
    /// `$input.json('$')`, which prints compactly, is told apart from `$input.body`.
    private func jsonBody(_ leaf: String) -> String {
        var root = JSONObject()
        for keys in bodyPaths { Self.insert(leaf, at: keys[...], into: &root) }
        return Self.spaced(.object(root))
    }

    private static func insert(_ leaf: String, at keys: ArraySlice<String>, into object: inout JSONObject) {
        guard let key = keys.first else { return }
        if keys.count == 1 {
            if object[key] == nil { object[key] = .string(leaf) }
            return
        }
        var child: JSONObject
        if case .object(let existing)? = object[key] { child = existing } else { child = JSONObject() }
        insert(leaf, at: keys.dropFirst(), into: &child)
        object[key] = .object(child)
    }

    private static func spaced(_ value: JSONValue) -> String {
        guard case .object(let object) = value else { return value.jsonText }
        let members = object.keys.map { key in JSONValue.string(key).jsonText + ": " + spaced(object[key]!) }
        return "{" + members.joined(separator: ", ") + "}"
    }

    /// `$.a.b` or `$['a'].b` → `["a", "b"]`; nil for wildcards, filters, indexes and recursion.
    static func simplePath(_ path: String) -> [String]? {
        guard path.hasPrefix("$") else { return nil }
        var keys: [String] = []
        var rest = Substring(path.dropFirst())
        while !rest.isEmpty {
            if rest.hasPrefix("..") { return nil }
            if rest.hasPrefix(".") {
                rest = rest.dropFirst()
                let name = rest.prefix { $0 != "." && $0 != "[" }
                guard !name.isEmpty, name != "*" else { return nil }
                keys.append(String(name))
                rest = rest.dropFirst(name.count)
            } else if rest.hasPrefix("['") {
                guard let close = rest.range(of: "']") else { return nil }
                keys.append(String(rest[rest.index(rest.startIndex, offsetBy: 2)..<close.lowerBound]))
                rest = rest[close.upperBound...]
            } else {
                return nil
            }
        }
        return keys
    }

    private static func pathParameterNames(_ resourcePath: String) -> [String] {
        resourcePath.split(separator: "/").compactMap { segment in
            guard segment.hasPrefix("{"), segment.hasSuffix("}") else { return nil }
            var name = segment.dropFirst().dropLast()
            if name.hasSuffix("+") { name = name.dropLast() }
            return String(name)
        }
    }

    /// Printable ASCII without leading or trailing space: what an HTTP client can send as a header value.
    static func fitsHeader(_ text: String) -> Bool {
        !text.isEmpty && text.first != " " && text.last != " "
            && text.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
    }

    /// A single path segment as a client sends it: no `/ ? # %`, spaces or controls.
    static func fitsPathSegment(_ text: String) -> Bool {
        !text.isEmpty && text != "." && text != ".."
            && text.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) && !"/?#%".unicodeScalars.contains($0) }
    }
}
