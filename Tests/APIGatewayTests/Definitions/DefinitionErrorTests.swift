// Expected values: our own choice of message; the positions are the offending node's.
import APIGateway
import Foundation
import Testing

@Suite("Definition errors")
struct DefinitionErrorTests {
    private let head = """
        Resources:
          Api:
            Type: AWS::Serverless::Api
            Properties:
              DefinitionBody:
                openapi: 3.0.1
                paths:
                  /:
                    get:
                      x-amazon-apigateway-integration:
                        type: http

        """

    @Test("bad-yaml-keeps-the-reader-position")
    func badYAML() throws {
        let error = try #require(definitionError("a: [1, 2\nb: 3\n", fileName: "bad.yaml"))
        #expect(error.fileName == "bad.yaml")
        #expect(error.line >= 1)
        #expect(error.description.hasPrefix("bad.yaml:\(error.line):\(error.column): error: "))
    }

    @Test("bad-json-keeps-the-reader-position")
    func badJSON() throws {
        let error = try #require(definitionError("{\n  \"openapi\": \"3.0.1\"\n  \"paths\": {}\n}", fileName: "bad.json"))
        #expect(error.fileName == "bad.json")
        #expect(error.line > 1)
    }

    @Test("unknown-ref-points-at-the-ref")
    func unknownRef() throws {
        let error = try #require(definitionError(head + "                uri: !Ref Nowhere\n"))
        #expect((error.line, error.column) == (12, 22))
        #expect(error.message.contains("Nowhere"))
    }

    @Test("parameter-without-value-at-its-use")
    func parameterWithoutValue() throws {
        let error = try #require(definitionError("Parameters:\n  Host: {Type: String}\n" + head + "                uri: !Sub 'https://${Host}/'\n"))
        #expect((error.line, error.column) == (14, 22))
        #expect(error.message.contains("--parameter Host=VALUE"))
    }

    @Test("unsupported-intrinsic")
    func unsupported() throws {
        let error = try #require(definitionError(head + "                uri: !Cidr [a, b, c]\n"))
        #expect((error.line, error.column) == (12, 22))
        #expect(error.message.contains("Fn::Cidr is not supported"))
    }

    @Test("unknown-getatt-resource")
    func unknownResource() throws {
        let error = try #require(definitionError(head + "                credentials: {'Fn::GetAtt': [Role, Arn]}\n"))
        #expect((error.line, error.column) == (12, 30))
    }

    @Test("include-transform-cannot-be-fetched")
    func include() throws {
        let text = """
            Resources:
              Api:
                Type: AWS::Serverless::Api
                Properties:
                  DefinitionBody:
                    Fn::Transform:
                      Name: AWS::Include
                      Parameters:
                        Location: s3://bucket/swagger.yaml
            """
        let error = try #require(definitionError(text))
        #expect((error.line, error.column) == (6, 9))
        #expect(error.message.contains("s3://bucket/swagger.yaml"))
    }

    @Test("unknown-integration-type-and-passthrough")
    func badEnums() throws {
        let typeError = try #require(definitionError(head.replacingOccurrences(of: "type: http", with: "type: lambda")))
        #expect((typeError.line, typeError.column) == (11, 23))
        let passthrough = try #require(definitionError(head + "                passthroughBehavior: sometimes\n"))
        #expect((passthrough.line, passthrough.column) == (12, 38))
    }

    @Test("resource-id-that-is-not-a-resource")
    func badResourceId() throws {
        let text = """
            Resources:
              M:
                Type: AWS::ApiGateway::Method
                Properties:
                  HttpMethod: GET
                  ResourceId: !Ref Queue
              Queue:
                Type: AWS::SQS::Queue
            """
        let error = try #require(definitionError(text))
        #expect((error.line, error.column) == (6, 19))
    }

    @Test("not-an-api-definition")
    func notAnAPI() throws {
        let error = try #require(definitionError("hello: world\n"))
        #expect(error.message.hasPrefix("not an API definition"))
        #expect(DefinitionError(message: "m", fileName: "f").description == "f: error: m")
    }

    /// Ten levels of a value naming the next ten times would be 10^10 copies of "lol":
    /// the substitution stops at its budget, at the value that started it.
    @Test("serverless-variables-that-expand-exponentially-stop")
    func serverlessBillionLaughs() throws {
        let names = (0..<11).map { "v\($0)" }
        var text = "service: bomb\nprovider:\n  name: aws\ncustom:\n"
        for level in 0..<10 {
            text += "  \(names[level]): \"" + String(repeating: "${self:custom.\(names[level + 1])}", count: 10) + "\"\n"
        }
        text += "  v10: lol\nresources:\n  Resources:\n    Api:\n      Type: AWS::ApiGateway::RestApi\n      Properties:\n"
        text += "        Name: \"${self:custom.v0}\"\n"
        let start = Date()
        let error = try #require(definitionError(text, fileName: "serverless.yml"))
        #expect(error.message.contains("expand past 16 MB"), "\(error)")
        #expect(error.line == 21 && error.column == 15, "\(error)")
        #expect(Date().timeIntervalSince(start) < 20)
    }
}
