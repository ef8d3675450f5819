#if canImport(FoundationXML)
import FoundationXML
#endif
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

@Suite struct TestCommandReportTests {
    @Test func junitReportListsEveryCaseWithFailuresAndIsWellFormed() throws {
        let folder = try temporaryFolder([
            "ok/template.vm": "a", "ok/expected.txt": "a",
            "bad/template.vm": "<$input.path('$.x')>", "bad/body.json": #"{"x": "&"}"#, "bad/expected.txt": "<y>",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("report.xml")
        let result = runVTL(["test", folder.path, "--junit", report.path])
        #expect(result.exitCode == 1)
        let xml = try String(contentsOf: report, encoding: .utf8)
        #expect(xml.contains(#"<testsuites tests="2" failures="1" skipped="0">"#))
        #expect(xml.contains(#"<testcase classname="fixtures" name="ok"/>"#))
        #expect(xml.contains("actual:   &quot;&lt;&amp;&gt;&quot;"))
        let document = try XMLDocument(data: Data(xml.utf8))
        #expect(try document.nodes(forXPath: "//testcase").count == 2)
    }

    @Test func updateRewritesFailingExpectationsAndThenTheyPass() throws {
        let folder = try temporaryFolder([
            "a/template.vm": "#set($n = 6 * 7)$n", "a/expected.txt": "41",
            "b/template.vm": "#if(true)", "b/expected.txt": "nothing",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let updated = runVTL(["test", folder.path, "--update"])
        #expect(updated.output.contains("UPDATED a"))
        #expect(updated.output.contains("UPDATED b"))
        #expect(try String(contentsOf: folder.appendingPathComponent("a/expected.txt"), encoding: .utf8) == "42")
        #expect(try String(contentsOf: folder.appendingPathComponent("b/expected-error.txt"), encoding: .utf8) == "template.vm:1:1: error:")
        #expect(runVTL(["test", folder.path]).output == "2 passed, 0 failed\n")
    }
}

@Suite struct TestCommandInvocationTests {
    @Test func invocationCasesRunAgainstTheApiGivenWithDashDashApi() throws {
        let folder = try temporaryFolder([
            "stored/request.json": #"{"method": "POST", "path": "/", "headers": {"Content-Type": "application/json"}, "body": "{\"a\": \"b&c\"}"}"#,
            "stored/expected.json": #"{"status": 200, "sqs": {"matchesRequestBody": true}}"#,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixed = repositoryRoot.appendingPathComponent("Fixtures/examples/sqs-api-fixed/template.yaml").path
        let broken = repositoryRoot.appendingPathComponent("Fixtures/examples/sqs-api/template.yaml").path
        #expect(runVTL(["test", "--api", fixed, folder.path]).output == "1 passed, 0 failed\n")
        let failing = runVTL(["test", "--api", broken, folder.path])
        #expect(failing.exitCode == 1)
        #expect(failing.output.contains("$.sqs.matchesRequestBody: expected true, got false"))
    }

    @Test func theWholeFixturesFolderPassesThroughVtlTest() {
        let result = runVTL(["test", repositoryRoot.appendingPathComponent("Fixtures").path])
        #expect(result.exitCode == 0, "\(result.output.split(separator: "\n").filter { $0.hasPrefix("FAIL") })")
        let knownIssues = FileManager.default.enumerator(atPath: repositoryRoot.appendingPathComponent("Fixtures").path)?
            .compactMap { $0 as? String }.filter { $0.hasSuffix("KNOWN-ISSUE") }.count ?? 0
        #expect(result.output.split(separator: "\n").last?.hasSuffix(" 0 failed, \(knownIssues) skipped") == true)
    }
}
