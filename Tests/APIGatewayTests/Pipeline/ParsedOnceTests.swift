// A definition's templates are parsed once and reused by every request; these pin that reuse
// changes nothing a request can observe. The expected errors and results are the ones a
// fresh parse per request gives (the behaviour before templates were kept).
@testable import APIGateway
import Testing
import VTL

@Suite("Templates parsed once per definition")
struct ParsedOnceTests {
    static func api(requestTemplate: String, responseTemplate: String = "{\"done\": true}") -> APIDefinition {
        let integration = Integration(
            type: .mock, requestTemplates: [ContentTemplate(contentType: "application/json", template: requestTemplate)],
            responses: [IntegrationResponse(
                statusCode: "200", responseTemplates: [ContentTemplate(contentType: "application/json", template: responseTemplate)])])
        return APIDefinition(fileName: "api", methods: [MethodDefinition(httpMethod: "POST", resourcePath: "/", integration: integration)])
    }

    @Test("a request template that does not parse fails the same way on every request")
    func requestTemplateParseErrorRepeats() {
        let api = Self.api(requestTemplate: "#if(")
        var errors: [PipelineError] = []
        for _ in 0..<3 {
            do {
                _ = try Invocation.run(InvocationRequest(body: "{}"), in: api)
                Issue.record("expected a PipelineError")
            } catch {
                errors.append(error)
            }
        }
        #expect(errors.count == 3)
        #expect(errors.allSatisfy { $0 == errors[0] })
        #expect(errors[0].message == "request template 'application/json' does not parse")
        #expect(errors[0].templateDiagnostic?.contains("request template 'application/json'") == true)
    }

    @Test("the same text as a response template is parsed under its own name")
    func roleNamesStaySeparate() {
        let broken = "#foreach("
        let api = Self.api(requestTemplate: "{\"statusCode\": 200}", responseTemplate: broken)
        for _ in 0..<2 {
            #expect(throws: PipelineError("response template 'application/json' does not parse", location: DefinitionLocation(),
                                          templateDiagnostic: Self.diagnostic(broken, name: "response template 'application/json'"))) {
                try Invocation.run(InvocationRequest(body: "{}"), in: api)
            }
        }
    }

    @Test("a copy whose template text changes renders its own text")
    func changedCopyReparses() throws {
        let api = Self.api(requestTemplate: "{\"statusCode\": 200}", responseTemplate: "first $input.body")
        #expect(try Invocation.run(InvocationRequest(body: "{}"), in: api).methodResponse.body == "first {}")
        var changed = api
        changed.methods[0].integration!.responses[0].responseTemplates[0].template = "second"
        #expect(try Invocation.run(InvocationRequest(body: "{}"), in: changed).methodResponse.body == "second")
        #expect(try Invocation.run(InvocationRequest(body: "{}"), in: api).methodResponse.body == "first {}")
        #expect(changed != api)
    }

    @Test("repeated requests on one definition give equal results")
    func repeatedRequestsAgree() throws {
        let api = Self.api(
            requestTemplate: "#set($context.requestOverride.header.X = 'y'){\"statusCode\": 200}",
            responseTemplate: "$context.requestOverride.header.X $input.json('$')")
        let first = try Invocation.run(InvocationRequest(body: "{\"a\": 1}"), in: api)
        let second = try Invocation.run(InvocationRequest(body: "{\"a\": 1}"), in: api)
        #expect(first == second)
        #expect(first.methodResponse.body == "y {}")
    }

    static func diagnostic(_ source: String, name: String) -> String? {
        do {
            _ = try VTL.Template(source: source, name: name)
            return nil
        } catch {
            return error.diagnostic
        }
    }
}
