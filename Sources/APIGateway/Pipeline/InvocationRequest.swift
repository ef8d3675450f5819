import VTL

/// A request as a client sends it to a deployed stage: a method, the path after the stage,
/// headers, query string and body. What API Gateway's console "Test" button takes.
public struct InvocationRequest: Sendable, Equatable {
    /// Upper-case HTTP method.
    public var httpMethod: String
    /// The path below the stage, such as `/orders/42`; a `?query` part is added to `queryString`.
    public var path: String
    /// Headers in the order sent; a repeated name is a multi-value header.
    public var headers: [Parameter]
    /// Query-string parameters in order; a repeated name is a multi-value parameter.
    public var queryString: [Parameter]
    /// The raw body text.
    public var body: String
    /// The stage's variables.
    public var stageVariables: [Parameter]
    /// `$context` values that replace or add to the defaults, as in `MethodRequest.context`.
    public var context: OrderedMap

    /// Creates a request; by default an empty `POST /` with no headers.
    public init(
        httpMethod: String = "POST", path: String = "/", headers: [Parameter] = [], queryString: [Parameter] = [],
        body: String = "", stageVariables: [Parameter] = [], context: OrderedMap = OrderedMap()
    ) {
        self.httpMethod = httpMethod
        self.path = path
        self.headers = headers
        self.queryString = queryString
        self.body = body
        self.stageVariables = stageVariables
        self.context = context
    }

    /// The last value sent for a header, matched in any letter case (HTTP header names are
    /// case-insensitive on the wire; API Gateway's own choices, such as the Content-Type it
    /// selects a template by, do not depend on the client's spelling).
    public func header(_ name: String) -> String? {
        headers.last(where: { $0.name.equalsIgnoringCase(name) })?.value
    }
}

/// Where the simulated call happens and what the simulated backend answers.
public struct InvocationSettings: Sendable, Equatable {
    /// The region in AWS service endpoints (`sqs.{region}.amazonaws.com`).
    public var region: String
    /// The account that owns the API, shown as `$context.accountId`.
    public var accountId: String
    /// What the backend answers instead of its default reply; nil fields keep the default.
    public var backend: BackendOverride

    /// Creates settings; the defaults are a placeholder account in `us-east-1` and the simulated backend.
    public init(region: String = "us-east-1", accountId: String = "123456789012", backend: BackendOverride = BackendOverride()) {
        self.region = region
        self.accountId = accountId
        self.backend = backend
    }
}

/// A backend answer chosen by the caller (`--integration-status`, `--integration-header`,
/// `--integration-body`); each part left nil keeps the simulated default.
public struct BackendOverride: Sendable, Equatable {
    /// The status the backend answers, such as 500 to exercise a `selectionPattern`.
    public var status: Int?
    /// Headers that replace the default ones when non-empty.
    public var headers: [Parameter]
    /// The body the backend answers, as text.
    public var body: String?

    /// Creates an override; with no arguments it changes nothing.
    public init(status: Int? = nil, headers: [Parameter] = [], body: String? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// True when the caller changed nothing.
    public var isEmpty: Bool { status == nil && headers.isEmpty && body == nil }
}
