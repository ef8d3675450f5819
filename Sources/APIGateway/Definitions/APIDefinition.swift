import VTL

/// A REST API as API Gateway would import it: its methods and their integrations, with every
/// CloudFormation intrinsic already resolved. Loaders for OpenAPI, Swagger, SAM and
/// CloudFormation all produce this.
public struct APIDefinition: Sendable, Equatable {
    /// The file the definition came from, used in messages.
    public var fileName: String
    /// `info.title` (OpenAPI) or the `AWS::ApiGateway::RestApi` name; nil when the file has none.
    public var title: String?
    /// Every resource-and-method pair, in file order; routing picks among them by specificity, not order.
    public var methods: [MethodDefinition]

    /// Creates a definition; `APIDefinitionLoader.load` is the usual way to get one.
    public init(fileName: String, title: String? = nil, methods: [MethodDefinition] = []) {
        self.fileName = fileName
        self.title = title
        self.methods = methods
    }
}

/// One method of one resource, such as `POST /orders/{id}`.
public struct MethodDefinition: Sendable, Equatable {
    /// Upper-case HTTP method, or `ANY`.
    public var httpMethod: String
    /// The resource path template: `/`, `/orders/{id}`, `/{proxy+}`.
    public var resourcePath: String
    /// Method request parameters (`method.request.querystring.page`) and whether each is required.
    public var requestParameters: [String: Bool]
    /// The method responses' status codes and the headers each declares (`method.response.header.X`).
    public var methodResponses: [MethodResponseDefinition]
    /// The backend the method calls; nil when the file declares none (invoking it then throws `PipelineError`).
    public var integration: Integration?
    /// Where the method is defined, for messages.
    public var location: DefinitionLocation

    /// Creates a method; omitted parts are empty, as in a file that leaves them out.
    public init(
        httpMethod: String, resourcePath: String, requestParameters: [String: Bool] = [:],
        methodResponses: [MethodResponseDefinition] = [], integration: Integration? = nil,
        location: DefinitionLocation = DefinitionLocation()
    ) {
        self.httpMethod = httpMethod
        self.resourcePath = resourcePath
        self.requestParameters = requestParameters
        self.methodResponses = methodResponses
        self.integration = integration
        self.location = location
    }
}

/// A declared method response (`responses` / `MethodResponses`): its status and the headers it may return.
public struct MethodResponseDefinition: Sendable, Equatable {
    /// The status code as written in the file (`"200"`); `default` and `2XX` ranges are skipped on load.
    public var statusCode: String
    /// Full parameter names, `method.response.header.X-Request-Id`, that response mappings may target.
    public var headers: [String]

    /// Creates a method response.
    public init(statusCode: String, headers: [String] = []) {
        self.statusCode = statusCode
        self.headers = headers
    }
}

/// `x-amazon-apigateway-integration` / `AWS::ApiGateway::Method.Integration`.
public struct Integration: Sendable, Equatable {
    /// The integration `type`; the raw value is the spelling in the file.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// An AWS service action, such as SQS `SendMessage`, with mapping templates.
        case aws = "AWS"
        /// Lambda proxy: the request becomes the proxy event; no templates.
        case awsProxy = "AWS_PROXY"
        /// An HTTP endpoint with mapping templates.
        case http = "HTTP"
        /// An HTTP endpoint that receives the request as sent; no templates.
        case httpProxy = "HTTP_PROXY"
        /// No backend: the request template's `statusCode` picks the integration response.
        case mock = "MOCK"
    }

    /// Decides the path through the pipeline: templates for `AWS`/`HTTP`/`MOCK`, none for the proxies.
    public var type: Kind
    /// The method API Gateway uses toward the backend (`POST` for AWS services).
    public var httpMethod: String?
    /// Resolved URI: `arn:aws:apigateway:us-east-1:sqs:path/123456789012/queue`, `https://example.com/{id}`.
    public var uri: String?
    /// The role API Gateway assumes (an ARN), when given.
    public var credentials: String?
    /// `integration.request.header.Content-Type` ← `'application/x-www-form-urlencoded'`, in file order.
    public var requestParameters: [ParameterMapping]
    /// Request templates by content type, in file order.
    public var requestTemplates: [ContentTemplate]
    /// What happens to a request body no request template matches; `WHEN_NO_MATCH` when the file is silent.
    public var passthroughBehavior: PassthroughBehavior
    /// `CONVERT_TO_TEXT`, `CONVERT_TO_BINARY`, or nil for passthrough.
    public var contentHandling: String?
    /// Read from the file for completeness; the simulated backend never times out, so nothing uses it.
    public var timeoutInMillis: Int?
    /// Integration responses in file order; the one with a nil `selectionPattern` is the default.
    public var responses: [IntegrationResponse]
    /// Where the integration is defined, for messages.
    public var location: DefinitionLocation

    /// Creates an integration; defaults match an integration that sets only its `type`.
    public init(
        type: Kind, httpMethod: String? = nil, uri: String? = nil, credentials: String? = nil,
        requestParameters: [ParameterMapping] = [], requestTemplates: [ContentTemplate] = [],
        passthroughBehavior: PassthroughBehavior = .whenNoMatch, contentHandling: String? = nil,
        timeoutInMillis: Int? = nil, responses: [IntegrationResponse] = [], location: DefinitionLocation = DefinitionLocation()
    ) {
        self.type = type
        self.httpMethod = httpMethod
        self.uri = uri
        self.credentials = credentials
        self.requestParameters = requestParameters
        self.requestTemplates = requestTemplates
        self.passthroughBehavior = passthroughBehavior
        self.contentHandling = contentHandling
        self.timeoutInMillis = timeoutInMillis
        self.responses = responses
        self.location = location
    }
}

/// What API Gateway does with a request body that no template matches.
public enum PassthroughBehavior: String, Sendable, Equatable, CaseIterable {
    /// The default: no template for the content type, the body passes through untransformed.
    case whenNoMatch = "WHEN_NO_MATCH"
    /// Passthrough only when the integration has no templates at all; otherwise 415.
    case whenNoTemplates = "WHEN_NO_TEMPLATES"
    /// Never passthrough: 415 without a matching template.
    case never = "NEVER"
}

/// One integration response: the status, headers and template used when its pattern selects the backend's answer.
public struct IntegrationResponse: Sendable, Equatable {
    /// Java regex matched against the backend status (or a Lambda `errorMessage`); nil for `default`.
    public var selectionPattern: String?
    /// The method response status to return, as written (`"200"`).
    public var statusCode: String
    /// `method.response.header.X` ← `integration.response.header.H`, `.body`, `.body.JSONPath`, `context.V` or `'static'`.
    public var responseParameters: [ParameterMapping]
    /// Response templates by content type; the client's `Accept` selects one.
    public var responseTemplates: [ContentTemplate]
    /// `CONVERT_TO_TEXT`, `CONVERT_TO_BINARY`, or nil; read for completeness, not applied (bodies stay text).
    public var contentHandling: String?

    /// Creates an integration response; with a nil `selectionPattern` it is the default response.
    public init(
        selectionPattern: String? = nil, statusCode: String, responseParameters: [ParameterMapping] = [],
        responseTemplates: [ContentTemplate] = [], contentHandling: String? = nil
    ) {
        self.selectionPattern = selectionPattern
        self.statusCode = statusCode
        self.responseParameters = responseParameters
        self.responseTemplates = responseTemplates
        self.contentHandling = contentHandling
    }
}

/// `target` ← `source`, as in `integration.request.header.X-Id` ← `method.request.path.id`.
public struct ParameterMapping: Sendable, Equatable {
    /// Where the value goes: `integration.request.header.X`, `method.response.header.X`, ….
    public var target: String
    /// Where the value comes from: `method.request.path.id`, `context.requestId`, `stageVariables.x`, or a quoted `'literal'`.
    public var source: String

    /// Creates a mapping of `source` into `target`, both spelled as in the file.
    public init(target: String, source: String) {
        self.target = target
        self.source = source
    }
}

/// A mapping template and the content type that selects it.
public struct ContentTemplate: Sendable, Equatable {
    /// The media type that selects the template (`application/json`); compared without parameters, in any case.
    public var contentType: String
    /// The template's VTL source text.
    public var template: String {
        didSet { parses = TemplateParses() }
    }
    /// Where the template text starts in the definition file, so template errors point into it.
    public var location: DefinitionLocation
    /// The text's parses, shared by copies; not part of the template's identity.
    private var parses = TemplateParses()

    /// Creates a template; `location` defaults to unknown, so errors then carry only template coordinates.
    public init(contentType: String, template: String, location: DefinitionLocation = DefinitionLocation()) {
        self.contentType = contentType
        self.template = template
        self.location = location
    }

    /// The text parsed under `name`; parsed once for this template and its copies, then reused.
    func parsed(name: String) -> Result<Template, VTLError> {
        parses.template(source: template, name: name)
    }

    /// Templates are equal when their type, text and location are; the parses follow from the text.
    public static func == (lhs: ContentTemplate, rhs: ContentTemplate) -> Bool {
        lhs.contentType == rhs.contentType && lhs.template == rhs.template && lhs.location == rhs.location
    }
}

/// A place in a definition file; line 0 when unknown.
public struct DefinitionLocation: Sendable, Equatable, CustomStringConvertible {
    /// The definition file's name as given to the loader.
    public var fileName: String
    /// 1-based line; 0 when unknown.
    public var line: Int
    /// 1-based column; 0 when unknown.
    public var column: Int

    /// Creates a location; with the defaults it is unknown.
    public init(fileName: String = "", line: Int = 0, column: Int = 0) {
        self.fileName = fileName
        self.line = line
        self.column = column
    }

    /// `file:line:column`, or just the file name when the line is unknown.
    public var description: String { line > 0 ? "\(fileName):\(line):\(column)" : fileName }
}
