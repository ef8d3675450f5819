import APIGateway
import Foundation
import VTL

/// One fixture folder: a template, an optional request, and what rendering it must give.
public struct FixtureCase: Sendable, CustomStringConvertible {
    /// What the render must produce.
    public enum Expectation: Sendable, Equatable {
        /// Exactly this text (`expected.txt`).
        case output(String)
        /// A failure whose first line starts with this text (`expected-error.txt`).
        case error(prefix: String)
    }

    /// The folder, relative to the directory the suite was loaded from (`language/set/set-map-key`).
    public let name: String
    public let directory: URL
    public let template: String
    public let request: MethodRequest
    public let expectation: Expectation
    /// Why the case does not pass yet (`KNOWN-ISSUE`); such a case is reported, not counted as failing.
    public let knownIssue: String?

    public var description: String { name }

    /// Reads a case folder; throws `FixtureError` when a file is missing or unreadable.
    public init(directory: URL, name: String) throws(FixtureError) {
        self.directory = directory
        self.name = name
        template = try FixtureCase.read(directory, "template.vm")
        var body = try FixtureCase.readIfPresent(directory, "body.json")
        if body == nil { body = try FixtureCase.readIfPresent(directory, "body.txt") }
        if let requestJSON = try FixtureCase.readIfPresent(directory, "request.json") {
            do {
                request = try MethodRequest(requestJSON: requestJSON, body: body ?? "")
            } catch {
                throw FixtureError("\(name)/request.json: \(error)")
            }
        } else {
            request = MethodRequest(body: body ?? "")
        }
        knownIssue = try FixtureCase.readIfPresent(directory, "KNOWN-ISSUE")?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let output = try FixtureCase.readIfPresent(directory, "expected.txt") {
            expectation = .output(output)
        } else if let prefix = try FixtureCase.readIfPresent(directory, "expected-error.txt") {
            expectation = .error(prefix: prefix.trimmingCharacters(in: .newlines))
        } else {
            throw FixtureError("\(name): neither expected.txt nor expected-error.txt")
        }
    }

    /// Every folder under `root` that holds a `template.vm`, sorted by name.
    public static func all(under root: URL) throws(FixtureError) -> [FixtureCase] {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw FixtureError("cannot read the folder \(root.path)")
        }
        var cases: [FixtureCase] = []
        let rootPath = root.standardizedFileURL.path
        for case let url as URL in enumerator where url.lastPathComponent == "template.vm" {
            let directory = url.deletingLastPathComponent().standardizedFileURL
            var name = String(directory.path.dropFirst(rootPath.count))
            while name.hasPrefix("/") { name.removeFirst() }
            cases.append(try FixtureCase(directory: directory, name: name.isEmpty ? directory.lastPathComponent : name))
        }
        return cases.sorted { $0.name < $1.name }
    }

    /// Renders the case as API Gateway would (`options` lets a caller pick stock Velocity).
    public func render(options: RenderOptions = .apiGateway) -> Result<String, VTLError> {
        do {
            let parsed = try Template(source: template, name: "template.vm")
            return .success(try parsed.render(MappingTemplateVariables.context(for: request), options: options))
        } catch {
            return .failure(error)
        }
    }

    /// Nil when the case passes; otherwise what went wrong, with a diff for output mismatches.
    public func failure(options: RenderOptions = .apiGateway) -> String? {
        switch (expectation, render(options: options)) {
        case (.output(let expected), .success(let actual)):
            return expected == actual ? nil : TextDiff.describe(expected: expected, actual: actual)
        case (.output, .failure(let error)):
            return "expected output, but the render failed:\n\(error.diagnostic)"
        case (.error(let prefix), .failure(let error)):
            return error.description.hasPrefix(prefix) ? nil : "expected an error starting with \(prefix)\n  got: \(error.description)"
        case (.error(let prefix), .success(let actual)):
            return "expected an error starting with \(prefix), but the render gave \(TextDiff.quoted(actual))"
        }
    }

    private static func read(_ directory: URL, _ file: String) throws(FixtureError) -> String {
        guard let text = try readIfPresent(directory, file) else {
            throw FixtureError("\(directory.path)/\(file) is missing")
        }
        return text
    }

    private static func readIfPresent(_ directory: URL, _ file: String) throws(FixtureError) -> String? {
        let url = directory.appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FixtureError("cannot read \(url.path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FixtureError("\(url.path) is not UTF-8")
        }
        return text
    }
}

/// A fixture folder that cannot be read.
public struct FixtureError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
