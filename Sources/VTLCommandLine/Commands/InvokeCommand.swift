import APIGateway
import JSON

/// `vtl invoke`: one request through a whole API definition, as the console's Test button
/// runs it, showing what the backend receives and what the client gets back.
struct InvokeCommand {
    let arguments: [String]
    let streams: StandardStreams

    func run() throws -> ExitCode {
        var reader = ArgumentReader(arguments)
        guard let apiPath = try reader.value("--api") else { throw UsageError("invoke needs --api FILE") }
        let method = try reader.value("--method") ?? "GET"
        let path = try reader.value("--path") ?? "/"
        let bodyPath = try reader.value("--body")
        let bodyString = try reader.value("--body-string")
        let headers = try reader.pairs("--header")
        let query = try reader.pairs("--query")
        let stageVariables = try reader.pairs("--stage-var")
        let parameters = try reader.pairs("--parameter")
        let region = try reader.value("--region") ?? "us-east-1"
        let accountId = try reader.value("--account-id") ?? "123456789012"
        let format = try reader.value("--format") ?? "text"
        let integrationStatus = try reader.value("--integration-status")
        let integrationHeaders = try reader.pairs("--integration-header")
        let integrationBodyPath = try reader.value("--integration-body")
        let extra = try reader.positionals()
        guard extra.isEmpty else { throw UsageError("unexpected argument '\(extra[0])'") }
        guard format == "text" || format == "json" else { throw UsageError("--format takes text or json, got '\(format)'") }
        guard bodyPath == nil || bodyString == nil else { throw UsageError("give --body or --body-string, not both") }
        guard [apiPath, bodyPath, integrationBodyPath].filter({ $0 == "-" }).count <= 1 else {
            throw UsageError("only one input can come from stdin")
        }
        guard path.hasPrefix("/") else { throw UsageError("--path must start with '/', got '\(path)'") }
        var status: Int?
        if let integrationStatus {
            guard let number = Int(integrationStatus), (100...599).contains(number) else {
                throw UsageError("--integration-status takes an HTTP status, got '\(integrationStatus)'")
            }
            status = number
        }

        let apiText = try readInput(apiPath, streams: streams, what: "API definition")
        let body = try bodyString ?? bodyPath.map { path throws(InputError) in try readInput(path, streams: streams, what: "body") } ?? ""
        let integrationBody = try integrationBodyPath.map { path throws(InputError) in
            try readInput(path, streams: streams, what: "integration body")
        }

        let fileName = apiPath == "-" ? "<stdin>" : apiPath
        let options = DefinitionOptions(
            parameters: Dictionary(parameters, uniquingKeysWith: { _, last in last }), region: region, accountId: accountId)
        let result: InvocationResult
        do {
            let api = try APIDefinitionLoader.load(apiText, fileName: fileName, options: options)
            let request = InvocationRequest(
                httpMethod: method.uppercased(), path: path, headers: headers.map { Parameter($0.0, $0.1) },
                queryString: query.map { Parameter($0.0, $0.1) }, body: body,
                stageVariables: stageVariables.map { Parameter($0.0, $0.1) })
            let settings = InvocationSettings(
                region: region, accountId: accountId,
                backend: BackendOverride(
                    status: status, headers: integrationHeaders.map { Parameter($0.0, $0.1) }, body: integrationBody))
            result = try Invocation.run(request, in: api, settings: settings)
        } catch let error as DefinitionError {
            streams.writeError("\(error)\n")
            return .dataError
        } catch let error as PipelineError {
            streams.writeError("\(error)\n")
            return .dataError
        }
        // API Gateway's own refusals (403, 415, 400, 500) are results: still exit 0.
        streams.writeOutput(format == "json" ? InvokeReport.json(result) : InvokeReport.text(result))
        return .success
    }
}

/// How `vtl invoke` prints a result.
enum InvokeReport {
    static func text(_ result: InvocationResult) -> String {
        var output = "Execution log\n"
        for line in result.log { output += line + "\n" }
        if let sqs = result.sqs {
            output += "\nSQS \(sqs.action ?? "(no Action)") (\(sqs.wireProtocol == .query ? "query protocol: the form body as SQS decodes it" : "JSON protocol")) to \(sqs.queueURL ?? "(no queue)")\n"
            output += "  Parameters:\n"
            for parameter in sqs.parameters {
                let shown = parameter.name.isEmpty && parameter.value.isEmpty ? "(body)" : "\(parameter.name) = \(quoted(parameter.value))"
                output += "    \(shown)" + (parameter.raw != "\(parameter.name)=\(parameter.value)" && !parameter.raw.isEmpty ? "    [from \(quoted(parameter.raw))]" : "") + "\n"
                if let note = parameter.note { output += "      note: \(note)\n" }
            }
            if let message = sqs.messageBody {
                output += "  Stored MessageBody: \(quoted(message))\n"
                output += "  MD5OfMessageBody: \(sqs.md5OfMessageBody ?? "")\n"
                output += "  Matches the request body: \(sqs.matchesRequestBody ? "yes, byte for byte" : "NO (request body was \(quoted(result.methodRequest?.body ?? "")))")\n"
            } else {
                output += "  No message stored: SQS answers \(sqs.errorCode ?? "an error")\n"
            }
        }
        output += "\nStatus: \(result.status)\n"
        return output
    }

    static func json(_ result: InvocationResult) -> String {
        result.jsonValue.jsonText + "\n"
    }

    private static func quoted(_ text: String) -> String {
        JSONWriter().string(.string(text))
    }
}
