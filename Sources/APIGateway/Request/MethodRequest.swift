import VTL

/// A request as API Gateway's method request sees it: what a mapping template can read.
public struct MethodRequest: Sendable, Equatable {
    public var httpMethod: String
    /// The resource path template, such as `/orders/{id}`.
    public var resourcePath: String
    /// The raw body text. API Gateway shows an empty body to templates as `{}`.
    public var body: String
    /// Headers in the order they were sent. Names keep their letter case.
    public var headers: [Parameter]
    public var queryString: [Parameter]
    public var pathParameters: [Parameter]
    public var stageVariables: [Parameter]
    /// `$context` values that replace or add to the defaults (nested maps merge key by key).
    public var context: OrderedMap

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
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
