import JSON

/// The last step: what the client receives.
public struct MethodResponse: Sendable, Equatable {
    /// The HTTP status the client receives.
    public var status: Int
    /// Headers in the order sent: the content type, then mapped headers; for a proxy, the backend's
    /// (some renamed `x-amzn-Remapped-…`).
    public var headers: [Parameter]
    /// The body after the response template, or the backend's body when none applies.
    public var body: String

    /// Creates a response.
    public init(status: Int, headers: [Parameter] = [], body: String = "") {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// API Gateway's own answer, with the content type and error type it sends.
    init(_ refusal: GatewayResponse) {
        self.init(
            status: refusal.status,
            headers: [Parameter("Content-Type", "application/json"), Parameter("x-amzn-ErrorType", refusal.errorType)],
            body: refusal.body)
    }

    /// Headers a proxy backend may not set as they are; API Gateway renames them
    /// `x-amzn-Remapped-<name>` (recorded on AWS, LocalStack response-header remapping).
    static let remappedHeaders: Set<String> = [
        "authorization", "connection", "content-length", "content-md5", "date", "expect", "host", "max-forwards",
        "proxy-authenticate", "server", "trailer", "upgrade", "user-agent", "www-authenticate",
    ]

    /// An HTTP_PROXY answer goes to the client as it came, remapped headers aside.
    static func proxied(_ backend: BackendResponse) -> MethodResponse {
        MethodResponse(status: backend.status, headers: remap(backend.headers), body: backend.body)
    }

    /// A Lambda proxy answer: `statusCode`, `headers`, `multiValueHeaders`, `body` (DOC:
    /// "Output format of a Lambda function for proxy integration"); anything else is API
    /// Gateway's 502 "Malformed Lambda proxy response" (widely reported).
    static func lambdaProxy(_ backend: BackendResponse) -> MethodResponse? {
        guard backend.status == 200, case .object(let object)? = try? JSONParser().parse(backend.body) else { return nil }
        var status = 200
        var headers: [Parameter] = []
        var body = ""
        for (key, value) in object {
            switch (key, value) {
            case ("statusCode", .integer(let code)): status = code
            case ("statusCode", .string(let text)):
                guard let code = Int(text) else { return nil }
                status = code
            case ("headers", .object(let map)):
                for (name, member) in map { headers.append(Parameter(name, text(member))) }
            case ("multiValueHeaders", .object(let map)):
                for (name, member) in map {
                    guard case .array(let values) = member else { return nil }
                    headers.removeAll { $0.name.lowercased() == name.lowercased() }
                    headers += values.map { Parameter(name, text($0)) }
                }
            case ("body", .string(let text)): body = text
            case ("body", .null), ("headers", .null), ("multiValueHeaders", .null), ("isBase64Encoded", _), ("cookies", _): break
            default: return nil
            }
        }
        if !headers.contains(where: { $0.name.lowercased() == "content-type" }) {
            headers.insert(Parameter("Content-Type", "application/json"), at: 0)
        }
        return MethodResponse(status: status, headers: remap(headers), body: body)
    }

    private static func text(_ value: JSONValue) -> String {
        if case .string(let string) = value { return string }
        return value.jsonText
    }

    private static func remap(_ headers: [Parameter]) -> [Parameter] {
        headers.map { remappedHeaders.contains($0.name.lowercased()) ? Parameter("x-amzn-Remapped-" + $0.name, $0.value) : $0 }
    }
}
