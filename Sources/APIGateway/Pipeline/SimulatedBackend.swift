import JSON

/// What the backend answered ("Endpoint response" in the test-invoke log).
public struct BackendResponse: Sendable, Equatable {
    /// The status the backend answered; integration responses' `selectionPattern`s match against it.
    public var status: Int
    /// The backend's headers, in order; `integration.response.header.X` reads them.
    public var headers: [Parameter]
    /// The backend's body; response templates read it as `$input.body`.
    public var body: String

    /// Creates a response.
    public init(status: Int, headers: [Parameter] = [], body: String = "") {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The last value of a header, any letter case.
    public func header(_ name: String) -> String? {
        headers.last(where: { $0.name.equalsIgnoringCase(name) })?.value
    }
}

/// Step 8's start: the backend's answer, simulated. SQS is modelled (see `SQSSendMessage`);
/// MOCK answers the `statusCode` of its request template's output (DOC: "mock integration");
/// every other backend answers 200 with an empty JSON object unless told otherwise.
enum SimulatedBackend {
    static func respond(
        to request: IntegrationRequest, integration: Integration, originalBody: String, override: BackendOverride
    ) -> (BackendResponse, SQSMessageReport?) {
        var report: SQSMessageReport?
        var response: BackendResponse
        switch integration.type {
        case .mock:
            response = BackendResponse(status: mockStatus(request.body))
        case .awsProxy:
            response = BackendResponse(
                status: 200, headers: [Parameter("Content-Type", "application/json")],
                body: #"{"statusCode":200,"headers":{"Content-Type":"application/json"},"body":"{}"}"#)
        case .aws where request.service == "sqs":
            (report, response) = SQSSendMessage.receive(request, originalBody: originalBody)
        case .aws, .http, .httpProxy:
            response = BackendResponse(status: 200, headers: [Parameter("Content-Type", "application/json")], body: "{}")
        }
        if let status = override.status { response.status = status }
        if !override.headers.isEmpty { response.headers = override.headers }
        if let body = override.body { response.body = body }
        return (response, report)
    }

    /// `{"statusCode": 200}` → 200. A body without a number there answers 200: what AWS does
    /// then is not recorded (our choice).
    private static func mockStatus(_ body: String) -> Int {
        guard case .object(let object)? = try? JSONParser().parse(body) else { return 200 }
        switch object["statusCode"] {
        case .integer(let status)?: return status
        case .string(let text)?: return Int(text) ?? 200
        default: return 200
        }
    }
}
