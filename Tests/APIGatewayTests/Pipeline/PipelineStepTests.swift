// Unit checks of single pipeline steps. Sources: MD5 vectors from RFC 1321 §A.5; form decoding
// from the WHATWG application/x-www-form-urlencoded parser; routing and template selection
// from the AWS docs cited in Fixtures/pipeline (aws-reference.md §7).
@testable import APIGateway
import Testing

@Suite("Pipeline steps")
struct PipelineStepTests {
    @Test("MD5 test suite of RFC 1321", arguments: [
        ("", "d41d8cd98f00b204e9800998ecf8427e"), ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"), ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        ("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a"),
    ])
    func md5(input: String, digest: String) {
        #expect(MD5.hex(input) == digest)
    }

    @Test("form bodies decode as SQS's query API reads them")
    func formDecoding() {
        let parameters = SQSFormBody.parameters("Action=SendMessage&MessageBody=a&b=c+d%&&x&e=%C3%BC%2B=")
        #expect(parameters.map(\.name) == ["Action", "MessageBody", "b", "x", "e"])
        #expect(parameters.map(\.value) == ["SendMessage", "a", "c d%", "", "ü+="])
        #expect(parameters[2].note != nil)
        #expect(parameters[3].note != nil)
        #expect(parameters[4].note == nil)
    }

    @Test("SQS's first Action, QueueUrl and MessageBody are those the full parameter list gives", arguments: [
        "Action=SendMessage&MessageBody=a&b=c+d%&&x&e=%C3%BC%2B=",
        "%41ction=Send%4Dessage&Message+Body=no&MessageBody=yes&MessageBody=later",
        "Action&MessageBody=&QueueUrl=https%3A%2F%2Fq",
        "MessageBody={\"a\": \"fish & chips\", \"p\": \"2+1=3\", \"n\": \"100% sure\"}&Action=SendMessage",
        "Action\u{301}=x&Action=y&MessageBody\u{301}=z",
        "Acti\u{212A}n=x&Action==y=&MessageBody=%E2%82%AC+%",
        "&&=&Action=%&" + String(repeating: "A", count: 200) + "=long",
    ])
    func sqsFirstValues(body: String) {
        let names = ["Action", "QueueUrl", "MessageBody"]
        let parameters = SQSFormBody.parameters(body)
        let expected = names.map { name in parameters.first(where: { $0.name == name })?.value }
        #expect(SQSFormBody.firstValues(of: names, in: [body]) == expected)
        // The URL's query is read before the body.
        #expect(SQSFormBody.firstValues(of: names, in: ["QueueUrl=first", body]) == [expected[0], "first", expected[2]])
    }

    @Test("routing prefers literal, then parameter, then greedy; exact method over ANY")
    func routing() {
        let api = APIDefinition(fileName: "api", methods: [
            MethodDefinition(httpMethod: "ANY", resourcePath: "/{proxy+}"),
            MethodDefinition(httpMethod: "GET", resourcePath: "/a/{id}"),
            MethodDefinition(httpMethod: "GET", resourcePath: "/a/b"),
            MethodDefinition(httpMethod: "ANY", resourcePath: "/a/b"),
        ])
        #expect(Routing.route(method: "GET", path: "/a/b", in: api)?.method.httpMethod == "GET")
        #expect(Routing.route(method: "GET", path: "/a/b", in: api)?.method.resourcePath == "/a/b")
        #expect(Routing.route(method: "POST", path: "/a/b", in: api)?.method.httpMethod == "ANY")
        #expect(Routing.route(method: "GET", path: "/a/c", in: api)?.pathParameters == [Parameter("id", "c")])
        #expect(Routing.route(method: "GET", path: "/x/y/z?q=1", in: api)?.pathParameters == [Parameter("proxy", "x/y/z")])
        #expect(Routing.route(method: "GET", path: "/", in: api) == nil)
    }

    @Test("request template selection by media type and passthrough behaviour")
    func templateSelection() {
        let json = ContentTemplate(contentType: "application/json", template: "t")
        func select(_ contentType: String?, _ behaviour: PassthroughBehavior, _ templates: [ContentTemplate]) -> TemplateSelection {
            TemplateSelection.request(
                contentType: contentType,
                integration: Integration(type: .http, requestTemplates: templates, passthroughBehavior: behaviour))
        }
        #expect(select("Application/JSON; charset=utf-8", .never, [json]) == .template(json))
        #expect(select(nil, .never, [json]) == .template(json))
        #expect(select("text/plain", .whenNoMatch, [json]) == .passthrough)
        #expect(select("text/plain", .whenNoTemplates, [json]) == .unsupportedMediaType)
        #expect(select("text/plain", .whenNoTemplates, []) == .passthrough)
        #expect(select("text/plain", .never, []) == .unsupportedMediaType)
    }

    @Test("an HTTP integration built directly, without a loader")
    func directDefinition() throws {
        let integration = Integration(
            type: .http, httpMethod: "GET", uri: "https://example.com/{id}",
            requestParameters: [ParameterMapping(target: "integration.request.path.id", source: "method.request.path.id")],
            responses: [IntegrationResponse(statusCode: "200")])
        let api = APIDefinition(fileName: "api", methods: [MethodDefinition(httpMethod: "GET", resourcePath: "/items/{id}", integration: integration)])
        let result = try Invocation.run(InvocationRequest(httpMethod: "GET", path: "/items/9"), in: api)
        #expect(result.integrationRequest?.url == "https://example.com/9")
        #expect(result.status == 200)
    }
}
