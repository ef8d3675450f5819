import JSON

extension InvocationResult {
    /// The result as one JSON object, what `vtl invoke --format json` prints and fixtures
    /// compare: `status`, `integrationRequest{method,url,headers,body}` (null when API Gateway
    /// answered itself), `integrationResponse`, `methodResponse{status,headers,body}`,
    /// `sqs{action,protocol,queueUrl,parameters,messageBody,md5OfMessageBody,matchesRequestBody}`
    /// for SQS, `gatewayResponse` for API Gateway's own answers, and the `log`.
    public var jsonValue: JSONValue {
        var object = JSONObject()
        object["status"] = .integer(status)
        if let request = integrationRequest {
            object["integrationRequest"] = .object(JSONObject([
                ("method", .string(request.method)), ("url", .string(request.url)), ("headers", Self.headerObject(request.headers)),
                ("body", .string(request.body)),
            ]))
        } else {
            object["integrationRequest"] = .null
        }
        if let response = integrationResponse {
            object["integrationResponse"] = .object(JSONObject([
                ("status", .integer(response.status)), ("headers", Self.headerObject(response.headers)), ("body", .string(response.body)),
            ]))
        }
        object["methodResponse"] = .object(JSONObject([
            ("status", .integer(methodResponse.status)), ("headers", Self.headerObject(methodResponse.headers)),
            ("body", .string(methodResponse.body)),
        ]))
        if let sqs = sqs {
            var report = JSONObject()
            report["action"] = sqs.action.map(JSONValue.string) ?? .null
            report["protocol"] = .string(sqs.wireProtocol.rawValue)
            report["queueUrl"] = sqs.queueURL.map(JSONValue.string) ?? .null
            report["parameters"] = .array(sqs.parameters.map { parameter -> JSONValue in
                var entry = JSONObject([("name", .string(parameter.name)), ("value", .string(parameter.value)), ("raw", .string(parameter.raw))])
                if let note = parameter.note { entry["note"] = .string(note) }
                return .object(entry)
            })
            report["messageBody"] = sqs.messageBody.map(JSONValue.string) ?? .null
            report["md5OfMessageBody"] = sqs.md5OfMessageBody.map(JSONValue.string) ?? .null
            report["matchesRequestBody"] = .bool(sqs.matchesRequestBody)
            if let code = sqs.errorCode { report["error"] = .string(code) }
            object["sqs"] = .object(report)
        }
        if let refusal = refusal { object["gatewayResponse"] = .string(refusal.errorType) }
        object["log"] = .array(log.map(JSONValue.string))
        return .object(object)
    }

    /// Names to values; a repeated name's values join with commas, as HTTP lists do.
    private static func headerObject(_ parameters: [Parameter]) -> JSONValue {
        var object = JSONObject()
        for parameter in parameters {
            if case .string(let earlier)? = object[parameter.name] {
                object[parameter.name] = .string(earlier + "," + parameter.value)
            } else {
                object[parameter.name] = .string(parameter.value)
            }
        }
        return .object(object)
    }

}
