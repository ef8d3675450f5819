// `vtl bench` runs here with one or two iterations: these tests check that each mode works
// and how it refuses bad usage, never how fast anything is.
import Foundation
import Testing

@Suite("vtl bench")
struct BenchCommandTests {
    static let seedAPI = repositoryRoot.appendingPathComponent("Fixtures/examples/sqs-api/template.yaml").path
    static let few = ["--iterations", "2", "--rounds", "1"]

    /// The last line of stdout: the median, a whole number of nanoseconds.
    func median(_ result: CommandResult) -> Int? {
        result.output.split(separator: "\n").last.flatMap { Int($0) }
    }

    @Test("render mode prints the median as the last line")
    func renderMode() {
        let result = runVTL(["bench", "--template", "-", "--body-string", #"{"a": 1}"#] + Self.few, stdin: "$input.json('$.a')")
        #expect(result.exitCode == 0, "\(result.error)")
        #expect(median(result) != nil)
        #expect(result.error.contains("ns/render"))
    }

    @Test("--parse prints ns per parse, as text or JSON")
    func parseMode() throws {
        let text = runVTL(["bench", "--parse", "--template", "-"] + Self.few, stdin: "#set($a = 1)#if($a)x#end")
        #expect(text.exitCode == 0, "\(text.error)")
        #expect(median(text) != nil)
        #expect(text.error.contains("round 1: ") && text.error.contains(" ns/parse"))

        let json = runVTL(["bench", "--parse", "--template", "-", "--format", "json"] + Self.few, stdin: "## hi\nhello")
        #expect(json.exitCode == 0, "\(json.error)")
        #expect(json.output.hasPrefix(#"{"mode":"parse","template":"-","iterations":2,"rounds":1,"minNanoseconds":"#))
        #expect(json.output.contains(#","templateBytes":11,"#))
        #expect(json.error.isEmpty)
    }

    @Test("--parse on a template that does not parse: exit 65 with the place")
    func parseModeBadTemplate() {
        let result = runVTL(["bench", "--parse", "--template", "-"] + Self.few, stdin: "line one\n#if($a == 1)x\n")
        #expect(result.exitCode == 65)
        #expect(result.error.hasPrefix("<stdin>:2:"))
        #expect(result.output.isEmpty)
    }

    @Test("--api runs the seed request through the whole pipeline")
    func invokeMode() {
        let result = runVTL(
            ["bench", "--api", Self.seedAPI, "--method", "POST", "--path", "/", "--body-string", #"{"message": "a&b"}"#,
             "--header", "Content-Type=application/json", "--format", "json"] + Self.few)
        #expect(result.exitCode == 0, "\(result.error)")
        #expect(result.output.hasPrefix(#"{"mode":"invoke","api":"\#(Self.seedAPI)","method":"POST","path":"/","iterations":2,"#))
        #expect(result.output.hasSuffix(#","status":200}"# + "\n"))
    }

    @Test("--api in text mode names the status the timed request ends with")
    func invokeModeRefusal() {
        let result = runVTL(["bench", "--api", Self.seedAPI, "--method", "GET", "--path", "/nowhere"] + Self.few)
        #expect(result.exitCode == 0, "\(result.error)")
        #expect(result.error.hasPrefix("GET /nowhere: status 403\n"))
        #expect(median(result) != nil)
    }

    @Test("--api with a definition that does not load: exit 65")
    func invokeModeBadDefinition() {
        let result = runVTL(["bench", "--api", "-"] + Self.few, stdin: "paths: [")
        #expect(result.exitCode == 65)
        #expect(result.output.isEmpty)
    }

    @Test("an API definition that cannot be read: exit 66")
    func invokeModeMissingFile() {
        let result = runVTL(["bench", "--api", "/nonexistent/api.yaml"] + Self.few)
        #expect(result.exitCode == 66)
    }

    @Test(
        "bad usage: exit 64",
        arguments: [
            ["bench"],
            ["bench", "--parse"],
            ["bench", "--parse", "--api", "api.yaml"],
            ["bench", "--template", "t.vm", "--api", "api.yaml"],
            ["bench", "--parse", "--template", "t.vm", "--body-string", "{}"],
            ["bench", "--parse", "--template", "t.vm", "--velocity"],
            ["bench", "--api", "api.yaml", "--velocity"],
            ["bench", "--api", "api.yaml", "--path-param", "id=1"],
            ["bench", "--api", "api.yaml", "--path", "orders"],
            ["bench", "--api", "api.yaml", "--integration-status", "99"],
            ["bench", "--parse", "--template", "t.vm", "--iterations", "0"],
            ["bench", "--api", "api.yaml", "--format", "xml"],
            ["bench", "--template", "-", "--body", "-"],
        ])
    func badUsage(_ arguments: [String]) {
        let result = runVTL(arguments)
        #expect(result.exitCode == 64, "\(arguments): \(result.error)")
        #expect(result.error.contains("Run 'vtl --help' for usage."))
    }

    @Test("the help names every mode and the invoke flags")
    func help() {
        let result = runVTL(["bench", "--help"])
        #expect(result.exitCode == 0)
        for flag in ["--parse", "--api FILE", "--integration-status", "--path-param", "--iterations", "--format"] {
            #expect(result.output.contains(flag), "\(flag)")
        }
    }
}
