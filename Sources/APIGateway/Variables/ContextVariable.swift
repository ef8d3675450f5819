import VTL

/// `$context`: the request context API Gateway fills in, as a plain map so templates can
/// write to `requestOverride` and `responseOverride`.
///
/// Keys and their order are the ones recorded on AWS for an unauthenticated POST
/// (aws-reference §4, LocalStack `test_sqs_amz_json_protocol`). Ids and times are fixed
/// so that renders are repeatable; a request's `context` replaces or adds to any of them.
enum ContextVariable {
    /// Fixed stand-ins for the values AWS generates per request or per deployment.
    enum Defaults {
        static let requestTimeEpoch = 1_700_000_000_000
        static let requestId = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef"
        static let extendedRequestId = "OgIpUHmBoAMEbhA="
        static let resourceId = "a1b2c3"
        static let accountId = "123456789012"
        static let apiId = "abcdef1234"
        static let deploymentId = "d1e2f3"
        static let stage = "test"
        static let region = "us-east-1"
        static let sourceIp = "203.0.113.10"
    }

    static func value(for request: MethodRequest) -> Value {
        let overrides = request.context
        // Values derived from others follow the overrides: a request that sets `stage`
        // gets a matching `path`, one that sets `requestTimeEpoch` a matching `requestTime`.
        let stage = overrides.string("stage") ?? Defaults.stage
        let apiId = overrides.string("apiId") ?? Defaults.apiId
        let epoch: Int
        if case .integer(let overridden) = overrides["requestTimeEpoch"] { epoch = overridden } else { epoch = Defaults.requestTimeEpoch }

        let identity = OrderedMap([
            ("cognitoIdentityPoolId", .null), ("accountId", .null), ("cognitoIdentityId", .null), ("caller", .null),
            ("sourceIp", .string(Defaults.sourceIp)), ("principalOrgId", .null), ("accessKey", .null),
            ("cognitoAuthenticationType", .null), ("cognitoAuthenticationProvider", .null), ("userArn", .null),
            ("userAgent", userAgent(of: request)), ("user", .null),
        ])
        let defaults = OrderedMap([
            ("resourceId", .string(Defaults.resourceId)),
            ("resourcePath", .string(request.resourcePath)),
            ("httpMethod", .string(request.httpMethod)),
            ("extendedRequestId", .string(Defaults.extendedRequestId)),
            ("requestTime", .string(CommonLogTime.string(epochMilliseconds: epoch))),
            ("path", .string(requestPath(request, stage: stage))),
            ("accountId", .string(Defaults.accountId)),
            ("protocol", "HTTP/1.1"),
            ("requestOverride", .map(OrderedMap([("path", .map(OrderedMap())), ("header", .map(OrderedMap())), ("querystring", .map(OrderedMap()))]))),
            ("stage", .string(stage)),
            ("domainPrefix", .string(apiId)),
            ("requestTimeEpoch", .integer(epoch)),
            ("requestId", .string(Defaults.requestId)),
            ("identity", .map(identity)),
            ("domainName", .string("\(apiId).execute-api.\(Defaults.region).amazonaws.com")),
            ("deploymentId", .string(Defaults.deploymentId)),
            ("responseOverride", .map(OrderedMap([("header", .map(OrderedMap()))]))),
            ("apiId", .string(apiId)),
        ])
        return .map(merge(defaults, overrides))
    }

    /// Nested maps merge key by key; anything else replaces; new keys go last.
    static func merge(_ base: OrderedMap, _ overrides: OrderedMap) -> OrderedMap {
        var merged = base
        for (key, value) in overrides.pairs {
            if case .map(let inner) = merged[key], case .map(let overriding) = value {
                merged[key] = .map(merge(inner, overriding))
            } else {
                merged[key] = value
            }
        }
        return merged
    }

    /// `/{stage}` and the resource path with its `{name}` and `{name+}` segments filled in
    /// from the path parameters, as the client called it (`/test/orders/42`).
    static func requestPath(_ request: MethodRequest, stage: String) -> String {
        var filled = ""
        var rest = Substring(request.resourcePath)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            filled += rest[..<open]
            var name = rest[rest.index(after: open)..<close]
            if name.hasSuffix("+") { name = name.dropLast() }
            if let parameter = request.pathParameters.last(where: { $0.name == name }) {
                filled += parameter.value
            } else {
                filled += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        filled += rest
        return "/" + stage + (filled.hasPrefix("/") ? filled : "/" + filled)
    }

    /// The `User-Agent` header (any letter case), or null when the client sent none.
    private static func userAgent(of request: MethodRequest) -> Value {
        guard let header = request.headers.last(where: { $0.name.lowercased() == "user-agent" }) else { return .null }
        return .string(header.value)
    }
}

private extension OrderedMap {
    func string(_ key: String) -> String? {
        if case .string(let value) = self[key] { return value }
        return nil
    }
}
