import APIGateway
import Foundation
import JSON
import VTL

/// One fixture folder: a template, an optional request, and what rendering it must give.
public struct FixtureCase: Sendable, CustomStringConvertible {
    /// What the render must produce.
    public enum Expectation: Sendable, Equatable {
        /// Exactly this text (`expected.txt`).
        case output(String)
        /// JSON equal to this, whatever its spacing (`expected.json`).
        case json(String)
        /// A failure whose first line starts with this text (`expected-error.txt`).
        case error(prefix: String)
    }

    /// The folder, relative to the directory the suite was loaded from (`language/set/set-map-key`).
    public let name: String
    /// The case folder on disk.
    public let directory: URL
    /// The text of `template.vm`.
    public let template: String
    /// From `request.json` with `body.json` or `body.txt`; an empty `POST /` when those are absent.
    public let request: MethodRequest
    /// From `expected.txt`, `expected.json` or `expected-error.txt`, the first present.
    public let expectation: Expectation
    /// Why the case does not pass yet (`KNOWN-ISSUE`); such a case is reported, not counted as failing.
    public let knownIssue: String?

    /// The case name, so parameterised tests show it.
    public var description: String { name }

    /// Reads a case folder; throws `FixtureError` when a file is missing or unreadable.
    public init(directory: URL, name: String) throws(FixtureError) {
        self.directory = directory
        self.name = name
        guard let template = try FixtureFile.read(directory, "template.vm") else {
            throw FixtureError("\(name)/template.vm is missing")
        }
        self.template = template
        var body = try FixtureFile.read(directory, "body.json", isBody: true)
        if body == nil { body = try FixtureFile.read(directory, "body.txt", isBody: true) }
        if let requestJSON = try FixtureFile.read(directory, "request.json") {
            do {
                request = try MethodRequest(requestJSON: requestJSON, body: body ?? "")
            } catch {
                throw FixtureError("\(name)/request.json: \(error)")
            }
        } else {
            request = MethodRequest(body: body ?? "")
        }
        knownIssue = try FixtureFile.read(directory, "KNOWN-ISSUE")?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let output = try FixtureFile.read(directory, "expected.txt") {
            expectation = .output(output)
        } else if let json = try FixtureFile.read(directory, "expected.json") {
            expectation = .json(json)
        } else if let prefix = try FixtureFile.read(directory, "expected-error.txt") {
            expectation = .error(prefix: prefix.trimmingCharacters(in: .newlines))
        } else {
            throw FixtureError("\(name): no expected.txt, expected.json or expected-error.txt")
        }
    }

    /// Every folder under `root` that holds a `template.vm`, sorted by name.
    public static func all(under root: URL) throws(FixtureError) -> [FixtureCase] {
        try FixtureFile.caseFolders(under: root, holding: "template.vm").map { folder throws(FixtureError) in
            try FixtureCase(directory: folder.directory, name: folder.name)
        }
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
        case (.json(let expected), .success(let actual)):
            guard let wanted = try? JSONValue.parse(expected) else { return "expected.json is not JSON" }
            guard let got = try? JSONValue.parse(actual), got == wanted else {
                return TextDiff.describe(expected: expected, actual: actual)
            }
            return nil
        case (.output, .failure(let error)), (.json, .failure(let error)):
            return "expected output, but the render failed:\n\(error.diagnostic)"
        case (.error(let prefix), .failure(let error)):
            return error.description.hasPrefix(prefix) ? nil : "expected an error starting with \(prefix)\n  got: \(error.description)"
        case (.error(let prefix), .success(let actual)):
            return "expected an error starting with \(prefix), but the render gave \(TextDiff.quoted(actual))"
        }
    }
}

/// A fixture folder that cannot be read.
public struct FixtureError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, naming the file.
    public var description: String
    init(_ description: String) { self.description = description }
}
