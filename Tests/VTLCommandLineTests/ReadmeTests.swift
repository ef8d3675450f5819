import APIGateway
import Foundation
import Testing
import VTL

/// Every command the README shows works as written.
@Suite struct ReadmeTests {
    struct ShownCommand: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var expectedExit: Int32
        var testDescription: String { "vtl " + arguments.joined(separator: " ") }
    }

    /// `swift run vtl ...` lines in the README's sh blocks; `# exits N` states a non-zero exit.
    static let commands: [ShownCommand] = {
        let readme = (try? String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
        var commands: [ShownCommand] = []
        var inShellBlock = false
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inShellBlock = line == "```sh"
                continue
            }
            guard inShellBlock, line.hasPrefix("swift run vtl ") else { continue }
            var text = String(line.dropFirst("swift run vtl ".count))
            var expectedExit: Int32 = 0
            if let comment = text.range(of: " # exits ") {
                expectedExit = Int32(text[comment.upperBound...].trimmingCharacters(in: .whitespaces)) ?? -1
                text = String(text[..<comment.lowerBound])
            }
            let arguments = text.split(separator: " ").map { word in
                word.hasPrefix("Fixtures/") ? repositoryRoot.appendingPathComponent(String(word)).path : String(word)
            }
            commands.append(ShownCommand(arguments: arguments, expectedExit: expectedExit))
        }
        return commands
    }()

    @Test func theReadmeShowsCommandsAndStartsWithTheTwoANewcomerNeeds() throws {
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let opening = readme.split(separator: "\n").prefix(6).joined(separator: "\n")
        #expect(opening.contains("swift run vtl render --template Fixtures/examples/"))
        #expect(opening.contains("swift test"))
        #expect(Self.commands.count >= 8)
    }

    @Test(arguments: commands)
    func commandRunsAsWritten(_ command: ShownCommand) {
        let result = runVTL(command.arguments)
        #expect(result.exitCode == command.expectedExit, "stderr: \(result.error)")
        #expect(!result.output.isEmpty)
    }

    @Test func theLibraryExampleGivesTheOutputItShows() throws {
        let template = try Template(source: "Action=SendMessage&MessageBody=$util.urlEncode($input.body)", name: "sqs.vm")
        let request = MethodRequest(body: #"{"text": "a&b"}"#, headers: [Parameter("Content-Type", "application/json")])
        let body = try template.render(MappingTemplateVariables.context(for: request))
        #expect(body == "Action=SendMessage&MessageBody=%7B%22text%22%3A+%22a%26b%22%7D")
    }

    @Test func theErrorExampleIsWhatABadTemplatePrints() throws {
        let error = #expect(throws: VTLError.self) {
            try Template(source: "line one\n#if($input.path('$.ok') == true)\n", name: "t.vm")
        }
        #expect(error?.diagnostic == "t.vm:2:1: error: #if has no matching #end\n#if($input.path('$.ok') == true)\n^")
    }
}

/// The README's emulator example, as written there, answering a request.
@Suite struct ReadmeEmulatorExampleTests {
    let file = repositoryRoot.appendingPathComponent("Fixtures/examples/sqs-api-fixed/template.yaml").path

    func answer(api: APIDefinition, method: String, path: String, headers: [Parameter], body: String) throws -> MethodResponse {
        let request = InvocationRequest(httpMethod: method, path: path, headers: headers, body: body)
        let result = try Invocation.run(request, in: api)
        return result.methodResponse
    }

    @Test func answersAPostAsTheDeployedApiWould() throws {
        let api = try APIDefinitionLoader.load(String(contentsOfFile: file, encoding: .utf8), fileName: file)
        let response = try answer(
            api: api, method: "POST", path: "/", headers: [Parameter("Content-Type", "application/json")], body: #"{"a": "b&c"}"#)
        #expect(response.status == 200)
        #expect(response.body.contains("SendMessageResponse"))
    }

    @Test func aRequestApiGatewayRefusesIsAResponseNotAnError() throws {
        let api = try APIDefinitionLoader.load(String(contentsOfFile: file, encoding: .utf8), fileName: file)
        let response = try answer(api: api, method: "GET", path: "/nowhere", headers: [], body: "")
        #expect(response.status == 403)
    }
}
