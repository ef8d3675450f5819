// Expected values: form decoding per the WHATWG/HTML form rules SQS follows (aws-reference §9);
// the seed's template shape (shared/seed, written here in our own words).
import APIGateway
import Foundation
import Testing

@Suite("Check sweep")
struct CheckSweepTests {
    static func sqsAPI(_ template: String) -> String {
        """
        openapi: "3.0.1"
        info: {title: queue}
        paths:
          /messages:
            post:
              responses: {"200": {description: ok}}
              x-amazon-apigateway-integration:
                type: aws
                httpMethod: POST
                uri: "arn:aws:apigateway:eu-west-1:sqs:path/111122223333/inbox"
                requestParameters:
                  integration.request.header.Content-Type: "'application/x-www-form-urlencoded'"
                requestTemplates:
                  application/json: "\(template)"
                responses: {default: {statusCode: "200"}}
        """
    }

    @Test("an unencoded body shows what SQS stores, and the lint finding points into the file")
    func unencoded() throws {
        let text = Self.sqsAPI("Action=SendMessage&MessageBody=$input.body")
        let report = APICheck.check(try APIDefinitionLoader.load(text, fileName: "api.yaml"), definitionText: text)
        let lint = try #require(report.findings.first { $0.rule == .formUnencodedValue })
        #expect(lint.location.description == "api.yaml:14:61")
        #expect(lint.fix == "write $util.urlEncode($input.body)")
        let sweep = try #require(report.findings.first { $0.rule == .payloadFormAltered })
        let evidence = try #require(sweep.evidence)
        #expect(evidence.payload == "ampersand")
        #expect(evidence.requestBody == #"{"message": "fish & chips"}"#)
        #expect(evidence.received == #"{"message": "fish "#)
        #expect(sweep.fix.hasSuffix("write $util.urlEncode($input.body)"))
    }

    @Test("the encoded body is clean, and a sweep of the corpus stays fast")
    func encodedAndFast() throws {
        let text = Self.sqsAPI("Action=SendMessage&MessageBody=$util.urlEncode($input.body)")
        let api = try APIDefinitionLoader.load(text, fileName: "api.yaml")
        let clock = ContinuousClock()
        var report: CheckReport?
        let elapsed = clock.measure { report = APICheck.check(api, definitionText: text) }
        #expect(report?.isClean == true, "\(report?.findings.map(\.message) ?? [])")
        #expect(report?.payloadCount == PayloadCorpus.builtIn.count)
        // Debug builds on CI's 2 cores: 40 payloads through one integration is well under a second.
        #expect(elapsed < .seconds(1))
    }

    @Test("user payloads join the sweep and --method/--path select methods")
    func options() throws {
        let text = Self.sqsAPI("Action=SendMessage&MessageBody=$util.urlEncode($input.body)")
        let api = try APIDefinitionLoader.load(text, fileName: "api.yaml")
        let mine = CheckPayload(name: "mine.json", text: "a&b", placement: .body)
        let report = APICheck.check(api, definitionText: text, options: CheckOptions(payloads: [mine], method: "post", path: "/messages"))
        #expect(report.isClean)
        #expect(report.payloadCount == 1)
        let none = APICheck.check(api, definitionText: text, options: CheckOptions(method: "GET"))
        #expect(none.integrations.isEmpty)
    }
}
