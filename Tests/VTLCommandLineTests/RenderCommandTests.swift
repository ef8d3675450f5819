import Foundation
import Testing

@Suite struct RenderCommandTests {
    @Test func printsExactlyTheRenderedTextWithNoNewlineAdded() throws {
        let folder = try temporaryFolder(["t.vm": "#set($x = 'a')[$x]", "body.json": "{}"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = runVTL(["render", "--template", folder.appendingPathComponent("t.vm").path])
        #expect(result.exitCode == 0)
        #expect(result.output == "[a]")
        #expect(result.error.isEmpty)
    }

    @Test func rendersTheBundledSQSExampleAsTheOracleDoes() throws {
        let example = repositoryRoot.appendingPathComponent("Fixtures/examples/sqs-send-message")
        let result = runVTL([
            "render", "--template", example.appendingPathComponent("template.vm").path,
            "--body", example.appendingPathComponent("body.json").path,
        ])
        let expected = try String(contentsOf: example.appendingPathComponent("expected.txt"), encoding: .utf8)
        #expect(result.exitCode == 0)
        #expect(result.output == expected)
    }

    @Test func aBodyFileKeepsItsByteOrderMarkAndATemplateFileDoesNot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vtl-bom-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let mark = Data([0xEF, 0xBB, 0xBF])
        try (mark + Data("[$input.body.length()]".utf8)).write(to: folder.appendingPathComponent("t.vm"))
        try (mark + Data("{}".utf8)).write(to: folder.appendingPathComponent("b.json"))
        let result = runVTL([
            "render", "--template", folder.appendingPathComponent("t.vm").path, "--body", folder.appendingPathComponent("b.json").path,
        ])
        #expect(result.output == "[3]")
    }

    @Test func readsTheTemplateFromStdinAndTakesRequestValuesFromFlags() {
        let result = runVTL(
            [
                "render", "--template", "-", "--body-string", #"{"a": [1, 2]}"#, "--header", "X-Trace=t1",
                "--query", "page=2", "--path-param", "id=7", "--stage-var", "env=dev",
            ],
            stdin: "$input.json('$.a') $input.params('id') $input.params('page') $input.params('X-Trace') $stageVariables.env")
        #expect(result.exitCode == 0)
        #expect(result.output == "[1,2] 7 2 t1 dev")
    }

    @Test func aBadTemplateIsReportedWithFileLineColumnAndCaretAndExit65() throws {
        let folder = try temporaryFolder(["bad.vm": "line one\n#if($a == 1)x\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bad.vm").path
        let result = runVTL(["render", "--template", path])
        #expect(result.exitCode == 65)
        #expect(result.output.isEmpty)
        #expect(result.error == "\(path):2:1: error: #if has no matching #end\n#if($a == 1)x\n^\n")
    }

    @Test func velocityModePrintsUndefinedReferencesAsWritten() {
        let aws = runVTL(["render", "--template", "-"], stdin: "[$nope]")
        let velocity = runVTL(["render", "--template", "-", "--velocity"], stdin: "[$nope]")
        #expect(aws.output == "[]")
        #expect(velocity.output == "[$nope]")
    }

    static let badCommandLines: [(arguments: [String], code: Int32)] = [
        (["render"], 64),
        (["render", "--template"], 64),
        (["render", "--template", "t.vm", "--bogus"], 64),
        (["render", "--template", "-", "--body", "-"], 64),
        (["frobnicate"], 64),
        (["render", "--template", "/nonexistent/t.vm"], 66),
        (["test", "/nonexistent/folder"], 66),
    ]

    @Test(arguments: badCommandLines)
    func usageErrorsExit64AndUnreadableInputs66(_ case: (arguments: [String], code: Int32)) {
        let (arguments, code) = `case`
        let result = runVTL(arguments)
        #expect(result.exitCode == code)
        #expect(result.output.isEmpty)
        #expect(!result.error.isEmpty)
    }

    @Test(arguments: [["--help"], ["render", "--help"], ["test", "--help"], ["--version"]])
    func helpAndVersionGoToStdoutAndExit0(arguments: [String]) {
        let result = runVTL(arguments)
        #expect(result.exitCode == 0)
        #expect(result.output.contains("vtl"))
    }
}
