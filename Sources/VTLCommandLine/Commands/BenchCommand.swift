import APIGateway
import Foundation
import VTL

/// `vtl bench`: parse once, render many times as fresh requests, report nanoseconds per render.
struct BenchCommand {
    let arguments: [String]
    let streams: StandardStreams

    func run() throws -> ExitCode {
        var reader = ArgumentReader(arguments)
        guard let templatePath = try reader.value("--template") else { throw UsageError("bench needs --template FILE") }
        let requestOptions = try RequestOptions(&reader)
        let iterations = try positiveInteger(reader.value("--iterations"), name: "--iterations") ?? 10_000
        let rounds = try positiveInteger(reader.value("--rounds"), name: "--rounds") ?? 5
        let format = try reader.value("--format") ?? "text"
        let velocity = reader.flag("--velocity")
        let extra = try reader.positionals()
        guard extra.isEmpty else { throw UsageError("unexpected argument '\(extra[0])'") }
        guard format == "text" || format == "json" else { throw UsageError("--format is text or json") }

        let source = try readInput(templatePath, streams: streams, what: "template")
        let request = try requestOptions.request(streams: streams)
        let options: RenderOptions = velocity ? .velocity : .apiGateway
        let template: Template
        let outputBytes: Int
        do {
            template = try Template(source: source, name: templatePath)
            outputBytes = try template.render(MappingTemplateVariables.context(for: request), options: options).utf8.count
        } catch {
            streams.writeError(error.diagnostic + "\n")
            return .dataError
        }

        // Each render is a new request: a fresh context, so the body is parsed again as API Gateway must.
        let renderOnce = {
            _ = try? template.render(MappingTemplateVariables.context(for: request), options: options)
        }
        for _ in 0..<max(iterations / 10, 10) { renderOnce() }
        var perRender: [Double] = []
        for round in 1...rounds {
            let start = ContinuousClock.now
            for _ in 0..<iterations { renderOnce() }
            let elapsed = ContinuousClock.now - start
            let nanoseconds = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
            perRender.append(nanoseconds / Double(iterations))
            if format == "text" { streams.writeError("round \(round): \(Int(perRender.last!)) ns/render\n") }
        }
        let sorted = perRender.sorted()
        let median = sorted[sorted.count / 2]
        switch format {
        case "json":
            let throughput = Double(outputBytes) / median * 1e9 / 1_000_000
            streams.writeOutput(
                """
                {"template":\(jsonString(templatePath)),"iterations":\(iterations),"rounds":\(rounds),\
                "minNanoseconds":\(Int(sorted.first!)),"medianNanoseconds":\(Int(median)),"maxNanoseconds":\(Int(sorted.last!)),\
                "outputBytes":\(outputBytes),"outputMegabytesPerSecond":\(String(format: "%.1f", throughput))}

                """)
        default:
            streams.writeOutput("\(Int(median))\n")
        }
        return .success
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
