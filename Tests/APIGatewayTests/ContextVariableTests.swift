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

    @Test("the whole map for a default request, as printed")
    func wholeDefaultMap() throws {
        #expect(try render("$context") == "{resourceId=a1b2c3, resourcePath=/, httpMethod=POST, extendedRequestId=OgIpUHmBoAMEbhA=, requestTime=14/Nov/2023:22:13:20 +0000, path=/test/, accountId=123456789012, protocol=HTTP/1.1, requestOverride={path={}, header={}, querystring={}}, stage=test, domainPrefix=abcdef1234, requestTimeEpoch=1700000000000, requestId=c6af9ac6-7b61-11e6-9a41-93e8deadbeef, identity={cognitoIdentityPoolId=null, accountId=null, cognitoIdentityId=null, caller=null, sourceIp=203.0.113.10, principalOrgId=null, accessKey=null, cognitoAuthenticationType=null, cognitoAuthenticationProvider=null, userArn=null, userAgent=null, user=null}, domainName=abcdef1234.execute-api.us-east-1.amazonaws.com, deploymentId=d1e2f3, responseOverride={header={}}, apiId=abcdef1234}")
    }

    @Test("User-Agent in any letter case, the last one sent; other names do not count")
    func userAgentHeader() throws {
        let headers = [Parameter("USER-agent", "first"), Parameter("User-Agents", "no"), Parameter("user-agent", "second"), Parameter("Agent", "no")]
        #expect(try render("$context.identity.userAgent", headers: headers) == "second")
        #expect(try render("[$context.identity.userAgent]", headers: [Parameter("User_Agent", "no"), Parameter("X-User-Agent", "no")]) == "[]")
    }

    @Test("a request's values do not leak into the next request's map")
    func requestsAreIndependent() throws {
        let request = MethodRequest(httpMethod: "PUT", resourcePath: "/a/{b}", headers: [Parameter("User-Agent", "ua")], pathParameters: [Parameter("b", "1")])
        let template = try Template(source: "$context.httpMethod $context.resourcePath $context.path [$context.identity.userAgent]#set($context.requestOverride.header.h = 'v')")
        #expect(try template.render(MappingTemplateVariables.context(for: request)) == "PUT /a/{b} /test/a/1 [ua]")
        #expect(try render("$context.httpMethod $context.resourcePath $context.path [$context.identity.userAgent] $context.requestOverride.header") == "POST / /test/ [] {}")
    }

    @Test("overrides of apiId, stage and time change what derives from them, alongside request values")
    func derivedValues() throws {
        let context = OrderedMap([("apiId", "zz9"), ("stage", "dev"), ("requestTimeEpoch", 0), ("identity", ["userAgent": "override"])])
        let request = MethodRequest(httpMethod: "GET", resourcePath: "items/{id+}", headers: [Parameter("user-agent", "curl")], pathParameters: [Parameter("id", "a/b")], context: context)
        let output = try Template(source: "$context.domainName $context.domainPrefix $context.apiId $context.path $context.stage $context.requestTime $context.requestTimeEpoch $context.identity.userAgent $context.httpMethod")
            .render(MappingTemplateVariables.context(for: request))
        #expect(output == "zz9.execute-api.us-east-1.amazonaws.com zz9 zz9 /dev/items/a/b dev 01/Jan/1970:00:00:00 +0000 0 override GET")
    }

    @Test("overrides with the default values, or of other types, keep the recorded defaults")
    func overridesEqualToDefaults() throws {
        let context = OrderedMap([("stage", "test"), ("requestTimeEpoch", "soon"), ("apiId", 7)])
        #expect(try render("$context.path $context.requestTime $context.requestTimeEpoch $context.domainName $context.apiId", context: context)
            == "/test/ 14/Nov/2023:22:13:20 +0000 soon abcdef1234.execute-api.us-east-1.amazonaws.com 7")
    }
}
