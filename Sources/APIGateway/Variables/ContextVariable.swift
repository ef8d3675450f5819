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
        /// What `MethodRequest()` has; `defaultContext` is built for it.
        static let resourcePath = "/"
        static let httpMethod = "POST"
    }

    static func value(for request: MethodRequest) -> Value {
        // Most of the map is the same for every request: start from the one built for a
        // default request and replace only what differs, so a plain POST costs no map work at
        // all. A replaced key keeps its position, so the copy shares the key list; the first
        // replacement copies the values (about 1K instructions), later ones write into them.
        var context = defaultContext
        if request.resourcePath != Defaults.resourcePath { context.setValue(.string(request.resourcePath), forKey: "resourcePath") }
        if request.httpMethod != Defaults.httpMethod { context.setValue(.string(request.httpMethod), forKey: "httpMethod") }
        if let userAgent = userAgent(of: request) {
            var identity = defaultIdentity
            identity.setValue(.string(userAgent), forKey: "userAgent")
            context.setValue(.map(identity), forKey: "identity")
        }
        let overrides = request.context
        guard !overrides.isEmpty else {
            // `/` has no `{name}` for path parameters to fill in: its path is the default one.
            if request.resourcePath != Defaults.resourcePath {
                let path = requestPath(request, stage: Defaults.stage)
                if path != defaultPath { context.setValue(.string(path), forKey: "path") }
            }
            return .map(context)
        }

        // Values derived from others follow the overrides: a request that sets `stage`
        // gets a matching `path`, one that sets `requestTimeEpoch` a matching `requestTime`.
        let stage = overrides.string("stage") ?? Defaults.stage
        let apiId = overrides.string("apiId") ?? Defaults.apiId
        let epoch: Int
        if case .integer(let overridden) = overrides["requestTimeEpoch"] { epoch = overridden } else { epoch = Defaults.requestTimeEpoch }
        if epoch != Defaults.requestTimeEpoch {
            context.setValue(.string(CommonLogTime.string(epochMilliseconds: epoch)), forKey: "requestTime")
            context.setValue(.integer(epoch), forKey: "requestTimeEpoch")
        }
        let path = requestPath(request, stage: stage)
        if path != defaultPath { context.setValue(.string(path), forKey: "path") }
        if stage != Defaults.stage { context.setValue(.string(stage), forKey: "stage") }
        if apiId != Defaults.apiId {
            context.setValue(.string(apiId), forKey: "domainPrefix")
            context.setValue(.string(domainName(apiId: apiId)), forKey: "domainName")
            context.setValue(.string(apiId), forKey: "apiId")
        }
        return .map(merge(context, overrides))
    }

    /// `$context` for a `POST /` with no `User-Agent` and no overrides, in AWS's key order.
    private static let defaultContext = OrderedMap([
        ("resourceId", .string(Defaults.resourceId)),
        ("resourcePath", .string(Defaults.resourcePath)),
        ("httpMethod", .string(Defaults.httpMethod)),
        ("extendedRequestId", .string(Defaults.extendedRequestId)),
        ("requestTime", .string(CommonLogTime.string(epochMilliseconds: Defaults.requestTimeEpoch))),
        ("path", .string(defaultPath)),
        ("accountId", .string(Defaults.accountId)),
        ("protocol", "HTTP/1.1"),
        ("requestOverride", .map(OrderedMap([("path", .map(OrderedMap())), ("header", .map(OrderedMap())), ("querystring", .map(OrderedMap()))]))),
        ("stage", .string(Defaults.stage)),
        ("domainPrefix", .string(Defaults.apiId)),
        ("requestTimeEpoch", .integer(Defaults.requestTimeEpoch)),
        ("requestId", .string(Defaults.requestId)),
        ("identity", .map(defaultIdentity)),
        ("domainName", .string(domainName(apiId: Defaults.apiId))),
        ("deploymentId", .string(Defaults.deploymentId)),
        ("responseOverride", .map(OrderedMap([("header", .map(OrderedMap()))]))),
        ("apiId", .string(Defaults.apiId)),
    ])

    /// `$context.identity` for a client that sent no `User-Agent`.
    private static let defaultIdentity = OrderedMap([
        ("cognitoIdentityPoolId", .null), ("accountId", .null), ("cognitoIdentityId", .null), ("caller", .null),
        ("sourceIp", .string(Defaults.sourceIp)), ("principalOrgId", .null), ("accessKey", .null),
        ("cognitoAuthenticationType", .null), ("cognitoAuthenticationProvider", .null), ("userArn", .null),
        ("userAgent", .null), ("user", .null),
    ])

    /// `requestPath` of the default request: `/test/`.
    private static let defaultPath = "/" + Defaults.stage + Defaults.resourcePath

    private static func domainName(apiId: String) -> String {
        apiId + ".execute-api." + Defaults.region + ".amazonaws.com"
    }

    /// Nested maps merge key by key; anything else replaces; new keys go last.
    static func merge(_ base: OrderedMap, _ overrides: OrderedMap) -> OrderedMap {
        var merged = base
        for (key, value) in zip(overrides.keys, overrides.values) {
            let current = merged[key]
            if case .map(let inner)? = current, case .map(let overriding) = value {
                merged[key] = .map(merge(inner, overriding))
            } else if !isSameText(current, value) {
                merged[key] = value
            }
        }
        return merged
    }

    /// Whether both are the same text, byte for byte. Every request repeats the account and
    /// domain the defaults already hold; skipping those writes keeps the copy of the default
    /// map shared (a write copies it). Only identical bytes count: `==` on strings equates
    /// canonically equivalent spellings, which print differently.
    private static func isSameText(_ current: Value?, _ new: Value) -> Bool {
        guard case .string(var old)? = current, case .string(var text) = new, old.utf8.count == text.utf8.count else { return false }
        return old.withUTF8 { oldBytes in text.withUTF8 { oldBytes.elementsEqual($0) } }
    }

    /// `/{stage}` and the resource path with its `{name}` and `{name+}` segments filled in
    /// from the path parameters, as the client called it (`/test/orders/42`).
    static func requestPath(_ request: MethodRequest, stage: String) -> String {
        let resourcePath = request.resourcePath
        // Most resource paths have no `{name}` to fill in.
        guard resourcePath.utf8.contains(UInt8(ascii: "{")) else {
            return "/" + stage + (resourcePath.hasPrefix("/") ? resourcePath : "/" + resourcePath)
        }
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

    /// The last `User-Agent` header (any letter case), or nil when the client sent none.
    private static func userAgent(of request: MethodRequest) -> String? {
        request.headers.last(where: { isUserAgent($0.name) })?.value
    }

    /// `name.lowercased() == "user-agent"` without building the lowercased copy. ASCII folding
    /// is enough: the only non-ASCII characters whose lowercase is ASCII are the Kelvin sign
    /// (`k`) and U+0130 (`i` plus a combining dot), and neither letter is in the name.
    private static func isUserAgent(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            guard bytes.count == 10 else { return false }
            for (byte, expected) in zip(bytes, "user-agent".utf8) {
                let folded = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                if folded != expected { return false }
            }
            return true
        }
    }
}

private extension OrderedMap {
    func string(_ key: String) -> String? {
        if case .string(let value) = self[key] { return value }
        return nil
    }
}
