import APIGateway
import Foundation
import Testing

/// Finds definition files: the project's own fixtures (always present) and the shared
/// real-world files and seed (present only beside some checkouts).
enum DefinitionFiles {
    /// The repository root, found from this file so tests run from any checkout.
    static let repository: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let shared: URL? = {
        let candidates = [
            repository.deletingLastPathComponent().appendingPathComponent("shared"),
            URL(fileURLWithPath: "/work/shared"),
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("realworld").path) }
    }()

    /// Loads `Fixtures/definitions/NAME`.
    static func fixture(_ name: String, options: DefinitionOptions = DefinitionOptions()) throws -> APIDefinition {
        let url = repository.appendingPathComponent("Fixtures/definitions").appendingPathComponent(name)
        return try APIDefinitionLoader.load(String(contentsOf: url, encoding: .utf8), fileName: name, options: options)
    }

    /// Loads a file under the shared folder, such as `realworld/16-....yaml`.
    static func shared(_ path: String, options: DefinitionOptions = DefinitionOptions()) throws -> APIDefinition {
        let url = try #require(shared).appendingPathComponent(path)
        return try APIDefinitionLoader.load(String(contentsOf: url, encoding: .utf8), fileName: url.lastPathComponent, options: options)
    }
}

extension APIDefinition {
    /// The method for `"POST /orders"`, failing the test when there is none.
    func method(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> MethodDefinition {
        let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
        return try #require(
            methods.first { $0.httpMethod == parts[0] && $0.resourcePath == parts[1] }, "no \(key) in \(methods.map { "\($0.httpMethod) \($0.resourcePath)" })",
            sourceLocation: sourceLocation)
    }
}

extension Integration {
    /// The request parameter mappings as a dictionary, for short assertions.
    var parameterSources: [String: String] {
        Dictionary(requestParameters.map { ($0.target, $0.source) }, uniquingKeysWith: { first, _ in first })
    }

    /// The template for `contentType`.
    func template(_ contentType: String) -> String? {
        requestTemplates.first { $0.contentType == contentType }?.template
    }
}

/// Loads inline text, for tests that need only a few lines.
func loadDefinition(_ text: String, fileName: String = "t.yaml", options: DefinitionOptions = DefinitionOptions()) throws -> APIDefinition {
    try APIDefinitionLoader.load(text, fileName: fileName, options: options)
}

/// The error loading `text` gives, or nil when it loads.
func definitionError(_ text: String, fileName: String = "t.yaml", options: DefinitionOptions = DefinitionOptions()) -> DefinitionError? {
    do {
        _ = try APIDefinitionLoader.load(text, fileName: fileName, options: options)
        return nil
    } catch {
        return error
    }
}
