import VTL

/// Step 2: the method request a template sees: headers, query string (multi-value), path
/// parameters from the route, body and stage variables; and the checks API Gateway makes
/// before it reads the body.
enum MethodRequestHandling {
    /// API Gateway's payload limit, 10 MB (DOC-lim).
    static let payloadLimit = 10 * 1024 * 1024

    /// The method request for `request` routed to `match`, or API Gateway's refusal.
    static func methodRequest(
        for request: InvocationRequest, match: Routing.Match, settings: InvocationSettings
    ) -> Result<MethodRequest, GatewayResponse> {
        guard request.body.utf8.count <= payloadLimit else { return .failure(.requestTooLarge) }
        var context = OrderedMap([
            ("accountId", .string(settings.accountId)),
        ])
        // The domain follows the region the caller chose; a request's own context still wins.
        let apiId: String
        if case .string(let given) = request.context["apiId"] { apiId = given } else { apiId = "abcdef1234" }
        context["domainName"] = .string(.concatenating([apiId, ".execute-api.", settings.region, ".amazonaws.com"]))
        for (key, value) in request.context.pairs { context[key] = value }
        return .success(MethodRequest(
            httpMethod: request.httpMethod.uppercased(), resourcePath: match.method.resourcePath, body: request.body,
            headers: request.headers, queryString: queryString(of: request), pathParameters: match.pathParameters,
            stageVariables: request.stageVariables, context: context))
    }

    /// `--query` parameters plus any `?a=1&b=2` written into the path, decoded as a URL query.
    static func queryString(of request: InvocationRequest) -> [Parameter] {
        guard let mark = request.path.firstIndex(of: "?") else { return request.queryString }
        var parameters: [Parameter] = []
        for pair in request.path[request.path.index(after: mark)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decoded(parts[0]), value = parts.count > 1 ? decoded(parts[1]) : ""
            parameters.append(Parameter(name, value))
        }
        return parameters + request.queryString
    }

    /// Percent-decoded; text that is not valid escaping stays as written.
    private static func decoded(_ text: Substring) -> String {
        (try? FormURLCoding.decode(text.split(separator: "+", omittingEmptySubsequences: false).joined(separator: "%2B"))) ?? String(text)
    }
}
