// Walks Fixtures/check/<rule-or-target>/<case>/: api.yaml, or mapping.vm with content-type,
// and expected.json with the exact rule ids `vtl check` must report (empty for clean cases) and
// a "source" naming where the expectation comes from. Format: Fixtures/check/README.md.
import APIGateway
import Foundation
import JSON
import Testing

@Suite("Check fixtures")
struct CheckFixtureTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/check")

    /// `group/case` for every case folder, sorted, so each shows up by name.
    static let cases: [String] = {
        let manager = FileManager.default
        var found: [String] = []
        for group in (try? manager.contentsOfDirectory(atPath: root.path)) ?? [] {
            let groupURL = root.appendingPathComponent(group)
            for name in (try? manager.contentsOfDirectory(atPath: groupURL.path)) ?? [] {
                if manager.fileExists(atPath: groupURL.appendingPathComponent(name).appendingPathComponent("expected.json").path) {
                    found.append("\(group)/\(name)")
                }
            }
        }
        return found.sorted()
    }()

    static func expectedRules(_ name: String) throws -> [String] {
        let text = try String(contentsOf: root.appendingPathComponent(name).appendingPathComponent("expected.json"), encoding: .utf8)
        guard case .object(let object) = try JSONValue.parse(text), case .array(let rules)? = object["rules"] else { return [] }
        return rules.compactMap { if case .string(let rule) = $0 { rule } else { nil } }.sorted()
    }

    static func check(_ name: String) throws -> CheckReport {
        let folder = root.appendingPathComponent(name)
        let apiURL = folder.appendingPathComponent("api.yaml")
        if FileManager.default.fileExists(atPath: apiURL.path) {
            let text = try String(contentsOf: apiURL, encoding: .utf8)
            let api = try APIDefinitionLoader.load(text, fileName: "api.yaml")
            return APICheck.check(api, definitionText: text)
        }
        let template = try String(contentsOf: folder.appendingPathComponent("mapping.vm"), encoding: .utf8)
        let contentType = try String(contentsOf: folder.appendingPathComponent("content-type"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return APICheck.check(template: template, fileName: "mapping.vm", contentType: contentType)
    }

    @Test("case", arguments: cases)
    func run(_ name: String) throws {
        let report = try Self.check(name)
        let expected = try Self.expectedRules(name)
        #expect(report.ruleIDs == expected, "\(report.findings.map { "\($0.rule.rawValue) \($0.location): \($0.message)" })")
    }

    @Test("every rule and every target kind has a case that reports it and a case that stays quiet")
    func coverage() throws {
        var reported: Set<String> = []
        var quietGroups: Set<String> = []
        for name in Self.cases {
            let rules = try Self.expectedRules(name)
            reported.formUnion(rules)
            if rules.isEmpty { quietGroups.insert(String(name.split(separator: "/")[0])) }
        }
        for rule in CheckRule.allCases {
            #expect(reported.contains(rule.rawValue), "no fixture reports \(rule.rawValue)")
        }
        for target in ["sqs-query", "sns-publish", "dynamodb", "step-functions", "eventbridge", "kinesis", "lambda", "http-json"] {
            #expect(quietGroups.contains(target), "no clean fixture for \(target)")
        }
    }
}
