// The seed case (shared/seed/template.yaml, the blog's SAM API -> SQS) as the command prints it.
// Expected values: MD5 330ddb35... is recorded on AWS in the seed blog's receive-message output;
// the altered message follows the form-encoding rules (aws-reference.md §9).
import Foundation
import Testing

@Suite("vtl invoke")
struct InvokeCommandTests {
    static let api = """
        openapi: "3.0.1"
        info:
          title: orders
        paths:
          /:
            post:
              responses:
                "200":
                  description: ok
              x-amazon-apigateway-integration:
                type: aws
                httpMethod: POST
                uri: "arn:aws:apigateway:us-east-1:sqs:path/123456789012/sample-dev-sqs"
                passthroughBehavior: WHEN_NO_TEMPLATES
                requestParameters:
                  integration.request.header.Content-Type: "'application/x-www-form-urlencoded'"
                requestTemplates:
                  application/json: "Action=SendMessage&MessageBody=BODY"
                responses:
                  default:
                    statusCode: "200"
        """

    func invoke(template body: String, _ arguments: [String], stdin: String = "") throws -> CommandResult {
        let folder = try temporaryFolder(["api.yaml": Self.api.replacingOccurrences(of: "BODY", with: body)])
        defer { try? FileManager.default.removeItem(at: folder) }
        return runVTL(["invoke", "--api", folder.appendingPathComponent("api.yaml").path] + arguments, stdin: stdin)
    }

    @Test("a body with & + % reaches SQS altered, and the text log says so")
    func alteredMessage() throws {
        let result = try invoke(template: "$input.body", ["--method", "POST", "--path", "/", "--body-string", "a&b=c+d%",
                                                           "--header", "Content-Type=application/json"])
        #expect(result.exitCode == 0, "\(result.error)")
        #expect(result.output.contains("Endpoint request URI: https://sqs.us-east-1.amazonaws.com/123456789012/sample-dev-sqs\n"))
        #expect(result.output.contains("Content-Type=application/x-www-form-urlencoded}"))
        #expect(result.output.contains("Endpoint request body after transformations: Action=SendMessage&MessageBody=a&b=c+d%\n"))
        #expect(result.output.contains("  Stored MessageBody: \"a\"\n"))
        #expect(result.output.contains("  MD5OfMessageBody: 0cc175b9c0f1b6a831c399e269772661\n"))
        #expect(result.output.contains("  Matches the request body: NO"))
        #expect(result.output.hasSuffix("\nStatus: 200\n"))
    }

    @Test("with $util.urlEncode the message is byte-identical (JSON output)")
    func encodedMessage() throws {
        let result = try invoke(template: "$util.urlEncode($input.body)", ["--method", "POST", "--path", "/", "--body", "-", "--format", "json"], stdin: "a&b=c+d%")
        #expect(result.exitCode == 0, "\(result.error)")
        #expect(result.output.hasPrefix(#"{"status":200,"integrationRequest":{"method":"POST","url":"https://sqs.us-east-1.amazonaws.com/123456789012/sample-dev-sqs","#))
        #expect(result.output.contains(#""body":"Action=SendMessage&MessageBody=a%26b%3Dc%2Bd%25"}"#))
        #expect(result.output.contains(#""messageBody":"a&b=c+d%","md5OfMessageBody":"1df2a226ef29d27705354529d29495a0","matchesRequestBody":true"#))
    }

    @Test("the seed blog's message: MD5 as recorded on AWS")
    func blogMessage() throws {
        let body = #"{"message": "sample-api-gatewa-sqs-lambda-test"}"#
        let result = try invoke(template: "$input.body", ["--method", "POST", "--path", "/", "--body-string", body, "--format", "json"])
        #expect(result.output.contains(#""md5OfMessageBody":"330ddb359d72714775069d3e05f4714e","matchesRequestBody":true"#))
    }

    @Test("API Gateway's refusals are results: 415 and 403 exit 0")
    func refusals() throws {
        let unsupported = try invoke(template: "$input.body", ["--method", "POST", "--path", "/", "--header", "Content-Type=text/plain", "--format", "json"])
        #expect(unsupported.exitCode == 0)
        #expect(unsupported.output.hasPrefix(#"{"status":415,"integrationRequest":null,"#))
        #expect(unsupported.output.contains(#""body":"{\"message\": \"Unsupported Media Type\"}""#))
        let missing = try invoke(template: "$input.body", ["--method", "GET", "--path", "/nowhere"])
        #expect(missing.exitCode == 0)
        #expect(missing.output.hasSuffix("Status: 403\n"))
    }

    @Test("a request template that does not parse: exit 65 with the place")
    func badTemplate() throws {
        let result = try invoke(template: "#if(", ["--method", "POST", "--path", "/"])
        #expect(result.exitCode == 65)
        #expect(result.error.contains("error: request template 'application/json' does not parse"))
    }

    @Test("bad definition file: exit 65 with file:line:column")
    func badDefinition() throws {
        let folder = try temporaryFolder(["api.yaml": "openapi: \"3.0.1\"\npaths: [\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = runVTL(["invoke", "--api", folder.appendingPathComponent("api.yaml").path, "--method", "GET", "--path", "/"])
        #expect(result.exitCode == 65)
        #expect(result.error.contains("api.yaml:"))
    }

    @Test("usage and unreadable input")
    func usage() {
        #expect(runVTL(["invoke"]).exitCode == 64)
        #expect(runVTL(["invoke", "--api", "x", "--format", "xml"]).exitCode == 64)
        #expect(runVTL(["invoke", "--api", "/nonexistent/api.yaml"]).exitCode == 66)
        let help = runVTL(["invoke", "--help"])
        #expect(help.exitCode == 0 && help.output.hasPrefix("Usage: vtl invoke"))
    }
}
