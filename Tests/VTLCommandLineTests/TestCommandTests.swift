import Foundation
import Testing

@Suite struct TestCommandTests {
    @Test func passingCasesGiveASummaryAndExit0() throws {
        let folder = try temporaryFolder([
            "a/template.vm": "#set($n = 1 + 1)$n", "a/expected.txt": "2",
            "b/template.vm": "#if(", "b/expected-error.txt": "template.vm:1:",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = runVTL(["test", folder.path])
        #expect(result.exitCode == 0)
        #expect(result.output == "2 passed, 0 failed\n")
    }

    @Test func aBrokenExpectationFailsWithADiffAndExit1() throws {
        let folder = try temporaryFolder([
            "greeting/template.vm": "Hello\n$input.path('$.name')!", "greeting/body.json": #"{"name": "Ann"}"#,
            "greeting/expected.txt": "Hello\nBob!",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = runVTL(["test", folder.path])
        #expect(result.exitCode == 1)
        #expect(result.output.contains("FAIL greeting"))
        #expect(result.output.contains("output differs at line 2"))
        #expect(result.output.contains(#"expected: "Bob!""#))
        #expect(result.output.contains(#"actual:   "Ann!""#))
        #expect(result.output.hasSuffix("0 passed, 1 failed\n"))
    }

    @Test func theProjectsOwnFixturesPassThroughVtlTest() {
        let result = runVTL(["test", repositoryRoot.appendingPathComponent("Fixtures/examples").path])
        #expect(result.exitCode == 0)
        #expect(result.output == "2 passed, 0 failed\n")
    }
}
