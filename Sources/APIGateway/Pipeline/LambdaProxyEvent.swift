import JSON
import VTL

/// The event an `AWS_PROXY` integration hands Lambda: the REST API proxy event (payload
/// format 1.0) as the AWS docs "Input format of a Lambda function for proxy integration" show it.
enum LambdaProxyEvent {
    static func json(for request: MethodRequest, path: String, context: Value) -> String {
        let contextMap: OrderedMap
        if case .map(let map) = context { contextMap = map } else { contextMap = OrderedMap() }
        func contextString(_ key: String) -> JSONValue {
            JavaToString.string(contextMap[key] ?? .null).map(JSONValue.string) ?? .null
        }
        var requestContext = JSONObject()
        for key in ["resourceId", "resourcePath", "httpMethod", "extendedRequestId", "requestTime", "path", "accountId", "protocol", "stage", "domainPrefix"] {
            requestContext[key] = contextString(key)
        }
        if case .integer(let epoch)? = contextMap["requestTimeEpoch"] { requestContext["requestTimeEpoch"] = .integer(epoch) }
        for key in ["requestId", "domainName", "deploymentId", "apiId"] { requestContext[key] = contextString(key) }
        if let identity = contextMap["identity"] { requestContext["identity"] = JSONValue(identity) }

        var event = JSONObject()
        event["resource"] = .string(request.resourcePath)
        event["path"] = .string(path)
        event["httpMethod"] = .string(request.httpMethod)
        event["headers"] = singleValues(request.headers)
        event["multiValueHeaders"] = multipleValues(request.headers)
        event["queryStringParameters"] = singleValues(request.queryString)
        event["multiValueQueryStringParameters"] = multipleValues(request.queryString)
        event["pathParameters"] = singleValues(request.pathParameters)
        event["stageVariables"] = singleValues(request.stageVariables)
        event["requestContext"] = .object(requestContext)
        // The raw body; an absent body is JSON null, not the `{}` templates see.
        event["body"] = request.body.isEmpty ? .null : .string(request.body)
        event["isBase64Encoded"] = .bool(false)
        return JSONValue.object(event).jsonText
    }

    /// Last value per name; null when there are none (as the docs' sample event shows).
    private static func singleValues(_ parameters: [Parameter]) -> JSONValue {
        guard !parameters.isEmpty else { return .null }
        var object = JSONObject()
        for parameter in parameters { object[parameter.name] = .string(parameter.value) }
        return .object(object)
    }

    private static func multipleValues(_ parameters: [Parameter]) -> JSONValue {
        guard !parameters.isEmpty else { return .null }
        var object = JSONObject()
        for parameter in parameters {
            if case .array(let values)? = object[parameter.name] {
                object[parameter.name] = .array(values + [.string(parameter.value)])
            } else {
                object[parameter.name] = .array([.string(parameter.value)])
            }
        }
        return .object(object)
    }
}
