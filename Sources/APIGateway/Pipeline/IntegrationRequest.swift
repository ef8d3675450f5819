import VTL

/// Step 7: the request API Gateway sends the backend: method, URL, headers and body, as
/// the console's test-invoke log shows them ("Endpoint request URI/headers/body").
public struct IntegrationRequest: Sendable, Equatable {
    /// The integration's `httpMethod` upper-cased (`POST` for AWS services when unset); the client's for MOCK and `ANY`.
    public var method: String
    /// Empty for a MOCK integration, which calls nothing.
    public var url: String
    /// In the order API Gateway lists them; a repeated name is a multi-value header.
    public var headers: [Parameter]
    /// The body after the request template, or the client's body passed through.
    public var body: String
    /// The AWS service called (`sqs`, `lambda`), nil for HTTP and MOCK.
    public var service: String?

    /// Creates a request.
    public init(method: String, url: String, headers: [Parameter], body: String, service: String? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.service = service
    }

    /// The last value of a header, any letter case.
    public func header(_ name: String) -> String? {
        headers.last(where: { $0.name.equalsIgnoringCase(name) })?.value
    }

    /// Builds the request from the integration, its mapped parameters and the body after
    /// transformation. `contentType` is what the body is: the selected template's type, or
    /// the client's for a passthrough.
    static func build(
        _ integration: Integration, parameters: IntegrationParameters, body: String, contentType: String,
        request: MethodRequest, settings: InvocationSettings, context: Value
    ) throws(PipelineError) -> IntegrationRequest {
        var parameters = parameters
        if integration.type == .httpProxy {
            // A proxy forwards the client's query string along with any mapped one (recorded on AWS, LS-http).
            parameters.querystring = request.queryString + parameters.querystring
            // `{proxy}` placeholders the definition does not map take the method's path parameter of the
            // same name: the console and SAM add that mapping themselves (our choice for files without it).
            for parameter in request.pathParameters where !parameters.path.contains(where: { $0.name == parameter.name }) {
                parameters.path.append(parameter)
            }
        }
        let endpoint = try IntegrationEndpoint.resolve(
            integration, parameters: parameters, stageVariables: request.stageVariables, region: settings.region)
        let method: String
        switch integration.type {
        case .aws, .awsProxy: method = (integration.httpMethod ?? "POST").uppercased()
        case .http: method = (integration.httpMethod ?? request.httpMethod).uppercased()
        case .httpProxy:
            let declared = (integration.httpMethod ?? "ANY").uppercased()
            method = declared == "ANY" ? request.httpMethod : declared
        case .mock: method = request.httpMethod
        }

        var headers: [Parameter] = []
        switch integration.type {
        case .httpProxy:
            // Client headers pass on, except Host, which names the backend.
            headers = request.headers.filter { $0.name.lowercased() != "host" }
            headers.append(Parameter("Host", host(of: endpoint.url)))
        case .mock:
            break
        case .aws, .awsProxy, .http:
            // What test-invoke logs list for a non-proxy call (INF from console logs; the
            // signature is a stand-in, nothing is signed offline).
            headers.append(Parameter("Accept", "application/json"))
            headers.append(Parameter("Host", host(of: endpoint.url)))
            headers.append(Parameter("User-Agent", "AmazonAPIGateway_" + contextString(context, "apiId")))
            if let service = endpoint.service {
                let requestTime = contextString(context, "requestTime")
                let date = requestTime == defaultRequestTime ? defaultAmzDate : amzDate(requestTime)
                headers.append(Parameter("X-Amz-Date", date))
                if integration.credentials != nil || integration.type == .aws {
                    headers.append(Parameter(
                        "Authorization",
                        "AWS4-HMAC-SHA256 Credential=ASIA****************/\(date.prefix(8))/\(settings.region)/\(service)/aws4_request, SignedHeaders=accept;content-type;host;x-amz-date, Signature=****"))
                }
            }
            headers.append(Parameter("Content-Type", contentType))
        }
        // Mapped headers (and request overrides) replace API Gateway's own of the same name.
        for mapped in Set(parameters.header.map { $0.name.lowercased() }) {
            headers.removeAll { $0.name.lowercased() == mapped }
        }
        headers += parameters.header
        return IntegrationRequest(method: method, url: endpoint.url, headers: headers, body: body, service: endpoint.service)
    }

    private static func host(of url: String) -> String {
        // The third piece between `/` Characters (`https:`, ``, host), found without splitting the rest.
        var rest = url[...]
        for _ in 0..<2 {
            guard let slash = rest.firstIndex(ofASCII: "/") else { return "" }
            rest = rest[rest.utf8.index(after: slash)...]
        }
        return String(rest[..<(rest.firstIndex(ofASCII: "/") ?? rest.endIndex)])
    }

    private static func contextString(_ context: Value, _ key: String) -> String {
        guard case .map(let map) = context, let value = map[key] else { return "" }
        return JavaToString.string(value) ?? ""
    }

    /// `$context.requestTime` unless a request sets its own, and its SigV4 date, worked out once.
    private static let defaultRequestTime = CommonLogTime.string(epochMilliseconds: ContextVariable.Defaults.requestTimeEpoch)
    private static let defaultAmzDate = amzDate(defaultRequestTime)

    /// `14/Nov/2023:22:13:20 +0000` → `20231114T221320Z`, the SigV4 date of the same moment.
    private static func amzDate(_ requestTime: String) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let parts = requestTime[...].splitOnASCII { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: " ") }
            .map(String.init)
        guard parts.count >= 6, let month = months.firstIndex(of: parts[1]) else { return "" }
        let monthText = month + 1 < 10 ? "0\(month + 1)" : "\(month + 1)"
        return parts[2] + monthText + parts[0] + "T" + parts[3] + parts[4] + parts[5] + "Z"
    }
}
