import APIGateway
import Foundation
import JSON

/// `vtl check`: lint every request template of an API definition (or one template) and sweep
/// it with hostile payloads; exit 1 when anything is found.
struct CheckCommand {
    let arguments: [String]
    let streams: StandardStreams

    func run() throws -> ExitCode {
        var reader = ArgumentReader(arguments)
        let apiPath = try reader.value("--api")
        let templatePath = try reader.value("--template")
        let contentType = try reader.value("--content-type")
        let method = try reader.value("--method")
        let path = try reader.value("--path")
        let format = try reader.value("--format") ?? "text"
        let payloadFolder = try reader.value("--payloads")
        let extra = try reader.positionals()
        guard extra.isEmpty else { throw UsageError("unexpected argument '\(extra[0])'") }
        guard format == "text" || format == "json" else { throw UsageError("--format takes text or json, got '\(format)'") }
        guard (apiPath == nil) != (templatePath == nil) else { throw UsageError("check needs --api FILE or --template FILE (one of them)") }
        if templatePath != nil {
            guard let contentType, !contentType.isEmpty else {
                throw UsageError("--template needs --content-type application/x-www-form-urlencoded or application/json")
            }
            guard method == nil, path == nil else { throw UsageError("--method and --path select methods of an --api definition") }
        } else if contentType != nil {
            throw UsageError("--content-type goes with --template; an --api definition names its own")
        }
        if let path, !path.hasPrefix("/") { throw UsageError("--path must start with '/', got '\(path)'") }

        var options = CheckOptions(method: method, path: path)
        if let payloadFolder { options.payloads += try userPayloads(payloadFolder) }

        let report: CheckReport
        if let templatePath {
            let text = try readInput(templatePath, streams: streams, what: "template")
            report = APICheck.check(
                template: text, fileName: templatePath == "-" ? "<stdin>" : templatePath, contentType: contentType ?? "", options: options)
        } else {
            let apiPath = apiPath ?? ""
            let text = try readInput(apiPath, streams: streams, what: "API definition")
            let fileName = apiPath == "-" ? "<stdin>" : apiPath
            do {
                let api = try APIDefinitionLoader.load(text, fileName: fileName, options: DefinitionOptions())
                if api.methods.isEmpty { throw DataError("\(fileName): error: the definition has no methods to check") }
                report = APICheck.check(api, definitionText: text, options: options)
                if report.integrations.isEmpty, method != nil || path != nil {
                    throw UsageError("no method matches\(method.map { " --method \($0)" } ?? "")\(path.map { " --path \($0)" } ?? "")")
                }
            } catch let error as DefinitionError {
                throw DataError("\(error)")
            }
        }
        streams.writeOutput(format == "json" ? CheckOutput.json(report) : CheckOutput.text(report))
        return report.isClean ? .success : .failures
    }

    /// Every file in the folder (sorted by name) as a whole request body.
    private func userPayloads(_ folder: String) throws(InputError) -> [CheckPayload] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw InputError("cannot read payload folder '\(folder)'")
        }
        var payloads: [CheckPayload] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let filePath = (folder as NSString).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: filePath, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            payloads.append(CheckPayload(name: name, text: try readInput(filePath, streams: streams, what: "payload", isBody: true), placement: .body))
        }
        return payloads
    }
}
