import VTL

/// The lines of API Gateway's test-invoke execution log ("Method request headers: {...}",
/// "Endpoint request URI: ...", ...), without the timestamps, so runs compare equal.
struct ExecutionLog {
    private(set) var lines: [String] = []

    mutating func add(_ line: String) { lines.append(line) }

    /// Adds the line made of `parts`, built in one piece (see `String.concatenating`).
    private mutating func add(_ parts: String...) { lines.append(.concatenating(parts)) }

    mutating func start(_ request: MethodRequest, context: Value) {
        var requestId = ""
        if case .map(let map) = context, case .string(let id)? = map["requestId"] { requestId = id }
        add("Starting execution for request: ", requestId)
        add("HTTP Method: ", request.httpMethod, ", Resource Path: ", request.resourcePath)
        add("Method request path: ", Self.map(request.pathParameters))
        add("Method request query string: ", Self.map(request.queryString))
        add("Method request headers: ", Self.map(request.headers))
        add("Method request body before transformations: ", request.body)
    }

    mutating func endpointRequest(_ request: IntegrationRequest, type: Integration.Kind) {
        if type == .mock {
            add("Mock integration: nothing is called; the status comes from the request template")
            add("Endpoint request body after transformations: ", request.body)
            return
        }
        add("Endpoint request URI: ", request.url)
        add("Endpoint request headers: ", Self.map(request.headers))
        add("Endpoint request body after transformations: ", request.body)
        add("Sending request to ", request.url)
    }

    mutating func endpointResponse(_ response: BackendResponse, simulated: Bool, type: Integration.Kind) {
        add("Received response. Status: ", String(response.status), ", Integration latency: 0 ms", simulated ? " (simulated)" : " (as given)")
        add("Endpoint response headers: ", Self.map(response.headers))
        add("Endpoint response body before transformations: ", response.body)
    }

    mutating func finish(_ response: MethodResponse) {
        add("Method response body after transformations: ", response.body)
        add("Method response headers: ", Self.map(response.headers))
        add("Successfully completed execution")
        add("Method completed with status: ", String(response.status))
    }

    /// Ends the log with API Gateway's own answer and returns the finished result.
    mutating func refused(_ refusal: GatewayResponse, result: InvocationResult) -> InvocationResult {
        var result = result
        let response = MethodResponse(refusal)
        add("Method completed with status: \(refusal.status)")
        result.refusal = refusal
        result.methodResponse = response
        result.log = lines
        return result
    }

    /// `{A=1, B=2}`, the Java map text the console prints; repeated names join with commas.
    static func map(_ parameters: [Parameter]) -> String {
        // Each name's values joined, in the order names first appear; built in one string.
        var entries: [(name: String, values: String)] = []
        entries.reserveCapacity(parameters.count)
        // A request has a handful of headers: comparing names finds a repeated one sooner
        // than hashing them does. Many names get a table, so the work stays linear.
        var entryIndex: [String: Int]? = parameters.count > 16 ? [:] : nil
        for parameter in parameters {
            let index = entryIndex.map { $0[parameter.name] } ?? entries.firstIndex { $0.name == parameter.name }
            if let index {
                entries[index].values += "," + parameter.value
            } else {
                entryIndex?[parameter.name] = entries.count
                entries.append((parameter.name, parameter.value))
            }
        }
        var parts = ["{"]
        parts.reserveCapacity(entries.count * 4 + 1)
        for (index, entry) in entries.enumerated() {
            if index > 0 { parts.append(", ") }
            parts.append(entry.name)
            parts.append("=")
            parts.append(entry.values)
        }
        parts.append("}")
        return .concatenating(parts)
    }
}
