/// Step 1: find the method a request calls, as API Gateway matches resources.
///
/// Literal segments win over `{param}` segments, which win over a greedy `{proxy+}`; an exact
/// method wins over `ANY`. A request that matches no resource and method is refused with
/// 403 `{"message":"Missing Authentication Token"}`: REST APIs answer an unknown path or
/// method that way, not with 404 (widely reported; AWS knowledge-center article
/// "api-gateway-authentication-token-errors").
enum Routing {
    /// The method a request reached and the path parameters its resource path captured.
    struct Match: Sendable, Equatable {
        var method: MethodDefinition
        /// `{name}` and `{name+}` values, in the order of the resource path.
        var pathParameters: [Parameter]
    }

    /// The matching method, or nil when API Gateway would answer 403.
    static func route(method httpMethod: String, path: String, in api: APIDefinition) -> Match? {
        let requestSegments = segments(of: path)
        let requestMethod = httpMethod.uppercased()
        // The best method is kept by position: a method definition is large to copy.
        var best: (score: [Int], index: Int, parameters: [Parameter])?
        for (index, method) in api.methods.enumerated() {
            let upper = method.httpMethod.uppercased()
            guard upper == requestMethod || upper == "ANY" else { continue }
            guard let (pathScore, parameters) = match(resource: method.resourcePath, against: requestSegments) else { continue }
            // An exact method beats ANY on the same path.
            let score = pathScore + [upper == "ANY" ? 0 : 1]
            if best == nil || best!.score.lexicographicallyPrecedes(score) {
                best = (score, index, parameters)
            }
        }
        return best.map { Match(method: api.methods[$0.index], pathParameters: $0.parameters) }
    }

    /// API Gateway's refusal when nothing matches.
    static let missingAuthenticationToken = GatewayResponse(
        status: 403, body: #"{"message":"Missing Authentication Token"}"#, errorType: "MissingAuthenticationTokenException")

    /// A score per segment (2 literal, 1 parameter, 0 greedy) so that more specific resources
    /// compare greater, and the captured parameters.
    private static func match(resource: String, against request: [Substring]) -> ([Int], [Parameter])? {
        let template = segments(of: resource)
        var score: [Int] = []
        var parameters: [Parameter] = []
        var index = 0
        for (position, segment) in template.enumerated() {
            if segment.hasPrefix("{") && segment.hasSuffix("+}") {
                // Greedy, and only last: it takes one or more remaining segments.
                guard position == template.count - 1, index < request.count else { return nil }
                parameters.append(Parameter(String(segment.dropFirst().dropLast(2)), request[index...].joined(separator: "/")))
                score.append(0)
                return (score, parameters)
            }
            guard index < request.count else { return nil }
            if segment.hasPrefix("{") && segment.hasSuffix("}") {
                guard !request[index].isEmpty else { return nil }
                parameters.append(Parameter(String(segment.dropFirst().dropLast()), String(request[index])))
                score.append(1)
            } else {
                guard segment == request[index] else { return nil }
                score.append(2)
            }
            index += 1
        }
        return index == request.count ? (score, parameters) : nil
    }

    /// `/a/b/` → `a`, `b`; `/` → nothing. A trailing slash does not make a new segment.
    private static func segments(of path: String) -> [Substring] {
        let text = path[...]
        return text[..<(text.firstIndex(ofASCII: "?") ?? text.endIndex)].splitOnASCII("/", omittingEmptySubsequences: true)
    }
}
