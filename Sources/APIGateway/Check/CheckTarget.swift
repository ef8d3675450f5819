/// What an integration's request body is for, which decides the invariants a payload must keep.
public enum CheckTarget: String, Sendable, Equatable, CaseIterable {
    /// SQS with a form-encoded `Action=SendMessage&…` body.
    case sqsQuery = "SQS (query API)"
    /// SQS with `X-Amz-Target: AmazonSQS.*` and a JSON body.
    case sqsJSON = "SQS (JSON protocol)"
    /// An `sns` service URI (a form-encoded query API, like SQS's).
    case sns = "SNS"
    /// A `dynamodb` service URI.
    case dynamoDB = "DynamoDB"
    /// A `states` service URI.
    case stepFunctions = "Step Functions"
    /// An `events` service URI.
    case eventBridge = "EventBridge"
    /// A `kinesis` service URI.
    case kinesis = "Kinesis"
    /// A non-proxy `lambda` service URI: the template's output is the function's event.
    case lambda = "Lambda (non-proxy)"
    /// Any other AWS service; the body format comes from the content type sent.
    case otherAWS = "AWS service"
    /// An `HTTP` integration.
    case http = "HTTP"
    /// A `MOCK` integration, which calls nothing.
    case mock = "MOCK"
    /// `AWS_PROXY` or `HTTP_PROXY`: no request template, so only the integration rules apply.
    case proxy = "proxy"
    /// A lone template checked with `--template`: only the content type is known.
    case template = "template"

    /// How the backend reads the body.
    enum BodyFormat: String, Sendable, Equatable {
        case form = "application/x-www-form-urlencoded"
        case json = "application/json"
        /// Anything else: only template errors and 5xx are checked.
        case other
    }

    /// The target of an integration, from its type and URI.
    static func of(_ integration: Integration) -> CheckTarget {
        switch integration.type {
        case .awsProxy, .httpProxy: return .proxy
        case .mock: return .mock
        case .http: return .http
        case .aws: break
        }
        switch service(of: integration.uri ?? "") {
        case "sqs":
            return staticHeader("X-Amz-Target", of: integration)?.hasPrefix("AmazonSQS.") == true ? .sqsJSON : .sqsQuery
        case "sns": return .sns
        case "dynamodb": return .dynamoDB
        case "states": return .stepFunctions
        case "events": return .eventBridge
        case "kinesis": return .kinesis
        case "lambda": return .lambda
        default: return .otherAWS
        }
    }

    /// `sqs` from `arn:aws:apigateway:us-east-1:sqs:path/...` (`a.sqs` names a subdomain).
    static func service(of uri: String) -> String {
        let parts = uri.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6 else { return "" }
        return parts[4].split(separator: ".").last.map(String.init) ?? ""
    }

    /// The body format the backend receives for a template of `contentType`: a static
    /// `Content-Type` mapping wins (API Gateway sends it), then what the service speaks.
    static func bodyFormat(of integration: Integration?, templateContentType: String) -> BodyFormat {
        let sent = integration.flatMap { staticHeader("Content-Type", of: $0) } ?? templateContentType
        return bodyFormat(ofContentType: sent)
    }

    static func bodyFormat(ofContentType contentType: String) -> BodyFormat {
        let media = TemplateSelection.mediaType(contentType)
        if media == "application/x-www-form-urlencoded" { return .form }
        if media == "application/json" || media.hasPrefix("application/x-amz-json") || media.hasSuffix("+json") { return .json }
        return .other
    }

    /// A header mapped from a static `'value'` in `requestParameters`.
    static func staticHeader(_ name: String, of integration: Integration) -> String? {
        let target = "integration.request.header." + name.lowercased()
        guard let mapping = integration.requestParameters.last(where: { $0.target.lowercased() == target }) else { return nil }
        let source = mapping.source
        guard source.count >= 2, source.hasPrefix("'"), source.hasSuffix("'") else { return nil }
        return String(source.dropFirst().dropLast())
    }
}
