import Foundation
import Synchronization
import VTLCommandLine

/// Runs `vtl` in-process with captured streams.
struct CommandResult {
    var exitCode: Int32
    var output: String
    var error: String
}

func runVTL(_ arguments: [String], stdin: String = "") -> CommandResult {
    let output = Mutex("")
    let error = Mutex("")
    let streams = StandardStreams(
        readInput: { Data(stdin.utf8) },
        writeOutput: { text in output.withLock { $0 += text } },
        writeError: { text in error.withLock { $0 += text } }
    )
    let code = VTLCommand.run(arguments: arguments, streams: streams)
    return CommandResult(exitCode: code, output: output.withLock { $0 }, error: error.withLock { $0 })
}

/// A scratch folder with the given files, removed by the caller.
func temporaryFolder(_ files: [String: String]) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vtl-cli-\(UUID().uuidString)")
    for (path, contents) in files {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url)
    }
    return folder
}

let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
