import VTL

/// The lines of API Gateway's test-invoke execution log ("Method request headers: {...}",
/// "Endpoint request URI: ...", ...), without the timestamps, so runs compare equal.
///
/// A request keeps the values each step showed, not text: most callers (emulators, `vtl
/// bench`, sweeps) never read the log, and writing its twenty lines cost about a quarter of a
/// whole SQS invocation. `lines` writes them when asked for.
struct ExecutionLog: Sendable, Equatable {
    private var entries: [Entry] = []

    /// One step of the log and what it shows.
    private enum Entry: Sendable, Equatable {
        case line(String)
        case start(MethodRequest, requestId: String)
        case mockRequest(body: String)
        case endpointRequest(IntegrationRequest)
        case endpointResponse(BackendResponse, simulated: Bool)
        case finish(MethodResponse)
        case completed(status: Int)
    }

    mutating func add(_ line: String) { entries.append(.line(line)) }

    mutating func start(_ request: MethodRequest, context: Value) {
        var requestId = ""
        if case .map(let map) = context, case .string(let id)? = map["requestId"] { requestId = id }
        entries.append(.start(request, requestId: requestId))
    }

    mutating func endpointRequest(_ request: IntegrationRequest, type: Integration.Kind) {
        entries.append(type == .mock ? .mockRequest(body: request.body) : .endpointRequest(request))
    }

    mutating func endpointResponse(_ response: BackendResponse, simulated: Bool, type: Integration.Kind) {
        entries.append(.endpointResponse(response, simulated: simulated))
    }

    mutating func finish(_ response: MethodResponse) { entries.append(.finish(response)) }

    /// Ends the log with API Gateway's own answer and returns the finished result.
    mutating func refused(_ refusal: GatewayResponse, result: InvocationResult) -> InvocationResult {
        var result = result
        entries.append(.completed(status: refusal.status))
        result.refusal = refusal
        result.methodResponse = MethodResponse(refusal)
        result.executionLog = self
        return result
    }

    /// The log's text, one string a line.
    var lines: [String] {
        var lines: [String] = []
        lines.reserveCapacity(entries.count * 4)
        for entry in entries {
            switch entry {
            case .line(let line):
                lines.append(line)
            case .start(let request, let requestId):
                lines.append("Starting execution for request: " + requestId)
                lines.append(.concatenating(["HTTP Method: ", request.httpMethod, ", Resource Path: ", request.resourcePath]))
                lines.append("Method request path: " + Self.map(request.pathParameters))
                lines.append("Method request query string: " + Self.map(request.queryString))
                lines.append("Method request headers: " + Self.map(request.headers))
                lines.append("Method request body before transformations: " + request.body)
            case .mockRequest(let body):
                lines.append("Mock integration: nothing is called; the status comes from the request template")
                lines.append("Endpoint request body after transformations: " + body)
            case .endpointRequest(let request):
                lines.append("Endpoint request URI: " + request.url)
                lines.append("Endpoint request headers: " + Self.map(request.headers))
                lines.append("Endpoint request body after transformations: " + request.body)
                lines.append("Sending request to " + request.url)
            case .endpointResponse(let response, let simulated):
                lines.append(.concatenating([
                    "Received response. Status: ", String(response.status), ", Integration latency: 0 ms",
                    simulated ? " (simulated)" : " (as given)",
                ]))
                lines.append("Endpoint response headers: " + Self.map(response.headers))
                lines.append("Endpoint response body before transformations: " + response.body)
            case .finish(let response):
                lines.append("Method response body after transformations: " + response.body)
                lines.append("Method response headers: " + Self.map(response.headers))
                lines.append("Successfully completed execution")
                lines.append("Method completed with status: " + String(response.status))
            case .completed(let status):
                lines.append("Method completed with status: " + String(status))
            }
        }
        return lines
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
