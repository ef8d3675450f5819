import Foundation
import Testing
import VTLCommandLine

/// Every folder under Fixtures/pipeline/<step>/ runs one request through its API definition and
/// matches its expected.json, which must say where the expectation comes from ("source").
/// Format: Fixtures/pipeline/README.md. `vtl test Fixtures/` runs the same cases.
@Suite("Pipeline fixtures")
struct PipelineFixtureTests {
    static let root = FixtureTests.root.appendingPathComponent("pipeline")

    static let cases: [InvocationCase] = {
        do {
            return try InvocationCase.all(under: root, api: nil)
        } catch {
            Issue.record("cannot load pipeline fixtures: \(error)")
            return []
        }
    }()

    @Test("there are fixtures for every pipeline step")
    func everyStep() {
        let steps = Set(Self.cases.map { $0.name.split(separator: "/")[0] })
        for step in [
            "routing", "method-request", "template-selection", "request-parameters", "request-override",
            "integration-request", "sqs", "integration-response", "method-response",
        ] {
            #expect(steps.contains(Substring(step)), "no fixtures for \(step)")
        }
    }

    @Test("case", arguments: cases)
    func run(_ fixture: InvocationCase) {
        let hasExpectedJSON = FileManager.default.fileExists(atPath: fixture.directory.appendingPathComponent("expected.json").path)
        if hasExpectedJSON {
            #expect(!(fixture.source ?? "").isEmpty, "expected.json must say its \"source\"")
        }
        if let failure = fixture.failure() { Issue.record(Comment(rawValue: failure)) }
    }
}

extension InvocationCase: CustomTestStringConvertible {
    public var testDescription: String { name }
}
