/// A REST API as API Gateway would import it: its methods and their integrations, with every
/// CloudFormation intrinsic already resolved. Loaders for OpenAPI, Swagger, SAM and
/// CloudFormation all produce this.
public struct APIDefinition: Sendable, Equatable {
    /// The file the definition came from, used in messages.
    public var fileName: String
    public var title: String?
    public var methods: [MethodDefinition]

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
    public var integration: Integration?
    /// Where the method is defined, for messages.
    public var location: DefinitionLocation

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

public struct MethodResponseDefinition: Sendable, Equatable {
    public var statusCode: String
    public var headers: [String]

    public init(statusCode: String, headers: [String] = []) {
        self.statusCode = statusCode
        self.headers = headers
    }
}

/// `x-amazon-apigateway-integration` / `AWS::ApiGateway::Method.Integration`.
public struct Integration: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case aws = "AWS"
        case awsProxy = "AWS_PROXY"
        case http = "HTTP"
        case httpProxy = "HTTP_PROXY"
        case mock = "MOCK"
    }

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
    public var passthroughBehavior: PassthroughBehavior
    /// `CONVERT_TO_TEXT`, `CONVERT_TO_BINARY`, or nil for passthrough.
    public var contentHandling: String?
    public var timeoutInMillis: Int?
    /// Integration responses in file order; the one with a nil `selectionPattern` is the default.
    public var responses: [IntegrationResponse]
    public var location: DefinitionLocation

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

public struct IntegrationResponse: Sendable, Equatable {
    /// Java regex matched against the backend status (or a Lambda `errorMessage`); nil for `default`.
    public var selectionPattern: String?
    public var statusCode: String
    public var responseParameters: [ParameterMapping]
    public var responseTemplates: [ContentTemplate]
    public var contentHandling: String?

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
    public var target: String
    public var source: String

    public init(target: String, source: String) {
        self.target = target
        self.source = source
    }
}

/// A mapping template and the content type that selects it.
public struct ContentTemplate: Sendable, Equatable {
    public var contentType: String
    public var template: String
    /// Where the template text starts in the definition file, so template errors point into it.
    public var location: DefinitionLocation

    public init(contentType: String, template: String, location: DefinitionLocation = DefinitionLocation()) {
        self.contentType = contentType
        self.template = template
        self.location = location
    }
}

/// A place in a definition file; line 0 when unknown.
public struct DefinitionLocation: Sendable, Equatable, CustomStringConvertible {
    public var fileName: String
    public var line: Int
    public var column: Int

    public init(fileName: String = "", line: Int = 0, column: Int = 0) {
        self.fileName = fileName
        self.line = line
        self.column = column
    }

    public var description: String { line > 0 ? "\(fileName):\(line):\(column)" : fileName }
}
