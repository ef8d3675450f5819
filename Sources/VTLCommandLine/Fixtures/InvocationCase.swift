import APIGateway
import Foundation
import JSON

/// A folder that runs one request through a whole API definition: `request.json`, the
/// definition (`api.yaml` or `api.json`, or the one `vtl test --api` names), and
/// `expected.json` — a subset of `vtl invoke --format json` — or `expected-error.txt`.
/// The format is described in `Fixtures/pipeline/README.md`.
public struct InvocationCase: Sendable, CustomStringConvertible {
    /// The folder, relative to the directory the suite was loaded from.
    public let name: String
    /// Where the case's files are.
    public let directory: URL
    /// Why the case does not pass yet (`KNOWN-ISSUE`).
    public let knownIssue: String?
    /// Where `expected.json` says its expectation comes from (`"source"`), if it says.
    public let source: String?
    private let definition: DefinitionFile
    private let request: InvocationRequest
    private let settings: InvocationSettings
    private let templateParameters: [String: String]
    private let expectation: Expectation

    /// An API definition's text and the name messages give it.
    public struct DefinitionFile: Sendable {
        /// The file's text.
        public var text: String
        /// The name used in messages.
        public var fileName: String

        /// A definition read elsewhere, such as the file `vtl test --api` names.
        public init(text: String, fileName: String) {
            self.text = text
            self.fileName = fileName
        }
    }

    private enum Expectation: Sendable {
        case subset(JSONValue)
        case error(prefix: String)
    }

    /// The case name, so parameterised tests show it.
    public var description: String { name }

    /// Reads a case folder; `api` is used when the folder has no definition of its own.
    public init(directory: URL, name: String, api: DefinitionFile?) throws(FixtureError) {
        self.directory = directory
        self.name = name
        knownIssue = try FixtureFile.read(directory, "KNOWN-ISSUE")?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let text = try FixtureFile.read(directory, "api.yaml") {
            definition = DefinitionFile(text: text, fileName: "api.yaml")
        } else if let text = try FixtureFile.read(directory, "api.json") {
            definition = DefinitionFile(text: text, fileName: "api.json")
        } else if let api {
            definition = api
        } else {
            throw FixtureError("\(name): no api.yaml or api.json, and no --api given")
        }
        guard let requestText = try FixtureFile.read(directory, "request.json") else {
            throw FixtureError("\(name): request.json is missing")
        }
        do {
            (request, settings, templateParameters) = try InvocationRequestFile.read(requestText)
        } catch {
            throw FixtureError("\(name)/request.json: \(error.description)")
        }
        if let expected = try FixtureFile.read(directory, "expected.json") {
            guard case .object(var object)? = try? JSONValue.parse(expected) else {
                throw FixtureError("\(name)/expected.json must hold a JSON object")
            }
            if case .string(let text)? = object.removeValue(forKey: "source") { source = text } else { source = nil }
            expectation = .subset(.object(object))
        } else if let prefix = try FixtureFile.read(directory, "expected-error.txt") {
            source = nil
            expectation = .error(prefix: prefix.trimmingCharacters(in: .newlines))
        } else {
            throw FixtureError("\(name): neither expected.json nor expected-error.txt")
        }
    }

    /// Every folder under `root` with a `request.json` and no `template.vm`, sorted by name.
    public static func all(under root: URL, api: DefinitionFile?) throws(FixtureError) -> [InvocationCase] {
        try FixtureFile.caseFolders(under: root, holding: "request.json")
            .filter { !FileManager.default.fileExists(atPath: $0.directory.appendingPathComponent("template.vm").path) }
            .map { folder throws(FixtureError) in try InvocationCase(directory: folder.directory, name: folder.name, api: api) }
    }

    /// Nil when the case passes; otherwise each difference from `expected.json`.
    public func failure() -> String? {
        let result: InvocationResult
        do {
            let options = DefinitionOptions(parameters: templateParameters, region: settings.region, accountId: settings.accountId)
            let api = try APIDefinitionLoader.load(definition.text, fileName: definition.fileName, options: options)
            result = try Invocation.run(request, in: api, settings: settings)
        } catch {
            let message = "\(error)"
            if case .error(let prefix) = expectation, message.hasPrefix(prefix) { return nil }
            return "the invocation failed: \(message)"
        }
        switch expectation {
        case .error(let prefix):
            return "expected an error starting with \(prefix), but the invocation answered \(result.status)"
        case .subset(let expected):
            var differences: [String] = []
            JSONSubset.compare(expected: expected, actual: result.jsonValue, path: "$", into: &differences)
            guard !differences.isEmpty else { return nil }
            var shown = result.jsonValue
            if case .object(var object) = shown {
                object["log"] = nil
                shown = .object(object)
            }
            return differences.joined(separator: "\n") + "\nactual (without the log): \(shown.jsonText)"
        }
    }
}

/// "Every key of the expected object matches", the way invocation expectations are compared.
enum JSONSubset {
    /// Objects match key by key (extra actual keys are fine), arrays element by element, scalars exactly.
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
}

/// `request.json` of an invocation case: the request, the simulated backend and template parameters.
enum InvocationRequestFile {
    struct Failure: Error {
        var description: String
    }

    static func read(_ text: String) throws(Failure) -> (InvocationRequest, InvocationSettings, [String: String]) {
        guard case .object(let spec)? = try? JSONValue.parse(text) else { throw Failure(description: "must hold a JSON object") }
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
            case "parameters":
                templateParameters = Dictionary(try parameters(value, key).map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
            case "region": settings.region = try string(value, key)
            case "accountId": settings.accountId = try string(value, key)
            case "integration":
                guard case .object(let backend) = value else { throw Failure(description: "integration must be an object") }
                if case .integer(let status)? = backend["status"] { settings.backend.status = status }
                if let headers = backend["headers"] { settings.backend.headers = try parameters(headers, "integration.headers") }
                if let body = backend["body"] { settings.backend.body = try string(body, "integration.body") }
            default: throw Failure(description: "unknown key \(key)")
            }
        }
        return (request, settings, templateParameters)
    }

    private static func string(_ value: JSONValue, _ key: String) throws(Failure) -> String {
        guard case .string(let text) = value else { throw Failure(description: "\(key) must be a string") }
        return text
    }

    /// `{"a": "1", "b": ["2", "3"]}`: an array repeats the name (multi-value).
    private static func parameters(_ value: JSONValue, _ key: String) throws(Failure) -> [Parameter] {
        guard case .object(let object) = value else { throw Failure(description: "\(key) must be an object") }
        var result: [Parameter] = []
        for (name, member) in object {
            switch member {
            case .string(let text): result.append(Parameter(name, text))
            case .array(let values):
                for element in values { result.append(Parameter(name, try string(element, "\(key).\(name)"))) }
            default: throw Failure(description: "\(key).\(name) must be a string or an array of strings")
            }
        }
        return result
    }
}
