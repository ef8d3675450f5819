import VTL

/// A request as API Gateway's method request sees it: what a mapping template can read.
public struct MethodRequest: Sendable, Equatable {
    /// The client's HTTP method, as `$context.httpMethod` shows it.
    public var httpMethod: String
    /// The resource path template, such as `/orders/{id}`.
    public var resourcePath: String
    /// The raw body text. API Gateway shows an empty body to templates as `{}`.
    public var body: String
    /// Headers in the order they were sent. Names keep their letter case.
    public var headers: [Parameter]
    /// Query-string parameters in order; a repeated name is a multi-value parameter.
    public var queryString: [Parameter]
    /// Values the resource path's `{name}` segments captured, read as `$input.params('name')`.
    public var pathParameters: [Parameter]
    /// The stage's variables, read as `$stageVariables`.
    public var stageVariables: [Parameter]
    /// `$context` values that replace or add to the defaults (nested maps merge key by key).
    public var context: OrderedMap

    /// Creates a request; by default an empty `POST /` with no parameters.
    public init(
        httpMethod: String = "POST", resourcePath: String = "/", body: String = "", headers: [Parameter] = [],
        queryString: [Parameter] = [], pathParameters: [Parameter] = [], stageVariables: [Parameter] = [],
        context: OrderedMap = OrderedMap()
    ) {
        self.httpMethod = httpMethod
        self.resourcePath = resourcePath
        self.body = body
        self.headers = headers
        self.queryString = queryString
        self.pathParameters = pathParameters
        self.stageVariables = stageVariables
        self.context = context
    }
}

/// One name-value pair of a header, query string, path or stage-variable list.
public struct Parameter: Sendable, Equatable {
    /// The name as given, letter case kept: `$input.params('name')` matches it exactly.
    public var name: String
    /// The value as a template reads it: already percent-decoded.
    public var value: String

    /// Creates a pair.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
