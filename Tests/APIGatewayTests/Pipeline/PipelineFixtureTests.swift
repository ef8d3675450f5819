// Walks Fixtures/pipeline/<step>/<case>/: api.json or api.yaml, request.json, and expected.json
// (a subset of the invocation's JSON, with a "source" naming where the expectation comes from)
// or expected-error.txt (the start of the definition error). Format: Fixtures/pipeline/README.md.
import APIGateway
import Foundation
import JSON
import Testing

@Suite("Pipeline fixtures")
struct PipelineFixtureTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/pipeline")

    /// `step/case` for every case folder, sorted, so each shows up by name.
    static let cases: [String] = {
        let manager = FileManager.default
        var found: [String] = []
        for step in (try? manager.contentsOfDirectory(atPath: root.path)) ?? [] {
            let stepURL = root.appendingPathComponent(step)
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: stepURL.path, isDirectory: &isFolder), isFolder.boolValue else { continue }
            for name in (try? manager.contentsOfDirectory(atPath: stepURL.path)) ?? [] {
                if manager.fileExists(atPath: stepURL.appendingPathComponent(name).appendingPathComponent("request.json").path) {
                    found.append("\(step)/\(name)")
                }
            }
        }
        return found.sorted()
    }()

    @Test("there are fixtures for every pipeline step")
    func everyStep() {
        let steps = Set(Self.cases.map { $0.split(separator: "/")[0] })
        for step in ["routing", "method-request", "template-selection", "request-parameters", "request-override",
                     "integration-request", "sqs", "integration-response", "method-response"] {
            #expect(steps.contains(Substring(step)), "no fixtures for \(step)")
        }
    }

    @Test("case", arguments: cases)
    func run(_ name: String) throws {
        let folder = Self.root.appendingPathComponent(name)
        let (api, request, settings) = try Self.load(folder)
        let expectedError = try? String(contentsOf: folder.appendingPathComponent("expected-error.txt"), encoding: .utf8)
        let result: InvocationResult
        do {
            result = try Invocation.run(request, in: api, settings: settings)
        } catch {
            let expected = try #require(expectedError, "unexpected definition error: \(error)")
            #expect(error.description.hasPrefix(expected.trimmingCharacters(in: .newlines)), "\(error)")
            return
        }
        #expect(expectedError == nil, "expected an error, got status \(result.status)")
        guard expectedError == nil else { return }
        let expectedText = try String(contentsOf: folder.appendingPathComponent("expected.json"), encoding: .utf8)
        guard case .object(var expected) = try JSONValue.parse(expectedText) else {
            Issue.record("expected.json must hold an object")
            return
        }
        guard case .string(let source)? = expected.removeValue(forKey: "source"), !source.isEmpty else {
            Issue.record("expected.json must say its \"source\"")
            return
        }
        var differences: [String] = []
        Self.compare(expected: .object(expected), actual: result.jsonValue, path: "$", into: &differences)
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))\nactual: \(result.jsonValue.jsonText)")
    }

    /// Every key of an expected object must match (objects inside arrays too); scalars match exactly.
    static func compare(expected: JSONValue, actual: JSONValue, path: String, into differences: inout [String]) {
        if case .object(let wanted) = expected, case .object(let got) = actual {
            for (key, value) in wanted {
                guard let member = got[key] else {
                    differences.append("\(path).\(key): missing")
                    continue
                }
                compare(expected: value, actual: member, path: "\(path).\(key)", into: &differences)
            }
        } else if case .array(let wanted) = expected, case .array(let got) = actual, wanted.count == got.count {
            for (index, pair) in zip(wanted, got).enumerated() {
                compare(expected: pair.0, actual: pair.1, path: "\(path)[\(index)]", into: &differences)
            }
        } else if expected != actual {
            differences.append("\(path): expected \(expected.jsonText), got \(actual.jsonText)")
        }
    }

    static func load(_ folder: URL) throws -> (APIDefinition, InvocationRequest, InvocationSettings) {
        let manager = FileManager.default
        let apiName = manager.fileExists(atPath: folder.appendingPathComponent("api.yaml").path) ? "api.yaml" : "api.json"
        let apiText = try String(contentsOf: folder.appendingPathComponent(apiName), encoding: .utf8)
        let requestText = try String(contentsOf: folder.appendingPathComponent("request.json"), encoding: .utf8)
        guard case .object(let spec) = try JSONValue.parse(requestText) else { throw PipelineFixtureError("request.json must hold an object") }

        var request = InvocationRequest()
        var settings = InvocationSettings()
        var templateParameters: [String: String] = [:]
        for (key, value) in spec {
            switch key {
            case "method": request.httpMethod = try string(value, key)
            case "path": request.path = try string(value, key)
            case "body": request.body = try string(value, key)
            case "headers": request.headers = try parameters(value, key)
            case "query": request.queryString = try parameters(value, key)
            case "stageVariables": request.stageVariables = try parameters(value, key)
            case "parameters": templateParameters = Dictionary(try parameters(value, key).map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
            case "region": settings.region = try string(value, key)
            case "accountId": settings.accountId = try string(value, key)
            case "integration":
                guard case .object(let backend) = value else { throw PipelineFixtureError("integration must be an object") }
                if case .integer(let status)? = backend["status"] { settings.backend.status = status }
                if let headers = backend["headers"] { settings.backend.headers = try parameters(headers, "integration.headers") }
                if let body = backend["body"] { settings.backend.body = try string(body, "integration.body") }
            default: throw PipelineFixtureError("unknown key \(key) in request.json")
            }
        }
        let options = DefinitionOptions(parameters: templateParameters, region: settings.region, accountId: settings.accountId)
        let api = try APIDefinitionLoader.load(apiText, fileName: apiName, options: options)
        return (api, request, settings)
    }

    private static func string(_ value: JSONValue, _ key: String) throws -> String {
        guard case .string(let text) = value else { throw PipelineFixtureError("\(key) must be a string") }
        return text
    }

    /// `{"a": "1", "b": ["2", "3"]}`: an array repeats the name (multi-value).
    private static func parameters(_ value: JSONValue, _ key: String) throws -> [Parameter] {
        guard case .object(let object) = value else { throw PipelineFixtureError("\(key) must be an object") }
        var result: [Parameter] = []
        for (name, member) in object {
            switch member {
            case .string(let text): result.append(Parameter(name, text))
            case .array(let values):
                for element in values { result.append(Parameter(name, try string(element, "\(key).\(name)"))) }
            default: throw PipelineFixtureError("\(key).\(name) must be a string or an array of strings")
            }
        }
        return result
    }
}

struct PipelineFixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
