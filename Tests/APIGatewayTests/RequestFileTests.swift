// Expected values: the request file format of Fixtures/README.md (ours, not AWS's).
import APIGateway
import Testing
import VTL

@Suite("request.json")
struct RequestFileTests {
    @Test("all sections, in order")
    func sections() throws {
        let request = try MethodRequest(requestJSON: """
            {"headers": {"B": "2", "A": "1"}, "query": {"q": "x"}, "path": {"id": "7"},
             "stageVariables": {"env": "dev"}, "context": {"httpMethod": "GET", "identity": {"sourceIp": "1.2.3.4"}}}
            """, body: "b")
        #expect(request.headers == [Parameter("B", "2"), Parameter("A", "1")])
        #expect(request.queryString == [Parameter("q", "x")])
        #expect(request.pathParameters == [Parameter("id", "7")])
        #expect(request.stageVariables == [Parameter("env", "dev")])
        #expect(request.httpMethod == "GET")
        #expect(request.context["identity"] == ["sourceIp": "1.2.3.4"])
        #expect(request.body == "b")
    }

    @Test("bad JSON gives its line and column")
    func badJSON() {
        #expect(throws: RequestFileError.self) { try MethodRequest(requestJSON: "{\n  \"headers\": {\"a\"", body: "") }
        do {
            _ = try MethodRequest(requestJSON: "{\n  \"headers\": [", body: "")
        } catch {
            #expect(error.line == 2)
            #expect(error.column > 1)
        }
    }

    @Test("content errors name the key", arguments: [
        (#"{"headers": {"a": 1}}"#, #""headers"."a" must be a string"#),
        (#"{"query": []}"#, #""query" must be a JSON object of strings"#),
        (#"{"context": 3}"#, #""context" must be a JSON object"#),
        (#"{"header": {}}"#, #"unknown key "header"; expected headers, query, path, stageVariables or context"#),
        ("[]", "the request file must hold a JSON object"),
    ])
    func contentErrors(text: String, message: String) {
        #expect(throws: RequestFileError(message: message)) { try MethodRequest(requestJSON: text, body: "") }
    }
}
