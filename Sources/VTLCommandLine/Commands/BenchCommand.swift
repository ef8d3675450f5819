import APIGateway
import Foundation
import VTL

/// `vtl bench`: how long one unit of API Gateway's work takes, in median nanoseconds.
/// Three units: a render (the default: parse once, render many times as fresh requests),
/// a parse (`--parse`), and a whole request through an API definition (`--api`).
struct BenchCommand {
    let arguments: [String]
    let streams: StandardStreams

    /// The flags every mode takes.
    private struct Settings {
        var iterations: Int
        var rounds: Int
        var format: String
    }

    func run() throws -> ExitCode {
        var reader = ArgumentReader(arguments)
        let templatePath = try reader.value("--template")
        let apiPath = try reader.value("--api")
        let parseOnly = reader.flag("--parse")
        let velocity = reader.flag("--velocity")
        let settings = Settings(
            iterations: try positiveInteger(reader.value("--iterations"), name: "--iterations") ?? 10_000,
            rounds: try positiveInteger(reader.value("--rounds"), name: "--rounds") ?? 5,
            format: try reader.value("--format") ?? "text")
        guard settings.format == "text" || settings.format == "json" else { throw UsageError("--format is text or json") }

        if let apiPath {
            guard templatePath == nil else { throw UsageError("give --template or --api, not both") }
            guard !parseOnly else { throw UsageError("--parse times a template: give --template, not --api") }
            // API Gateway renders with its own null handling; stock Velocity has no pipeline to run.
            guard !velocity else { throw UsageError("--velocity does not apply to --api") }
            let options = try InvocationOptions(apiPath: apiPath, &reader)
            try rejectExtra(reader)
            return try benchInvocation(options, apiPath: apiPath, settings: settings)
        }
        guard let templatePath else { throw UsageError("bench needs --template FILE or --api FILE") }
        if parseOnly {
            // Parse time does not depend on the request, so request flags would only mislead.
            guard !velocity else { throw UsageError("--velocity does not apply to --parse (parsing is the same)") }
            do {
                try rejectExtra(reader)
            } catch {
                throw UsageError("\(error.message) (bench --parse times parsing only and takes no request options)")
            }
            return try benchParse(templatePath, settings: settings)
        }
        let requestOptions = try RequestOptions(&reader)
        try rejectExtra(reader)
        guard !(templatePath == "-" && requestOptions.readsStandardInput) else { throw UsageError("only one input can come from stdin") }
        return try benchRender(templatePath, requestOptions: requestOptions, velocity: velocity, settings: settings)
    }

    private func benchRender(
        _ templatePath: String, requestOptions: RequestOptions, velocity: Bool, settings: Settings
    ) throws -> ExitCode {
        let source = try readInput(templatePath, streams: streams, what: "template")
        let request = try requestOptions.request(streams: streams)
        let options: RenderOptions = velocity ? .velocity : .apiGateway
        let template: Template
        let outputBytes: Int
        do {
            template = try Template(source: source, name: templateName(templatePath))
            outputBytes = try template.render(MappingTemplateVariables.context(for: request), options: options).utf8.count
        } catch {
            streams.writeError(error.diagnostic + "\n")
            return .dataError
        }

        // Each render is a new request: a fresh context, so the body is parsed again as API Gateway must.
        let perRender = measure(settings, unit: "render") {
            _ = try? template.render(MappingTemplateVariables.context(for: request), options: options)
        }
        let median = perRender.median
        let throughput = Double(outputBytes) / median * 1e9 / 1_000_000
        report(perRender, settings: settings, fields: [
            ("mode", jsonString("render")), ("template", jsonString(templatePath)),
        ], trailingFields: [
            ("outputBytes", "\(outputBytes)"), ("outputMegabytesPerSecond", String(format: "%.1f", throughput)),
        ])
        return .success
    }

    private func benchParse(_ templatePath: String, settings: Settings) throws -> ExitCode {
        let source = try readInput(templatePath, streams: streams, what: "template")
        let name = templateName(templatePath)
        do {
            _ = try Template(source: source, name: name)
        } catch {
            streams.writeError(error.diagnostic + "\n")
            return .dataError
        }
        let perParse = measure(settings, unit: "parse") {
            _ = try? Template(source: source, name: name)
        }
        let templateBytes = source.utf8.count
        let throughput = Double(templateBytes) / perParse.median * 1e9 / 1_000_000
        report(perParse, settings: settings, fields: [
            ("mode", jsonString("parse")), ("template", jsonString(templatePath)),
        ], trailingFields: [
            ("templateBytes", "\(templateBytes)"), ("templateMegabytesPerSecond", String(format: "%.1f", throughput)),
        ])
        return .success
    }

    private func benchInvocation(_ options: InvocationOptions, apiPath: String, settings: Settings) throws -> ExitCode {
        // Loading the definition is deployment, not request work: done once, outside the timing.
        let invocation = try options.prepare(streams: streams)
        let first = try invocation.run()
        if settings.format == "text" {
            streams.writeError("\(invocation.request.httpMethod) \(invocation.request.path): status \(first.status)\n")
        }
        let perRequest = measure(settings, unit: "request") {
            _ = try? invocation.run()
        }
        report(perRequest, settings: settings, fields: [
            ("mode", jsonString("invoke")), ("api", jsonString(apiPath)),
            ("method", jsonString(invocation.request.httpMethod)), ("path", jsonString(invocation.request.path)),
        ], trailingFields: [("status", "\(first.status)")])
        return .success
    }

    /// Warms up, then times `settings.rounds` rounds of `settings.iterations` calls; nanoseconds per call for each round.
    private func measure(_ settings: Settings, unit: String, _ once: () -> Void) -> [Double] {
        for _ in 0..<max(settings.iterations / 10, 10) { once() }
        var perCall: [Double] = []
        for round in 1...settings.rounds {
            let start = ContinuousClock.now
            for _ in 0..<settings.iterations { once() }
            let elapsed = ContinuousClock.now - start
            let nanoseconds = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
            perCall.append(nanoseconds / Double(settings.iterations))
            if settings.format == "text" { streams.writeError("round \(round): \(Int(perCall.last!)) ns/\(unit)\n") }
        }
        return perCall
    }

    /// Text: the median alone as the last line, for scripts that read one number. JSON: one object.
    private func report(
        _ perCall: [Double], settings: Settings, fields: [(String, String)], trailingFields: [(String, String)]
    ) {
        guard settings.format == "json" else {
            streams.writeOutput("\(Int(perCall.median))\n")
            return
        }
        let sorted = perCall.sorted()
        let all = fields + [
            ("iterations", "\(settings.iterations)"), ("rounds", "\(settings.rounds)"),
            ("minNanoseconds", "\(Int(sorted.first!))"), ("medianNanoseconds", "\(Int(perCall.median))"),
            ("maxNanoseconds", "\(Int(sorted.last!))"),
        ] + trailingFields
        streams.writeOutput("{" + all.map { "\(jsonString($0.0)):\($0.1)" }.joined(separator: ",") + "}\n")
    }

    /// The name diagnostics show, as `vtl render` names its template.
    private func templateName(_ path: String) -> String {
        path == "-" ? "<stdin>" : path
    }

    private func rejectExtra(_ reader: ArgumentReader) throws(UsageError) {
        let extra = try reader.positionals()
        guard extra.isEmpty else { throw UsageError("unexpected argument '\(extra[0])'") }
    }

    private func positiveInteger(_ text: String?, name: String) throws(UsageError) -> Int? {
        guard let text else { return nil }
        guard let value = Int(text), value > 0 else { throw UsageError("\(name) takes a positive whole number") }
        return value
    }

    private func jsonString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

extension [Double] {
    /// The middle value (the upper one of an even count), as every bench mode reports.
    fileprivate var median: Double { sorted()[count / 2] }
}
