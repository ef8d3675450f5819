import APIGateway
import VTL

/// `vtl render`: one template, one request, the rendered text on stdout.
struct RenderCommand {
    let arguments: [String]
    let streams: StandardStreams

    func run() throws -> ExitCode {
        var reader = ArgumentReader(arguments)
        guard let templatePath = try reader.value("--template") else { throw UsageError("render needs --template FILE") }
        let bodyPath = try reader.value("--body")
        let bodyString = try reader.value("--body-string")
        let headers = try reader.pairs("--header")
        let query = try reader.pairs("--query")
        let pathParameters = try reader.pairs("--path-param")
        let stageVariables = try reader.pairs("--stage-var")
        let contextPath = try reader.value("--context")
        let requestPath = try reader.value("--request")
        let method = try reader.value("--method")
        let velocity = reader.flag("--velocity")
        let extra = try reader.positionals()
        guard extra.isEmpty else { throw UsageError("unexpected argument '\(extra[0])'") }
        guard bodyPath == nil || bodyString == nil else { throw UsageError("give --body or --body-string, not both") }
        guard [templatePath, bodyPath].filter({ $0 == "-" }).count <= 1 else { throw UsageError("only one input can come from stdin") }

        let source = try readInput(templatePath, streams: streams, what: "template")
        let body = try bodyString ?? bodyPath.map { path throws(InputError) in try readInput(path, streams: streams, what: "body") } ?? ""

        var request: MethodRequest
        if let requestPath {
            let requestJSON = try readInput(requestPath, streams: streams, what: "request file")
            do {
                request = try MethodRequest(requestJSON: requestJSON, body: body)
            } catch {
                streams.writeError("\(requestPath):\(error)\n")
                return .dataError
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
                let overrides = try MethodRequest(requestJSON: "{\"context\": \(contextJSON)}", body: body)
                request.context = overrides.context
            } catch {
                streams.writeError("\(contextPath): \(error)\n")
                return .dataError
            }
        }

        let templateName = templatePath == "-" ? "<stdin>" : templatePath
        do {
            let template = try Template(source: source, name: templateName)
            let output = try template.render(
                MappingTemplateVariables.context(for: request), options: velocity ? .velocity : .apiGateway)
            // Written only once the whole render succeeded: nothing half-written on failure.
            streams.writeOutput(output)
            return .success
        } catch {
            streams.writeError(error.diagnostic + "\n")
            return .dataError
        }
    }
}
