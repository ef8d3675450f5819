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
        let options = try InvocationOptions(apiPath: apiPath, &reader)
        let format = try reader.value("--format") ?? "text"
        let extra = try reader.positionals()
        guard extra.isEmpty else { throw UsageError("unexpected argument '\(extra[0])'") }
        guard format == "text" || format == "json" else { throw UsageError("--format takes text or json, got '\(format)'") }

        let result = try options.prepare(streams: streams).run()
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
