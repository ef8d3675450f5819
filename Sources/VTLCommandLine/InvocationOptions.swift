import APIGateway

/// The flags `invoke` and `bench --api` share: the API definition and the one request sent
/// through it. Both commands read them here so a benchmark times exactly the request
/// `vtl invoke` would run.
struct InvocationOptions {
    var apiPath: String
    var method: String
    var path: String
    var bodyPath: String?
    var bodyString: String?
    var headers: [(String, String)]
    var query: [(String, String)]
    var stageVariables: [(String, String)]
    var parameters: [(String, String)]
    var region: String
    var accountId: String
    var integrationStatus: Int?
    var integrationHeaders: [(String, String)]
    var integrationBodyPath: String?

    /// Takes the request flags out of `reader`; the caller has already taken `--api`.
    init(apiPath: String, _ reader: inout ArgumentReader) throws(UsageError) {
        self.apiPath = apiPath
        method = try reader.value("--method") ?? "GET"
        path = try reader.value("--path") ?? "/"
        bodyPath = try reader.value("--body")
        bodyString = try reader.value("--body-string")
        headers = try reader.pairs("--header")
        query = try reader.pairs("--query")
        stageVariables = try reader.pairs("--stage-var")
        parameters = try reader.pairs("--parameter")
        region = try reader.value("--region") ?? "us-east-1"
        accountId = try reader.value("--account-id") ?? "123456789012"
        let integrationStatus = try reader.value("--integration-status")
        integrationHeaders = try reader.pairs("--integration-header")
        integrationBodyPath = try reader.value("--integration-body")

        guard bodyPath == nil || bodyString == nil else { throw UsageError("give --body or --body-string, not both") }
        guard [apiPath, bodyPath, integrationBodyPath].filter({ $0 == "-" }).count <= 1 else {
            throw UsageError("only one input can come from stdin")
        }
        guard path.hasPrefix("/") else { throw UsageError("--path must start with '/', got '\(path)'") }
        if let integrationStatus {
            guard let number = Int(integrationStatus), (100...599).contains(number) else {
                throw UsageError("--integration-status takes an HTTP status, got '\(integrationStatus)'")
            }
            self.integrationStatus = number
        }
    }

    /// Reads the inputs and loads the definition; a definition that does not load is a data error.
    func prepare(streams: StandardStreams) throws -> PreparedInvocation {
        let apiText = try readInput(apiPath, streams: streams, what: "API definition")
        let body = try bodyString ?? bodyPath.map { path throws(InputError) in try readInput(path, streams: streams, what: "body", isBody: true) } ?? ""
        let integrationBody = try integrationBodyPath.map { path throws(InputError) in
            try readInput(path, streams: streams, what: "integration body", isBody: true)
        }
        let fileName = apiPath == "-" ? "<stdin>" : apiPath
        let options = DefinitionOptions(
            parameters: Dictionary(parameters, uniquingKeysWith: { _, last in last }), region: region, accountId: accountId)
        let api: APIDefinition
        do {
            api = try APIDefinitionLoader.load(apiText, fileName: fileName, options: options)
        } catch {
            throw DataError("\(error)")
        }
        let request = InvocationRequest(
            httpMethod: method.uppercased(), path: path, headers: headers.map { Parameter($0.0, $0.1) },
            queryString: query.map { Parameter($0.0, $0.1) }, body: body,
            stageVariables: stageVariables.map { Parameter($0.0, $0.1) })
        let settings = InvocationSettings(
            region: region, accountId: accountId,
            backend: BackendOverride(
                status: integrationStatus, headers: integrationHeaders.map { Parameter($0.0, $0.1) }, body: integrationBody))
        return PreparedInvocation(api: api, request: request, settings: settings)
    }

    static let help = """
          --api FILE            The API definition (- reads it from stdin)
          --method METHOD       The HTTP method (default GET)
          --path PATH           The path below the stage, such as /orders/42 (default /)
          --body FILE           The request body, byte for byte (- reads stdin)
          --body-string TEXT    The request body given inline
          --header NAME=VALUE   A request header (repeatable; repeat a name for several values)
          --query NAME=VALUE    A query-string parameter (repeatable)
          --stage-var NAME=VALUE
                                A stage variable (repeatable)
          --parameter NAME=VALUE
                                A template parameter, overriding its Default (repeatable)
          --region REGION       AWS::Region (default us-east-1)
          --account-id ID       AWS::AccountId (default 123456789012)
          --integration-status N
                                The status the backend answers (default: simulated)
          --integration-header NAME=VALUE
                                A header the backend answers with (repeatable)
          --integration-body FILE
                                The body the backend answers with (- reads stdin)
        """
}

/// A loaded definition and the request to send through it, ready to run any number of times.
struct PreparedInvocation {
    var api: APIDefinition
    var request: InvocationRequest
    var settings: InvocationSettings

    /// One request through the whole pipeline; a definition problem found on the way is a data error.
    func run() throws(DataError) -> InvocationResult {
        do {
            return try Invocation.run(request, in: api, settings: settings)
        } catch {
            throw DataError("\(error)")
        }
    }
}
