import JSON

/// An answer API Gateway gives itself instead of calling (or after failing to use) the
/// backend: 403 for no route, 415, 400 for a body a template cannot read, 500 for a
/// configuration it cannot carry out. These are results of an invocation, not failures of the tool;
/// it is an `Error` only so that a step can return `Result<_, GatewayResponse>`.
public struct GatewayResponse: Error, Sendable, Equatable {
    /// The HTTP status: 403, 413, 415, 400, 500 or 502.
    public var status: Int
    /// Exactly the body AWS sends, spacing included.
    public var body: String
    /// The `x-amzn-ErrorType` API Gateway names the refusal with.
    public var errorType: String

    /// Creates a response; the pipeline makes its own with the exact bodies AWS sends.
    public init(status: Int, body: String, errorType: String) {
        self.status = status
        self.body = body
        self.errorType = errorType
    }

    /// 415, recorded on AWS with this body (aws-reference §7, DOC-pt).
    static let unsupportedMediaType = GatewayResponse(
        status: 415, body: #"{"message": "Unsupported Media Type"}"#, errorType: "UnsupportedMediaTypeException")

    /// 500 for a mapping API Gateway refuses at run time (forbidden header) or a template
    /// that fails; recorded on AWS with this body (aws-reference §7.3, LocalStack `test_apigateway_integrations`).
    static let internalServerError = GatewayResponse(
        status: 500, body: #"{"message": "Internal server error"}"#, errorType: "InternalServerErrorException")

    /// 502 for a Lambda proxy answer that is not `{"statusCode": ..., "body": ...}`.
    static let badGateway = GatewayResponse(
        status: 502, body: #"{"message": "Internal server error"}"#, errorType: "InternalServerErrorException")

    /// 400 for a body json-smart cannot read once a template asks for JSON (recorded on AWS, 2015).
    static func badRequest(_ message: String) -> GatewayResponse {
        GatewayResponse(
            status: 400, body: #"{"message": "# + JSONWriter().string(.string(message)) + "}", errorType: "BadRequestException")
    }

    /// 413 for a body over the 10 MB payload limit; the body text is not recorded (our choice).
    static let requestTooLarge = GatewayResponse(
        status: 413, body: #"{"message": "Request Too Long"}"#, errorType: "RequestEntityTooLargeException")
}
