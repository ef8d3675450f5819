import Foundation
import Testing
import YAML

/// Loads the API definitions collected in the project's shared folder (SAM, plain
/// CloudFormation, OpenAPI, Swagger JSON, Serverless Framework) and checks facts read off
/// each file by hand. The files are not copied into this repository; without them these
/// tests are skipped, and `RealWorldShapeTests` covers the same shapes inline.
@Suite("Real-world API definitions", .enabled(if: RealWorldFiles.folder != nil))
struct RealWorldFileTests {
    @Test("every-yaml-and-json-file-loads", arguments: RealWorldFiles.all)
    func loads(fileName: String) throws {
        let root = try RealWorldFiles.load(fileName)
        #expect(root.mapping?.isEmpty == false)
    }

    @Test("sam-seed-template")
    func seedTemplate() throws {
        let root = try RealWorldFiles.load("../seed/template.yaml")
        let integration = try #require(
            root["Resources"]?["ApiGateway"]?["Properties"]?["DefinitionBody"]?["paths"]?["/"]?["post"]?[
                "x-amazon-apigateway-integration"])
        #expect(integration["requestTemplates"]?["application/json"]?.string == "Action=SendMessage&MessageBody=$input.body")
        #expect(integration["credentials"]?.tag == "!GetAtt")
        #expect(integration["credentials"]?.string == "ApiGatewayRole.Arn")
        #expect(integration["uri"]?.tag == "!Sub")
        #expect(integration["uri"]?.string
            == "arn:aws:apigateway:${AWS::Region}:sqs:path/${AWS::AccountId}/${pServiceName}-${pEnvironment}-sqs")
        #expect(integration["requestParameters"]?["integration.request.header.Content-Type"]?.string
            == "'application/x-www-form-urlencoded'")
        #expect(root["Resources"]?["ApiQueue"]?["Properties"]?["SqsManagedSseEnabled"]?.scalarValue == .bool(true))
    }

    @Test("serverless-sqs-with-quoted-quotes-and-join")
    func serverlessSQS() throws {
        let root = try RealWorldFiles.load("06-triluong21-API-Gateway-SQS-Integration-serverless.yml")
        let integration = try #require(root["resources"]?["Resources"]?["IntakeAPIPostMethod"]?["Properties"]?["Integration"])
        #expect(integration["RequestParameters"]?["integration.request.querystring.QueueUrl"]?.string
            == "'http://yourqueueurl.aws'")
        #expect(integration["RequestTemplates"]?["application/json"]?.string == "Action=SendMessage&MessageBody=$input.body")
        let uri = try #require(integration["Uri"])
        #expect(uri.tag == "!Join")
        #expect(uri[1]?.sequence?.map { $0.string } == ["arn:aws:apigateway:", "AWS::Region", ":sqs:path/", "AWS::AccountId", "/", "Transaction-Distribution-Queue"])
        #expect(uri[1]?[1]?.tag == "!Ref")
        // The file ends without a newline, right after "- prod".
        #expect(root["resources"]?["Outputs"]?["ApiEndpoint"]?["Value"]?[1]?[5]?.string == "prod")
    }

    @Test("serverless-service-proxy-strip-chomped-template")
    func serviceProxy() throws {
        let root = try RealWorldFiles.load(
            "14-oieduardorabelo-2021-07-25-serverless-framework-and-api-gateway-with-sqs-integration-serverless.yml")
        let sqs = try #require(root["custom"]?["apiGatewayServiceProxies"]?[0]?["sqs"])
        #expect(sqs["request"]?["template"]?["application/json"]?.string == """
            #set ($body = $util.parseJson($input.body))
            Action=SendMessage##
            &MessageAttribute.1.Name=$util.urlEncode("requestId")##
            &MessageAttribute.1.Value.DataType=String##
            &MessageAttribute.1.Value.StringValue=$util.urlEncode($context.requestId)##
            &MessageBody=$util.urlEncode($input.body)
            """)
        #expect(sqs["response"]?["template"]?["success"]?.string
            == #"{ "ok": true, "message": "Message accepted", "requestId": "$context.requestId" }"#)
    }

    @Test("openapi-template-in-a-double-quoted-line")
    func openAPIQuoted() throws {
        let root = try RealWorldFiles.load("16-aws-samples-serverless-patterns-api.yaml")
        let template = root["paths"]?["/"]?["post"]?["x-amazon-apigateway-integration"]?["requestTemplates"]?["application/json"]
        #expect(template?.string?.hasPrefix("#set($inputRoot = $input.path('$'))\nAction=Publish&PhoneNumber=") == true)
        #expect(template?.string?.hasSuffix("'StringValue': 'Transactional'}") == true)
    }

    @Test("serverless-dynamodb-literal-template-keeps-a-whitespace-line")
    func dynamoDBLiteral() throws {
        let root = try RealWorldFiles.load("20-kaunglvlv-api-gateway-dynamodb-proxy-serverless.yml")
        let resources = try #require(root["resources"]?["Resources"])
        #expect(resources["GatewayResponse400"]?["Properties"]?["ResponseTemplates"]?["application/json"]?.string
            == "{\n  \"message\": \"$context.error.validationErrorString\"\n}\n")
        let getAll = try #require(resources["TodoGetAll"]?["Properties"]?["Integration"]?["RequestTemplates"]?["application/json"]?.string)
        // Line 256 of the file holds 16 spaces inside a block indented by 14: two are content.
        #expect(getAll.contains("  },\n  \n  #if($nextEncoded && $nextEncoded.length() > 0)\n"))
        #expect(resources["TodoItemUpdate"]?["Properties"]?["Integration"]?["IntegrationResponses"]?[1]?["SelectionPattern"]?.string
            == #"4\d{2}"#)
    }

    @Test("sam-dynamodb-sub-with-literal-and-yes-stays-text")
    func samDynamoDB() throws {
        let root = try RealWorldFiles.load("22-igorlg-sample-api-gateway-dynamodb-template.yaml")
        #expect(root["Parameters"]?["LoadSampleData"]?["Default"]?.scalarValue == .string("Yes"))
        #expect(root["AWSTemplateFormatVersion"]?.scalarValue == .string("2010-09-09"))
        let request = try #require(
            root["Resources"]?["ApiGatewayResourceItemEmailGET"]?["Properties"]?["Integration"]?["RequestTemplates"]?["application/json"])
        #expect(request.tag == "!Sub")
        #expect(request.string == """
            {
              "TableName": "${DDBTable}",
              "Key": {
                "Email": { "S": "$method.request.path.email" }
              }
            }

            """)
        let condition = try #require(root["Conditions"]?["ShouldLoadSampleData"])
        #expect(Shape(condition) == .tagged("!Equals", [.tagged("!Ref", "LoadSampleData"), "Yes"]))
    }

    @Test("openapi-with-fn-sub-long-form")
    func openAPILongForm() throws {
        let root = try RealWorldFiles.load("24-TanAlex-cfn_templates-swagger.yaml")
        let post = try #require(root["paths"]?["/execute"]?["post"]?["x-amazon-apigateway-integration"])
        #expect(post["requestTemplates"]?["application/json"]?["Fn::Sub"]?.string == """
            {
              "input": "$util.escapeJavaScript($input.json('$'))",
              "name": "$context.requestId",
              "stateMachineArn": "${Workflow}"
            }
            """)
        #expect(post["responses"]?["default"]?["statusCode"]?.scalarValue == .int(200))
        #expect(root["paths"]?["/execute"]?["post"]?["responses"]?.keys == ["200", "403"])
        #expect(root["x-amazon-apigateway-request-validators"]?.keys
            == ["Validate body", "params", "Validate body, query string parameters, and headers"])
    }

    @Test("sam-step-functions-tag-on-its-own-line")
    func stepFunctions() throws {
        let root = try RealWorldFiles.load("28-mmuppidi-apigateway-stepfunctions-sam-stack.yaml")
        let body = try #require(root["Resources"]?["PublicApi"]?["Properties"]?["DefinitionBody"])
        #expect(body["swagger"]?.string == "2.0")
        let template = body["paths"]?["/sfnonly"]?["get"]?["x-amazon-apigateway-integration"]?["requestTemplates"]?["application/json"]
        #expect(template?.tag == "!Sub")
        #expect(template?.string == """
            {
              "input": "$util.escapeJavaScript($input.json('$'))",
              "stateMachineArn": "${StateMachine}"
            }
            """)
        let definition = try #require(root["Resources"]?["StateMachine"]?["Properties"]?["DefinitionString"])
        #expect(definition.tag == "!Sub")
        #expect(Shape(try #require(definition[1])) == ["lambdaArn": .tagged("!GetAtt", ["HelloWorldLambda", "Arn"])])
    }

    @Test("cloudformation-kinesis-sub-literal")
    func kinesis() throws {
        let root = try RealWorldFiles.load("34-daharon-Gateway-Kinesis-Lambda-Test-cloudformation.yaml")
        let integration = try #require(root["Resources"]?["ItemPutMethod"]?["Properties"]?["Integration"])
        #expect(integration["RequestTemplates"]?["application/json"]?.string == """
            #set($partitionKey = $context.requestId)
            {
                "StreamName": "${KinesisStream}",
                "Data": "$util.base64Encode($input.body)",
                "PartitionKey": "$partitionKey"
            }

            """)
        #expect(integration["IntegrationResponses"]?[2]?["SelectionPattern"]?.string == #"5\d{2}"#)
        #expect(root["Resources"]?["SharedLambdaSecurityGroup"]?["Properties"]?["SecurityGroupEgress"]?[0]?["IpProtocol"]?.scalarValue
            == .int(-1))
    }

    @Test("swagger-json")
    func swaggerJSON() throws {
        let root = try RealWorldFiles.load("36-awslabs-aws-apigateway-importer-apigateway.json")
        #expect(root["swagger"]?.string == "2.0")
        #expect(root["paths"]?["/products"]?["get"]?["parameters"]?[0]?["required"]?.scalarValue == .bool(true))
        #expect(root["paths"]?["/products"]?["get"]?["description"]?.string?.hasPrefix(
            "The Products endpoint returns information about the *Uber* products\noffered") == true)
    }
}

/// Where the shared real-world files are, found relative to this source file so the
/// tests work from any checkout that has `shared/` beside the repository.
enum RealWorldFiles {
    static let folder: URL? = {
        let here = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        let repository = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [
            repository.deletingLastPathComponent().appendingPathComponent("shared/realworld"),
            URL(fileURLWithPath: "/work/shared/realworld"),
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }()

    /// The YAML and JSON files (Terraform files are not YAML).
    static let all: [String] = {
        guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { [".yaml", ".yml", ".json"].contains(where: $0.hasSuffix) }.sorted()
    }()

    static func load(_ name: String) throws -> YAMLNode {
        let url = try #require(folder).appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        return try YAML.parse(text, fileName: url.lastPathComponent)
    }
}
