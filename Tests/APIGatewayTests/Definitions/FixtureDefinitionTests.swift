// Expected values: read off our own fixtures in Fixtures/definitions/ by hand; the field
// meanings follow the AWS pages "x-amazon-apigateway-integration object" and
// "AWS::ApiGateway::Method Integration" (CloudFormation reference).
import APIGateway
import Testing

@Suite("Definition fixtures")
struct FixtureDefinitionTests {
    @Test("openapi3-json-sqs-dynamodb-proxy-mock")
    func openAPI3() throws {
        let api = try DefinitionFiles.fixture("openapi3-orders.json")
        #expect(api.title == "Orders (OpenAPI 3, JSON)")
        #expect(api.methods.map { "\($0.httpMethod) \($0.resourcePath)" }
            == ["POST /orders", "GET /orders/{orderId}", "ANY /{proxy+}", "OPTIONS /{proxy+}"])

        let post = try api.method("POST /orders")
        #expect(post.requestParameters == ["method.request.header.X-Tenant": true])
        #expect(post.methodResponses == [MethodResponseDefinition(statusCode: "202", headers: ["method.response.header.X-Queued"])])
        let sqs = try #require(post.integration)
        #expect(sqs.type == .aws)
        #expect(sqs.httpMethod == "POST")
        #expect(sqs.uri == "arn:aws:apigateway:eu-west-1:sqs:path/111122223333/orders-queue")
        #expect(sqs.credentials == "arn:aws:iam::111122223333:role/orders-api-sqs")
        #expect(sqs.requestParameters == [ParameterMapping(target: "integration.request.header.Content-Type", source: "'application/x-www-form-urlencoded'")])
        #expect(sqs.template("application/json") == "Action=SendMessage&MessageBody=$util.urlEncode($input.body)")
        #expect(sqs.passthroughBehavior == .never)
        #expect(sqs.timeoutInMillis == 5000)
        #expect(sqs.responses == [
            IntegrationResponse(
                selectionPattern: "2\\d{2}", statusCode: "202",
                responseParameters: [ParameterMapping(target: "method.response.header.X-Queued", source: "'yes'")],
                responseTemplates: [ContentTemplate(contentType: "application/json", template: "{\"queued\": true}",
                                                    location: sqs.responses[0].responseTemplates[0].location)]),
            IntegrationResponse(selectionPattern: nil, statusCode: "500"),
        ])

        let get = try api.method("GET /orders/{orderId}")
        #expect(get.requestParameters == ["method.request.path.orderId": true, "method.request.querystring.fields": false])
        #expect(get.integration?.uri == "arn:aws:apigateway:eu-west-1:dynamodb:action/GetItem")
        #expect(get.integration?.passthroughBehavior == .whenNoMatch)

        let proxy = try api.method("ANY /{proxy+}")
        #expect(proxy.integration?.type == .httpProxy)
        #expect(proxy.integration?.uri == "https://legacy.example.com/{proxy}")
        #expect(proxy.integration?.parameterSources == ["integration.request.path.proxy": "method.request.path.proxy"])

        let mock = try api.method("OPTIONS /{proxy+}")
        #expect(mock.integration?.type == .mock)
        #expect(mock.integration?.responses.map(\.statusCode) == ["204"])
    }

    @Test("swagger2-yaml-mock-http-dynamodb")
    func swagger2() throws {
        let api = try DefinitionFiles.fixture("swagger2-notes.yaml")
        #expect(api.title == "Notes (Swagger 2, YAML)")
        #expect(api.methods.map { "\($0.httpMethod) \($0.resourcePath)" } == ["GET /health", "PUT /notes/{noteId}", "DELETE /notes/{noteId}"])

        let health = try #require(try api.method("GET /health").integration)
        #expect(health.type == .mock)
        #expect(health.template("application/json") == "{\"statusCode\": 200}")
        #expect(health.responses.first?.statusCode == "200")
        #expect(health.responses.first?.responseTemplates.first?.template == "{\"status\": \"ok\", \"at\": \"$context.requestTime\"}\n")
        // A `|` block's text starts on the line after the indicator.
        #expect(health.responses.first?.responseTemplates.first?.location == DefinitionLocation(fileName: "swagger2-notes.yaml", line: 22, column: 17))

        let put = try api.method("PUT /notes/{noteId}")
        #expect(put.requestParameters == ["method.request.path.noteId": true, "method.request.querystring.version": false])
        #expect(put.methodResponses == [MethodResponseDefinition(statusCode: "200", headers: ["method.response.header.ETag"])])
        let http = try #require(put.integration)
        #expect(http.type == .http)
        #expect(http.httpMethod == "PUT")
        #expect(http.parameterSources == [
            "integration.request.path.id": "method.request.path.noteId",
            "integration.request.querystring.v": "method.request.querystring.version",
        ])
        #expect(http.passthroughBehavior == .whenNoMatch)
        #expect(http.contentHandling == "CONVERT_TO_TEXT")
        #expect(http.responses.map(\.selectionPattern) == ["2\\d{2}", nil])
        #expect(http.responses.map(\.statusCode) == ["200", "502"])

        let delete = try #require(try api.method("DELETE /notes/{noteId}").integration)
        #expect(delete.passthroughBehavior == .whenNoTemplates)
        #expect(delete.template("application/json") == "{\"TableName\": \"notes\", \"Key\": {\"noteId\": {\"S\": \"$input.params('noteId')\"}}}")
    }

    @Test("sam-inline-body-with-intrinsics")
    func sam() throws {
        let api = try DefinitionFiles.fixture("sam-feedback.yaml")
        #expect(api.title == "support-feedback-test")
        #expect(api.methods.map { "\($0.httpMethod) \($0.resourcePath)" } == ["POST /feedback", "GET /status/{id}"])
        let sqs = try #require(try api.method("POST /feedback").integration)
        #expect(sqs.uri == "arn:aws:apigateway:us-east-1:sqs:path/123456789012/support-feedback-test")
        // An unnamed role gets CloudFormation's generated name, under the role's Path.
        let role = try #require(sqs.credentials)
        #expect(role.hasPrefix("arn:aws:iam::123456789012:role/service-role/vtl-stack-FeedbackRole-"))
        #expect(role.split(separator: "-").last?.count == 12)
        #expect(sqs.parameterSources == [
            "integration.request.header.Content-Type": "'application/x-www-form-urlencoded'",
            "integration.request.header.X-Retention": "'3600'",
            "integration.request.header.X-Zone": "'b'",
            "integration.request.header.X-Parts": "'z'",
        ])
        #expect(sqs.template("application/json") == """
            #set($queue = "arn:aws:sqs:us-east-1:123456789012:support-feedback-test")
            Action=SendMessage&MessageBody=$util.urlEncode($input.body)&QueueUrl=$util.urlEncode("https://sqs.us-east-1.amazonaws.com/123456789012/support-feedback-test")

            """)
        #expect(sqs.template("text/plain") == "Action=SendMessage&MessageBody=$input.body")
        #expect(sqs.passthroughBehavior == .whenNoTemplates)
        #expect(sqs.responses.first?.responseTemplates.first?.template
            == "{\"accepted\": true, \"stack\": \"vtl-stack\", \"literal\": \"${NotSubstituted}\"}")

        let implicit = try api.method("GET /status/{id}")
        #expect(implicit.integration?.type == .awsProxy)
        #expect(implicit.integration?.httpMethod == "POST")
        #expect(implicit.integration?.uri?.hasPrefix(
            "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:vtl-stack-StatusFunction-") == true)
        #expect(implicit.integration?.uri?.hasSuffix("/invocations") == true)
        #expect(implicit.requestParameters == ["method.request.querystring.verbose": false, "method.request.header.X-Trace": true])
    }

    @Test("sam-parameters-and-region-override")
    func samOptions() throws {
        let options = DefinitionOptions(parameters: ["Stage": "live", "Team": "sales"], region: "eu-central-1", accountId: "999988887777")
        let sqs = try #require(try DefinitionFiles.fixture("sam-feedback.yaml", options: options).method("POST /feedback").integration)
        #expect(sqs.uri == "arn:aws:apigateway:eu-central-1:sqs:path/999988887777/sales-feedback-live")
        #expect(sqs.parameterSources["integration.request.header.X-Retention"] == "'1209600'")
        #expect(sqs.parameterSources["integration.request.header.X-Live"] == "'yes'")
        #expect(sqs.template("text/plain") == "Action=SendMessage&MessageBody=$input.body")
    }

    @Test("cloudformation-resources-and-methods")
    func cloudFormation() throws {
        let api = try DefinitionFiles.fixture("cloudformation-inventory.yaml")
        #expect(api.title == "inventory-api")
        #expect(api.methods.map { "\($0.httpMethod) \($0.resourcePath)" } == ["POST /items", "GET /items/{sku}", "PUT /items/{sku}", "ANY /"])

        let restock = try api.method("POST /items")
        let sqs = try #require(restock.integration)
        #expect(sqs.type == .aws)
        #expect(sqs.uri?.hasPrefix("arn:aws:apigateway:us-east-1:sqs:path/123456789012/vtl-stack-RestockQueue-") == true)
        #expect(sqs.credentials == "arn:aws:iam::123456789012:role/inventory-api-role")
        #expect(sqs.passthroughBehavior == .never)
        #expect(sqs.responses.map(\.selectionPattern) == [nil, "4\\d{2}"])
        #expect(restock.methodResponses == [
            MethodResponseDefinition(statusCode: "200", headers: ["method.response.header.X-Request-Id"]),
            MethodResponseDefinition(statusCode: "400"),
        ])

        let get = try api.method("GET /items/{sku}")
        #expect(get.requestParameters == ["method.request.path.sku": true, "method.request.querystring.consistent": false])
        #expect(get.integration?.uri == "arn:aws:apigateway:us-east-1:dynamodb:action/GetItem")
        #expect(get.integration?.template("application/json") == """
            {
              "TableName": "inventory",
              "Key": {"sku": {"S": "$input.params('sku')"}}
            }

            """)
        #expect(get.integration?.responses.first?.selectionPattern == nil)

        let put = try #require(try api.method("PUT /items/{sku}").integration)
        #expect(put.type == .http)
        #expect(put.timeoutInMillis == 3000)
        #expect(put.parameterSources == ["integration.request.path.sku": "method.request.path.sku"])

        let ping = try #require(try api.method("ANY /").integration)
        #expect(ping.type == .mock)
        #expect(ping.responses.first?.responseTemplates.first?.template == "{\"pong\": true}")
    }
}
