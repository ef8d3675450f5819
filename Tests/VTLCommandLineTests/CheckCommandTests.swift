// The seed's shape (a SAM API posting the body to SQS), in our own words: without
// $util.urlEncode a body with '&' reaches SQS cut (form-encoding rules, aws-reference §9).
import Foundation
import Testing

@Suite("vtl check")
struct CheckCommandTests {
    static let sam = """
        AWSTemplateFormatVersion: "2010-09-09"
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Stage:
            Type: String
            Default: test
        Resources:
          Queue:
            Type: AWS::SQS::Queue
          Api:
            Type: AWS::Serverless::Api
            Properties:
              StageName: !Ref Stage
              DefinitionBody:
                openapi: "3.0.1"
                info:
                  title: inbox
                paths:
                  /:
                    post:
                      x-amazon-apigateway-integration:
                        type: aws
                        httpMethod: POST
                        uri: !Sub "arn:aws:apigateway:${AWS::Region}:sqs:path/${AWS::AccountId}/inbox-${Stage}"
                        passthroughBehavior: WHEN_NO_TEMPLATES
                        requestParameters:
                          integration.request.header.Content-Type: "'application/x-www-form-urlencoded'"
                        requestTemplates:
                          application/json: "Action=SendMessage&MessageBody=BODY"
                        responses:
                          default:
                            statusCode: "200"
        """

    func check(_ files: [String: String], _ arguments: (URL) -> [String]) throws -> CommandResult {
        let folder = try temporaryFolder(files)
        defer { try? FileManager.default.removeItem(at: folder) }
        return runVTL(["check"] + arguments(folder))
    }

    @Test("the seed shape exits 1, shows the corrupted body and what SQS stores, and recommends urlEncode")
    func seedShape() throws {
        let result = try check(["template.yaml": Self.sam.replacingOccurrences(of: "BODY", with: "$input.body")]) {
            ["--api", $0.appendingPathComponent("template.yaml").path]
        }
        #expect(result.exitCode == 1, "\(result.error)")
        #expect(result.output.contains("POST / (application/json) -> SQS (query API)"))
        #expect(result.output.contains(#"request body:            "{\"message\": \"fish & chips\"}""#))
        #expect(result.output.contains(#"body sent to backend:    "Action=SendMessage&MessageBody={\"message\": \"fish & chips\"}""#))
        #expect(result.output.contains(#"SQS stores:              "{\"message\": \"fish ""#))
        #expect(result.output.contains("template.yaml:29:69: error: $input.body is inserted into a form-encoded body without $util.urlEncode [form-unencoded-value]"))
        #expect(result.output.contains("fix: write $util.urlEncode($input.body)"))
    }

    @Test("the same file with $util.urlEncode exits 0")
    func seedFixed() throws {
        let result = try check(["template.yaml": Self.sam.replacingOccurrences(of: "BODY", with: "$util.urlEncode($input.body)")]) {
            ["--api", $0.appendingPathComponent("template.yaml").path]
        }
        #expect(result.exitCode == 0, "\(result.output)\(result.error)")
        #expect(result.output.contains("ok: no findings"))
    }

    @Test("--template with --format json lists the rules")
    func templateJSON() throws {
        let result = try check(["t.vm": #"{"note": "$input.path('$.message')"}"#]) {
            ["--template", $0.appendingPathComponent("t.vm").path, "--content-type", "application/json", "--format", "json"]
        }
        #expect(result.exitCode == 1)
        #expect(result.output.hasPrefix(#"{"clean":false,"payloads":40,"rules":["json-unescaped-value","payload-invalid-json","payload-json-altered"]"#))
        #expect(result.output.contains(#""rule":"json-unescaped-value","severity":"error","location":{"file":"#))
    }

    @Test("--payloads adds the files of a folder")
    func userPayloads() throws {
        let result = try check(["t.vm": "Action=SendMessage&MessageBody=$util.urlEncode($input.body)", "p/one.txt": "a&b", "p/two.txt": "c"]) {
            ["--template", $0.appendingPathComponent("t.vm").path, "--content-type", "application/x-www-form-urlencoded",
             "--payloads", $0.appendingPathComponent("p").path]
        }
        #expect(result.exitCode == 0, "\(result.output)")
        #expect(result.output.contains("(42 payloads each)"))
    }

    @Test("usage errors exit 64, unreadable inputs 66, bad definitions 65")
    func exitCodes() throws {
        #expect(runVTL(["check"]).exitCode == 64)
        #expect(runVTL(["check", "--template", "x.vm"]).exitCode == 64)
        #expect(runVTL(["check", "--api", "a.yaml", "--template", "x.vm"]).exitCode == 64)
        #expect(runVTL(["check", "--api", "a.yaml", "--format", "xml"]).exitCode == 64)
        #expect(runVTL(["check", "--api", "/nonexistent/api.yaml"]).exitCode == 66)
        let bad = try check(["api.yaml": "openapi: [unclosed"]) { ["--api", $0.appendingPathComponent("api.yaml").path] }
        #expect(bad.exitCode == 65)
        let help = runVTL(["check", "--help"])
        #expect(help.exitCode == 0)
        #expect(help.output.hasPrefix("Usage: vtl check --api FILE"))
    }
}
