import Foundation

/// The `vtl` command line as a function, so tests run it in-process.
public enum VTLCommand {
    /// Runs `vtl` with `arguments` (without the program name) and returns the exit code.
    public static func run(arguments: [String], streams: StandardStreams = .process) -> Int32 {
        let code: ExitCode
        do {
            code = try dispatch(arguments, streams: streams)
        } catch let error as UsageError {
            streams.writeError("vtl: \(error.message)\nRun 'vtl --help' for usage.\n")
            code = .usage
        } catch let error as InputError {
            streams.writeError("vtl: \(error.message)\n")
            code = .cannotOpenInput
        } catch let error as DataError {
            streams.writeError("\(error.message)\n")
            code = .dataError
        } catch {
            streams.writeError("vtl: internal error: \(error)\n")
            code = .internalError
        }
        return code.rawValue
    }

    private static func dispatch(_ arguments: [String], streams: StandardStreams) throws -> ExitCode {
        guard let command = arguments.first else {
            streams.writeError(Usage.main)
            return .usage
        }
        let rest = Array(arguments.dropFirst())
        let wantsHelp = rest.contains("--help") || rest.contains("-h")
        switch command {
        case "-h", "--help", "help":
            streams.writeOutput(Usage.main)
            return .success
        case "--version", "version":
            streams.writeOutput(Usage.version + "\n")
            return .success
        case "render":
            if wantsHelp { streams.writeOutput(Usage.render); return .success }
            return try RenderCommand(arguments: rest, streams: streams).run()
        case "test":
            if wantsHelp { streams.writeOutput(Usage.test); return .success }
            return try TestCommand(arguments: rest, streams: streams).run()
        case "invoke":
            if wantsHelp { streams.writeOutput(Usage.invoke); return .success }
            return try InvokeCommand(arguments: rest, streams: streams).run()
        case "check":
            if wantsHelp { streams.writeOutput(Usage.check); return .success }
            return try CheckCommand(arguments: rest, streams: streams).run()
        case "bench":
            if wantsHelp { streams.writeOutput(Usage.bench); return .success }
            return try BenchCommand(arguments: rest, streams: streams).run()
        default:
            throw UsageError("unknown command '\(command)'")
        }
    }
}

/// Reads a named file, or stdin for `-`. A request body keeps a leading byte order mark: API
/// Gateway hands a client's bytes on as they came, so `$input.body` starts with U+FEFF and
/// json-smart reads such a body as a string. Other files drop it, as editors add it.
func readInput(_ path: String, streams: StandardStreams, what: String, isBody: Bool = false) throws(InputError) -> String {
    let data: Data
    if path == "-" {
        data = streams.readInput()
    } else {
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw InputError("cannot read \(what) '\(path)'")
        }
        data = contents
    }
    guard let text = utf8Text(data, keepingByteOrderMark: isBody) else { throw InputError("\(what) '\(path)' is not UTF-8 text") }
    return text
}

/// Foundation's `String(data:encoding:)` drops a leading byte order mark; a body must keep it.
func utf8Text(_ data: Data, keepingByteOrderMark: Bool) -> String? {
    keepingByteOrderMark ? String(validating: data, as: UTF8.self) : String(data: data, encoding: .utf8)
}
