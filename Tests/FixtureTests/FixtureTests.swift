import Foundation
import Testing
import VTLCommandLine

/// Every folder under Fixtures/ that holds a template.vm renders to its expected output.
/// Each area's SOURCE file says where the expectations came from (the Velocity 1.7 oracle in
/// API Gateway mode, or recorded AWS behaviour, noted per case in NOTE). A case with a KNOWN-ISSUE
/// file is a tracked gap: it must still fail, so fixing it shows up.
@Suite struct FixtureTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static let cases: [FixtureCase] = {
        do {
            return try FixtureCase.all(under: root)
        } catch {
            Issue.record("cannot load fixtures: \(error)")
            return []
        }
    }()

    @Test func fixturesAreFound() {
        #expect(Self.cases.count >= 250)
    }

    @Test(arguments: cases)
    func fixture(_ fixture: FixtureCase) {
        if let reason = fixture.knownIssue {
            withKnownIssue(Comment(rawValue: reason)) {
                if let failure = fixture.failure() { Issue.record(Comment(rawValue: failure)) }
            }
        } else if let failure = fixture.failure() {
            Issue.record(Comment(rawValue: failure))
        }
    }
}

extension FixtureCase: CustomTestStringConvertible {
    public var testDescription: String { name }
}
