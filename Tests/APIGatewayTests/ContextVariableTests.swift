// Expected values: keys and their order as recorded on AWS (shared/research/aws-reference.md
// section 4, LocalStack test_sqs_amz_json_protocol); writes to overrides as recorded there.
import APIGateway
import Testing
import VTL

@Suite("$context and $stageVariables")
struct ContextVariableTests {
    @Test("keySet() in the order recorded on AWS")
    func keyOrder() throws {
        #expect(try render("$context.keySet()") == "[resourceId, resourcePath, httpMethod, extendedRequestId, requestTime, path, accountId, protocol, requestOverride, stage, domainPrefix, requestTimeEpoch, requestId, identity, domainName, deploymentId, responseOverride, apiId]")
        #expect(try render("$context.identity.keySet()") == "[cognitoIdentityPoolId, accountId, cognitoIdentityId, caller, sourceIp, principalOrgId, accessKey, cognitoAuthenticationType, cognitoAuthenticationProvider, userArn, userAgent, user]")
        #expect(try render("$context.requestOverride.keySet() $context.responseOverride.keySet()") == "[path, header, querystring] [header]")
    }

    @Test("fixed defaults, and values taken from the request")
    func defaults() throws {
        #expect(try render("$context.requestTime $context.requestTimeEpoch $context.protocol $context.stage $context.path")
            == "14/Nov/2023:22:13:20 +0000 1700000000000 HTTP/1.1 test /test/")
        let request = MethodRequest(httpMethod: "GET", resourcePath: "/pets/{id}", headers: [Parameter("User-Agent", "curl/8.0")], pathParameters: [Parameter("id", "42")])
        let output = try Template(source: "$context.httpMethod $context.resourcePath $context.path $context.identity.userAgent [$context.identity.caller]")
            .render(MappingTemplateVariables.context(for: request))
        #expect(output == "GET /pets/{id} /test/pets/42 curl/8.0 []")
    }

    @Test("request overrides merge into nested maps; derived values follow")
    func overrides() throws {
        let context = OrderedMap([
            ("stage", "prod"), ("identity", ["sourceIp": "198.51.100.7"]), ("requestTimeEpoch", 951_782_400_123), ("extra", 1),
        ])
        #expect(try render("$context.path $context.identity.sourceIp $context.identity.keySet().size() $context.requestTime $context.extra", context: context)
            == "/prod/ 198.51.100.7 12 29/Feb/2000:00:00:00 +0000 1")
    }

    @Test("templates write to the overrides in every recorded form")
    func writes() throws {
        let template = """
            #set($context.requestOverride.header.X-Amz-Target = "T")#set($k = 'q')#set($context.requestOverride.querystring[$k] = "v")$context.responseOverride.header.put('h', 'x')$context.requestOverride $context.responseOverride
            """
        #expect(try render(template) == "{path={}, header={X-Amz-Target=T}, querystring={q=v}} {header={h=x}}")
    }

    @Test("stage variables; a missing one renders nothing (recorded on AWS)")
    func stageVariables() throws {
        let variables = [Parameter("fn", "f-dev"), Parameter("v", "1")]
        #expect(try render("$stageVariables.fn $stageVariables['v'] ${stageVariables['v']} [$stageVariables.nope]", stageVariables: variables) == "f-dev 1 1 []")
        #expect(try render("[$stageVariables.v]") == "[]")
    }
}
