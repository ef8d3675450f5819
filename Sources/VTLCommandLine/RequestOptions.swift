import APIGateway
import VTL

/// The request flags `render` and `bench` share: body, headers, query, path, stage variables, context.
struct RequestOptions {
    var bodyPath: String?
    var bodyString: String?
    var headers: [(String, String)]
    var query: [(String, String)]
    var pathParameters: [(String, String)]
    var stageVariables: [(String, String)]
    var contextPath: String?
    var requestPath: String?
    var method: String?

    /// Takes the request flags out of `reader`.
    init(_ reader: inout ArgumentReader) throws(UsageError) {
        bodyPath = try reader.value("--body")
        bodyString = try reader.value("--body-string")
        headers = try reader.pairs("--header")
        query = try reader.pairs("--query")
        pathParameters = try reader.pairs("--path-param")
        stageVariables = try reader.pairs("--stage-var")
        contextPath = try reader.value("--context")
        requestPath = try reader.value("--request")
        method = try reader.value("--method")
        guard bodyPath == nil || bodyString == nil else { throw UsageError("give --body or --body-string, not both") }
    }

    var readsStandardInput: Bool { bodyPath == "-" || contextPath == "-" || requestPath == "-" }

    /// The method request these flags describe; a bad request or context file is a data error.
    func request(streams: StandardStreams) throws -> MethodRequest {
        let body = try bodyString ?? bodyPath.map { path throws(InputError) in try readInput(path, streams: streams, what: "body", isBody: true) } ?? ""
        var request: MethodRequest
        if let requestPath {
            let requestJSON = try readInput(requestPath, streams: streams, what: "request file")
            do {
                request = try MethodRequest(requestJSON: requestJSON, body: body)
            } catch {
                throw DataError("\(requestPath):\(error)")
            }
        } else {
            request = MethodRequest(body: body)
        }
        if let method { request.httpMethod = method }
        request.headers += headers.map { Parameter($0.0, $0.1) }
        request.queryString += query.map { Parameter($0.0, $0.1) }
        request.pathParameters += pathParameters.map { Parameter($0.0, $0.1) }
        request.stageVariables += stageVariables.map { Parameter($0.0, $0.1) }
        if let contextPath {
            let contextJSON = try readInput(contextPath, streams: streams, what: "context file")
            do {
                request.context = try MethodRequest(requestJSON: "{\"context\": \(contextJSON)}", body: body).context
            } catch {
                throw DataError("\(contextPath): \(error)")
            }
        }
        return request
    }

    static let help = """
          --body FILE           The request body, byte for byte (- reads stdin)
          --body-string TEXT    The request body given inline
          --header NAME=VALUE   A request header (repeatable)
          --query NAME=VALUE    A query-string parameter (repeatable)
          --path-param NAME=VALUE
                                A path parameter (repeatable)
          --stage-var NAME=VALUE
                                A stage variable (repeatable)
          --context FILE.json   Values that replace or add to $context (a JSON object)
          --request FILE.json   A request file as in fixtures: {"headers":{}, "query":{},
                                "path":{}, "stageVariables":{}, "context":{}}
          --method METHOD       The HTTP method ($context.httpMethod; default POST)
        """
}

/// Input that was read but is not valid: exit 65.
struct DataError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
