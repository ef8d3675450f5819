import APIGateway
import VTL

/// `vtl render`: one template, one request, the rendered text on stdout.
struct RenderCommand {
    let arguments: [String]
    let streams: StandardStreams

    func run() throws -> ExitCode {
        var reader = ArgumentReader(arguments)
        guard let templatePath = try reader.value("--template") else { throw UsageError("render needs --template FILE") }
        let requestOptions = try RequestOptions(&reader)
        let velocity = reader.flag("--velocity")
        let extra = try reader.positionals()
        guard extra.isEmpty else { throw UsageError("unexpected argument '\(extra[0])'") }
        guard !(templatePath == "-" && requestOptions.readsStandardInput) else { throw UsageError("only one input can come from stdin") }

        let source = try readInput(templatePath, streams: streams, what: "template")
        let request = try requestOptions.request(streams: streams)
        do {
            let template = try Template(source: source, name: templatePath == "-" ? "<stdin>" : templatePath)
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
