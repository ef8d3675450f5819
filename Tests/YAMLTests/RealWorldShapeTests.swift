import Testing
import YAML

/// Small inline documents with the shapes found in real SAM, CloudFormation, OpenAPI
/// and Serverless files, so these run everywhere (the files themselves are read by
/// `RealWorldFileTests` only when present).
@Suite("Real-world shapes")
struct RealWorldShapeTests {
    @Test("sam-definition-body-with-integration-template")
    func samDefinitionBody() throws {
        let text = """
            Resources:
              ApiGateway:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: !Ref pEnvironment
                  DefinitionBody:
                    openapi: "3.0.1"
                    paths:
                      "/":
                        post:
                          x-amazon-apigateway-integration:
                            credentials: !GetAtt ApiGatewayRole.Arn
                            uri: !Sub "arn:aws:apigateway:${AWS::Region}:sqs:path/${AWS::AccountId}/q"
                            requestParameters:
                              integration.request.header.Content-Type: "'application/x-www-form-urlencoded'"
                            requestTemplates:
                              application/json: "Action=SendMessage&MessageBody=$input.body"
                              text/plain: |
                                #set($body = $input.body)
                                Action=SendMessage##
                                &MessageBody=$util.urlEncode($body)
                            responses:
                              default:
                                statusCode: "200"
            """
        let root = try YAML.parse(text, fileName: "template.yaml")
        let integration = try #require(
            root["Resources"]?["ApiGateway"]?["Properties"]?["DefinitionBody"]?["paths"]?["/"]?["post"]?[
                "x-amazon-apigateway-integration"])
        #expect(integration["requestTemplates"]?["application/json"]?.string == "Action=SendMessage&MessageBody=$input.body")
        #expect(integration["requestTemplates"]?["text/plain"]?.string
            == "#set($body = $input.body)\nAction=SendMessage##\n&MessageBody=$util.urlEncode($body)\n")
        #expect(integration["requestParameters"]?["integration.request.header.Content-Type"]?.string
            == "'application/x-www-form-urlencoded'")
        #expect(integration["uri"]?.tag == "!Sub")
        #expect(integration["responses"]?["default"]?["statusCode"]?.scalarValue == .string("200"))
    }

    @Test("cloudformation-method-with-long-form-intrinsics")
    func longFormIntrinsics() throws {
        let text = """
            Integration:
              Credentials:
                Fn::GetAtt: [ Role, Arn ]
              Uri:
                Fn::Sub: arn:aws:apigateway:${AWS::Region}:states:action/StartExecution
              RequestTemplates:
                application/json:
                  Fn::Sub: |-
                    {
                      "input": "$util.escapeJavaScript($input.json('$'))",
                      "stateMachineArn": "${Workflow}"
                    }
              IntegrationResponses:
                - StatusCode: 200
                  SelectionPattern: '2\\d{2}'
                - StatusCode: 400
            """
        #expect(try shape(text) == [
            "Integration": [
                "Credentials": ["Fn::GetAtt": ["Role", "Arn"]],
                "Uri": ["Fn::Sub": "arn:aws:apigateway:${AWS::Region}:states:action/StartExecution"],
                "RequestTemplates": [
                    "application/json": [
                        "Fn::Sub": "{\n  \"input\": \"$util.escapeJavaScript($input.json('$'))\",\n  \"stateMachineArn\": \"${Workflow}\"\n}",
                    ],
                ],
                "IntegrationResponses": [["StatusCode": "200", "SelectionPattern": #"2\d{2}"#], ["StatusCode": "400"]],
            ],
        ])
    }

    @Test("serverless-file-with-variables-and-odd-indentation")
    func serverless() throws {
        let text = """
            service: api
            provider:
              stage: ${opt:stage, 'dev'} # Stage or feature branch
              environment:
                QUEUE_URL: !Ref Queue
            resources:
              extensions:
                ApiGatewayMethodFormPost:
                    Properties:
                      RequestValidatorId: !Ref Validator
              Resources:
                Queue:
                  Type: AWS::SQS::Queue 
            """
        let root = try YAML.parse(text)
        #expect(root["provider"]?["stage"]?.string == "${opt:stage, 'dev'}")
        #expect(root["resources"]?["extensions"]?["ApiGatewayMethodFormPost"]?["Properties"]?["RequestValidatorId"]?.tag == "!Ref")
        #expect(root["resources"]?["Resources"]?["Queue"]?["Type"]?.string == "AWS::SQS::Queue")
    }

    @Test("swagger-with-integer-keys-and-refs")
    func swagger() throws {
        let text = """
            responses:
              200:
                $ref: '#/components/responses/200Empty'
              "403":
                $ref: '#/components/responses/Error'
            """
        let root = try YAML.parse(text)
        #expect(root["responses"]?.keys == ["200", "403"])
        #expect(root["responses"]?["200"]?["$ref"]?.string == "#/components/responses/200Empty")
    }
}
