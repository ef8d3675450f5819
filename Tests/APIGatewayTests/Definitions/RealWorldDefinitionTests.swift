// Expected values: read by hand off the seed template and the real-world files listed in
// shared/realworld/manifest.jsonl (not copied into this repository; skipped without them).
import APIGateway
import Testing

@Suite("Real-world API definitions", .enabled(if: DefinitionFiles.shared != nil))
struct RealWorldDefinitionTests {
    @Test("seed-sam-sqs-loads-as-is")
    func seed() throws {
        let api = try DefinitionFiles.shared("seed/template.yaml")
        #expect(api.title == "sample-dev-api-gateway")
        #expect(api.methods.count == 1)
        let post = try api.method("POST /")
        #expect(post.methodResponses == [MethodResponseDefinition(statusCode: "200")])
        let sqs = try #require(post.integration)
        #expect(sqs.type == .aws)
        #expect(sqs.httpMethod == "POST")
        #expect(sqs.uri == "arn:aws:apigateway:us-east-1:sqs:path/123456789012/sample-dev-sqs")
        #expect(sqs.credentials == "arn:aws:iam::123456789012:role/sample-dev-api-gateway-role")
        #expect(sqs.requestParameters == [ParameterMapping(target: "integration.request.header.Content-Type", source: "'application/x-www-form-urlencoded'")])
        #expect(sqs.requestTemplates.map(\.contentType) == ["application/json"])
        #expect(sqs.template("application/json") == "Action=SendMessage&MessageBody=$input.body")
        #expect(sqs.requestTemplates[0].location == DefinitionLocation(fileName: "template.yaml", line: 43, column: 38))
        #expect(sqs.passthroughBehavior == .whenNoTemplates)
        #expect(sqs.responses == [IntegrationResponse(selectionPattern: nil, statusCode: "200")])
    }

    @Test("seed-with-parameters-region-and-account")
    func seedOverrides() throws {
        let options = DefinitionOptions(parameters: ["pEnvironment": "prod"], region: "ap-northeast-1", accountId: "210987654321")
        let sqs = try #require(try DefinitionFiles.shared("seed/template.yaml", options: options).method("POST /").integration)
        #expect(sqs.uri == "arn:aws:apigateway:ap-northeast-1:sqs:path/210987654321/sample-prod-sqs")
        #expect(sqs.credentials == "arn:aws:iam::210987654321:role/sample-prod-api-gateway-role")
    }

    @Test("serverless-resources-section-with-join-uri")
    func serverlessResources() throws {
        let api = try DefinitionFiles.shared("realworld/06-triluong21-API-Gateway-SQS-Integration-serverless.yml")
        let sqs = try #require(try api.method("POST /v1/enqueue").integration)
        #expect(sqs.uri == "arn:aws:apigateway:us-east-1:sqs:path/123456789012/Transaction-Distribution-Queue")
        #expect(sqs.parameterSources["integration.request.querystring.MessageBody"] == "method.request.body")
        #expect(sqs.passthroughBehavior == .never)
    }

    @Test("serverless-variables-in-resources")
    func serverlessVariables() throws {
        let api = try DefinitionFiles.shared("realworld/20-kaunglvlv-api-gateway-dynamodb-proxy-serverless.yml")
        #expect(api.title == "api-gateway-proxy-dynamodb-dev")
        let get = try #require(try api.method("GET /todos/{todoId}").integration)
        #expect(get.uri == "arn:aws:apigateway:us-east-1:dynamodb:action/GetItem")
        #expect(get.template("application/json")?.contains("\"TableName\": \"dev-api-gateway-proxy-dynamodb\"") == true)
    }

    @Test("service-proxy-plugin-is-a-clear-error")
    func serviceProxyPlugin() throws {
        let name = "realworld/14-oieduardorabelo-2021-07-25-serverless-framework-and-api-gateway-with-sqs-integration-serverless.yml"
        #expect(throws: DefinitionError.self) { try DefinitionFiles.shared(name) }
    }

    @Test("openapi-yaml-lowercase-passthrough")
    func snsSample() throws {
        let api = try DefinitionFiles.shared("realworld/16-aws-samples-serverless-patterns-api.yaml")
        let sns = try #require(try api.method("POST /").integration)
        #expect(sns.passthroughBehavior == .whenNoTemplates)
        // Without Fn::Sub, `${AWS::Region}` is plain text (AWS::Include does not substitute it either).
        #expect(sns.uri == "arn:aws:apigateway:${AWS::Region}:sns:path//")
        #expect(try api.method("POST /").requestParameters == ["method.request.header.Content-Type": false])
    }

    @Test("cloudformation-resource-method-dynamodb")
    func dynamoDB() throws {
        let api = try DefinitionFiles.shared("realworld/22-igorlg-sample-api-gateway-dynamodb-template.yaml")
        let get = try #require(try api.method("GET /item/{email}").integration)
        #expect(get.responses.map(\.selectionPattern) == ["200", "400", "5\\d{2}"])
        #expect(get.template("application/json")?.contains("\"TableName\": \"vtl-stack-ddb-table\"") == true)
    }

    @Test("included-swagger-needs-its-parameters")
    func includedSwagger() throws {
        let name = "realworld/24-TanAlex-cfn_templates-swagger.yaml"
        #expect(throws: DefinitionError.self) { try DefinitionFiles.shared(name) }
        let options = DefinitionOptions(parameters: [
            "CorsHeaders": "'Content-Type'", "CorsMethods": "'OPTIONS,POST'", "CorsOrigin": "'*'",
            "Workflow": "arn:aws:states:us-east-1:123456789012:stateMachine:flow",
            "ApiGatewayStepFunctionsRole.Arn": "arn:aws:iam::123456789012:role/sfn",
        ])
        let api = try DefinitionFiles.shared(name, options: options)
        let post = try #require(try api.method("POST /execute").integration)
        #expect(post.credentials == "arn:aws:iam::123456789012:role/sfn")
        #expect(post.responses.map(\.selectionPattern) == [nil, ".*CREATION_FAILED.*"])
        #expect(post.template("application/json")?.contains("\"stateMachineArn\": \"arn:aws:states:us-east-1:123456789012:stateMachine:flow\"") == true)
        #expect(try api.method("OPTIONS /execute").methodResponses.first?.headers.count == 3)
    }

    @Test("sam-swagger-body-and-implicit-event")
    func stepFunctions() throws {
        let api = try DefinitionFiles.shared("realworld/28-mmuppidi-apigateway-stepfunctions-sam-stack.yaml")
        #expect(api.methods.map { "\($0.httpMethod) \($0.resourcePath)" } == ["GET /sfnonly", "GET /lambda2sfn"])
        let sfn = try #require(try api.method("GET /sfnonly").integration)
        #expect(sfn.template("application/json")?.contains("arn:aws:states:us-east-1:123456789012:stateMachine:vtl-stack-StateMachine-") == true)
        #expect(try api.method("GET /lambda2sfn").integration?.type == .awsProxy)
    }

    @Test("kinesis-join-uri-role-path-and-unused-parameters-without-defaults")
    func kinesis() throws {
        let api = try DefinitionFiles.shared("realworld/34-daharon-Gateway-Kinesis-Lambda-Test-cloudformation.yaml")
        let put = try #require(try api.method("PUT /item").integration)
        #expect(put.uri == "arn:aws:apigateway:us-east-1:kinesis:action/PutRecord")
        #expect(put.credentials?.hasPrefix("arn:aws:iam::123456789012:role/test/vtl-stack-ApiRole-") == true)
        #expect(put.template("application/json")?.contains("\"StreamName\": \"vtl-stack-KinesisStream-") == true)
    }

    @Test("swagger-json-importer-fixture")
    func importerFixture() throws {
        let api = try DefinitionFiles.shared("realworld/36-awslabs-aws-apigateway-importer-apigateway.json")
        let get = try api.method("GET /products")
        #expect(get.requestParameters == ["method.request.querystring.latitude": true, "method.request.querystring.longitude": true])
        #expect(get.methodResponses.first?.headers == ["method.response.header.test-method-response-header"])
        #expect(get.integration?.responses.first?.selectionPattern == "2\\d{2}")
    }

    @Test("terraform-template-json-loads-with-placeholders")
    func terraformJSON() throws {
        let api = try DefinitionFiles.shared("realworld/38-Radkowski-lab-apigw-dynamodb-api-gw.tftpl")
        let get = try #require(try api.method("GET /ami-check").integration)
        #expect(get.uri == "${uri_def}")
        #expect(get.contentHandling == "CONVERT_TO_TEXT")
    }
}
