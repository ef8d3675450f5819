import APIGateway
import Foundation
import Testing

/// A definition saved with Windows (`\r\n`) or classic Mac (`\r`) line breaks puts its templates
/// on the same lines and columns as the `\n` original: `vtl check` points into the file with them.
@Suite("Definitions with other line breaks")
struct LineBreakTests {
    /// Every template of every method and integration response, with where its text starts.
    private func templateLocations(_ api: APIDefinition) -> [String] {
        api.methods.flatMap { method -> [String] in
            guard let integration = method.integration else { return [] }
            let templates = integration.requestTemplates + integration.responses.flatMap(\.responseTemplates)
            return templates.map { "\(method.httpMethod) \(method.resourcePath) \($0.contentType) \($0.location.line):\($0.location.column)" }
        }
    }

    @Test(arguments: ["sam-feedback.yaml", "swagger2-notes.yaml", "cloudformation-inventory.yaml"], ["\r\n", "\r"])
    func templatesStartWhereTheyDoWithUnixLineBreaks(fixture: String, lineBreak: String) throws {
        let original = try DefinitionFiles.fixture(fixture)
        let url = DefinitionFiles.repository.appendingPathComponent("Fixtures/definitions").appendingPathComponent(fixture)
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\n", with: lineBreak)
        let converted = try APIDefinitionLoader.load(text, fileName: fixture)
        let locations = templateLocations(original)
        #expect(!locations.isEmpty)
        #expect(templateLocations(converted) == locations)
    }

    /// `vtl check` maps an error inside a template to the file: the same line and column
    /// whatever the line breaks. The `&` at 64:79 (`urlEncode($input.body&...`) is a syntax error.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func checkFindingsPointAtTheSameSpot(lineBreak: String) throws {
        let url = DefinitionFiles.repository.appendingPathComponent("Fixtures/definitions/sam-feedback.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "$util.urlEncode($input.body)&QueueUrl", with: "$util.urlEncode($input.body&QueueUrl")
            .replacingOccurrences(of: "\n", with: lineBreak)
        let report = APICheck.check(try APIDefinitionLoader.load(text, fileName: "sam-feedback.yaml"), definitionText: text)
        let syntax = report.integrations.flatMap(\.findings).filter { $0.rule == .templateSyntax }
        #expect(syntax.map { "\($0.location.line):\($0.location.column)" } == ["64:79"])
    }

    @Test func aBlockScalarTemplateStartsOnTheLineAfterItsIndicator() throws {
        let text = "openapi: 3.0.1\r\ninfo: {title: t, version: '1'}\r\npaths:\r\n  /:\r\n    post:\r\n"
            + "      x-amazon-apigateway-integration:\r\n        type: mock\r\n        requestTemplates:\r\n"
            + "          application/json: |\r\n\r\n            {\"a\": $input.json('$')}\r\n"
        let integration = try #require(try loadDefinition(text).methods.first?.integration)
        #expect(integration.requestTemplates.first?.location.line == 11)
        #expect(integration.requestTemplates.first?.location.column == 13)
    }
}
