import Foundation
import VTL

/// `vtl test DIR...`: runs fixture folders like a test runner.
struct TestCommand {
    let arguments: [String]
    let streams: StandardStreams

    func run() throws -> ExitCode {
        var reader = ArgumentReader(arguments)
        let velocity = reader.flag("--velocity")
        let directories = try reader.positionals()
        guard !directories.isEmpty else { throw UsageError("test needs at least one folder") }
        var cases: [FixtureCase] = []
        for directory in directories {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw InputError("cannot open the folder '\(directory)'")
            }
            do {
                cases += try FixtureCase.all(under: URL(fileURLWithPath: directory))
            } catch {
                streams.writeError("vtl: \(error)\n")
                return .dataError
            }
        }
        var failed = 0
        var known = 0
        for fixture in cases {
            let failure = fixture.failure(options: velocity ? .velocity : .apiGateway)
            switch (failure, fixture.knownIssue) {
            case (nil, nil):
                continue
            case (let failure?, nil):
                failed += 1
                streams.writeOutput("FAIL \(fixture.name)\n\(failure.indented)\n")
            case (_?, let reason?):
                known += 1
                streams.writeOutput("KNOWN \(fixture.name): \(reason)\n")
            case (nil, _?):
                failed += 1
                streams.writeOutput("FAIL \(fixture.name)\n  passes now: delete its KNOWN-ISSUE file\n")
            }
        }
        let skipped = known > 0 ? ", \(known) skipped" : ""
        streams.writeOutput("\(cases.count - failed - known) passed, \(failed) failed\(skipped)\n")
        return failed == 0 ? .success : .failures
    }
}

extension String {
    fileprivate var indented: String {
        split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }
}
