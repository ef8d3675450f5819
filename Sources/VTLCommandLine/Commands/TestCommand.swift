import Foundation
import VTL

/// `vtl test DIR...`: runs fixture folders like a test runner.
struct TestCommand {
    let arguments: [String]
    let streams: StandardStreams

    /// What happened to one case.
    enum Outcome {
        case passed
        case failed(String)
        /// Failing as its KNOWN-ISSUE file says.
        case known(String)
        /// Its expectation was rewritten by `--update`.
        case updated
    }

    func run() throws -> ExitCode {
        var reader = ArgumentReader(arguments)
        let velocity = reader.flag("--velocity")
        let update = reader.flag("--update")
        let junitPath = try reader.value("--junit")
        let apiPath = try reader.value("--api")
        let directories = try reader.positionals()
        guard !directories.isEmpty else { throw UsageError("test needs at least one folder") }
        let api = try apiPath.map { path throws(InputError) in
            InvocationCase.DefinitionFile(text: try readInput(path, streams: streams, what: "API definition"), fileName: path)
        }
        var cases: [any TestCase] = []
        for directory in directories {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw InputError("cannot open the folder '\(directory)'")
            }
            do {
                let root = URL(fileURLWithPath: directory)
                cases += try FixtureCase.all(under: root)
                cases += try InvocationCase.all(under: root, api: api)
            } catch {
                streams.writeError("vtl: \(error)\n")
                return .dataError
            }
        }
        let options: RenderOptions = velocity ? .velocity : .apiGateway
        cases.sort { $0.name < $1.name }
        var outcomes: [(any TestCase, Outcome)] = []
        for fixture in cases {
            let outcome = try run(fixture, options: options, update: update)
            outcomes.append((fixture, outcome))
            switch outcome {
            case .passed: break
            case .failed(let failure): streams.writeOutput("FAIL \(fixture.name)\n\(failure.indented)\n")
            case .known(let reason): streams.writeOutput("KNOWN \(fixture.name): \(reason)\n")
            case .updated: streams.writeOutput("UPDATED \(fixture.name)\n")
            }
        }
        if let junitPath {
            let xml = JUnitReport.xml(outcomes.map { ($0.0.name, $0.1) })
            guard FileManager.default.createFile(atPath: junitPath, contents: Data(xml.utf8)) else {
                throw InputError("cannot write the JUnit report '\(junitPath)'")
            }
        }
        let failed = outcomes.filter { if case .failed = $0.1 { true } else { false } }.count
        let known = outcomes.filter { if case .known = $0.1 { true } else { false } }.count
        let skipped = known > 0 ? ", \(known) skipped" : ""
        streams.writeOutput("\(cases.count - failed - known) passed, \(failed) failed\(skipped)\n")
        return failed == 0 ? .success : .failures
    }

    private func run(_ fixture: any TestCase, options: RenderOptions, update: Bool) throws -> Outcome {
        let failure = fixture.failure(options: options)
        switch (failure, fixture.knownIssue) {
        case (nil, nil):
            return .passed
        case (_?, let reason?):
            return .known(reason)
        case (nil, _?):
            return .failed("passes now: delete its KNOWN-ISSUE file")
        case (let failure?, nil):
            guard update, let rendering = fixture as? FixtureCase else { return .failed(failure) }
            try rendering.rewriteExpectation(options: options)
            return .updated
        }
    }
}

/// A case `vtl test` runs: a template rendering or a request through an API definition.
protocol TestCase: Sendable {
    var name: String { get }
    var knownIssue: String? { get }
    func failure(options: RenderOptions) -> String?
}

extension FixtureCase: TestCase {}

extension InvocationCase: TestCase {
    func failure(options: RenderOptions) -> String? { failure() }
}

extension FixtureCase {
    /// `--update`: the expectation becomes what the template renders now (or the start of its error).
    func rewriteExpectation(options: RenderOptions) throws {
        let manager = FileManager.default
        let output = directory.appendingPathComponent("expected.txt")
        let error = directory.appendingPathComponent("expected-error.txt")
        switch render(options: options) {
        case .success(let text):
            try Data(text.utf8).write(to: output, options: .atomic)
            if manager.fileExists(atPath: error.path) { try manager.removeItem(at: error) }
        case .failure(let failure):
            let prefix = "\(failure.templateName):\(failure.line):\(failure.column): error:"
            try Data(prefix.utf8).write(to: error, options: .atomic)
            if manager.fileExists(atPath: output.path) { try manager.removeItem(at: output) }
        }
    }
}

/// JUnit XML, as CI systems read it: one testcase per fixture, failures with their diff.
enum JUnitReport {
    static func xml(_ outcomes: [(name: String, outcome: TestCommand.Outcome)]) -> String {
        let failures = outcomes.filter { if case .failed = $0.outcome { true } else { false } }.count
        let skipped = outcomes.filter { if case .known = $0.outcome { true } else { false } }.count
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites tests=\"\(outcomes.count)\" failures=\"\(failures)\" skipped=\"\(skipped)\">\n"
        xml += "  <testsuite name=\"vtl test\" tests=\"\(outcomes.count)\" failures=\"\(failures)\" skipped=\"\(skipped)\">\n"
        for (name, outcome) in outcomes {
            let folder = name.split(separator: "/").dropLast().joined(separator: "/")
            let caseName = name.split(separator: "/").last.map(String.init) ?? name
            xml += "    <testcase classname=\"\(escape(folder.isEmpty ? "fixtures" : folder))\" name=\"\(escape(caseName))\""
            switch outcome {
            case .passed, .updated:
                xml += "/>\n"
            case .failed(let failure):
                xml += ">\n      <failure message=\"\(escape(failure.split(separator: "\n").first.map(String.init) ?? "failed"))\">"
                xml += escape(failure) + "</failure>\n    </testcase>\n"
            case .known(let reason):
                xml += ">\n      <skipped message=\"\(escape(reason))\"/>\n    </testcase>\n"
            }
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    /// XML text and attribute escaping; characters XML 1.0 cannot carry become U+FFFD.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                result.unicodeScalars.append(scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF ? "\u{FFFD}" : scalar)
            }
        }
        return result
    }
}

extension String {
    fileprivate var indented: String {
        split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
    }
}
