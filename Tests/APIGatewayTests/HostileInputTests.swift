import APIGateway
import Foundation
import Testing
import VTL

/// Hostile requests: bodies at and over API Gateway's 10 MB limit through every `$util`
/// function and `$input` method, and JSON nested far past json-smart's depth limit.
@Suite("Hostile requests")
struct HostileRequestTests {
    /// Exactly API Gateway's maximum: a JSON object whose one string fills 10 MB.
    static let tenMegabyteBody: String = {
        let limit = RequestLimits().bodyBytes
        let prefix = #"{"k":""#, suffix = #""}"#
        return prefix + String(repeating: "a b/", count: (limit - prefix.utf8.count - suffix.utf8.count) / 4) + suffix
    }()

    func renderLarge(_ template: String, body: String = HostileRequestTests.tenMegabyteBody) throws -> String {
        let request = MethodRequest(body: body)
        return try Template(source: template).render(MappingTemplateVariables.context(for: request))
    }

    @Test func bodyLimitIsTenMegabytes() {
        #expect(RequestLimits().bodyBytes == 10_485_760)
        #expect(Self.tenMegabyteBody.utf8.count == 10_485_760)
    }

    @Test(arguments: [
        ("$util.escapeJavaScript($input.body).length()", "13107202"),
        ("$util.urlEncode($input.body).length()", "15728650"),
        ("$util.urlDecode($input.body).length()", "10485760"),
        ("$util.base64Encode($input.body).length()", "13981016"),
        ("$util.base64Decode($util.base64Encode($input.body)).length()", "10485760"),
        ("$util.parseJson($input.body).k.length()", "10485752"),
        ("$input.json('$.k').length()", "10485754"),
        ("$input.path('$.k').length()", "10485752"),
        ("$input.body.length()", "10485760"),
        ("$input.body.replaceAll('k', 'K').length()", "10485760"),
    ])
    func tenMegabyteBodyThroughEveryFunction(template: String, expected: String) throws {
        let output = try renderLarge(template)
        #expect(output == expected)
    }

    /// The `limitExceeded` error `template` fails with, expecting its message to name `limit`.
    func limitError(
        _ template: String, request: MethodRequest, limits: RequestLimits = RequestLimits(), options: RenderOptions = .apiGateway,
        naming limit: String, sourceLocation: SourceLocation = #_sourceLocation
    ) -> VTLError? {
        do {
            _ = try Template(source: template).render(MappingTemplateVariables.context(for: request, limits: limits), options: options)
            Issue.record("rendered instead of failing", sourceLocation: sourceLocation)
        } catch {
            #expect(error.kind == .limitExceeded, "\(error)", sourceLocation: sourceLocation)
            #expect(error.message.contains(limit), "\(error.message)", sourceLocation: sourceLocation)
            return error
        }
        return nil
    }

    @Test(arguments: ["$input.body", "$input.getBody()", "$input.json('$')", "$input.path('$.k')"])
    func bodyOverTheLimitFailsWhereItIsRead(template: String) {
        let error = limitError("#set($x = 1)\n  " + template, request: MethodRequest(body: Self.tenMegabyteBody + " "), naming: "bodyBytes")
        #expect(error?.line == 2 && (error?.column ?? 0) > 2)
    }

    @Test func pathOverItsValueLimitFailsWhereItIsRead() {
        var limits = RequestLimits()
        limits.jsonPath.values = 1000
        let body = "[" + Array(repeating: "[1,2,3,[4,5,[6]]]", count: 100).joined(separator: ",") + "]"
        let template = "#set($n = 1)\n $input.path('$..*..*').size()"
        let error = limitError(template, request: MethodRequest(body: body), limits: limits, naming: "more than 1000 values")
        #expect(error?.line == 2 && error?.column == 9)
    }

    /// A different path on every iteration of nested loops walks the whole body each time
    /// (a million walks of an 80 KB body ran for minutes): a request's paths share one budget.
    @Test func pathsBuiltInALoopShareOneBudget() {
        var limits = RequestLimits()
        limits.jsonPath.values = 100_000
        let body = "[" + (0..<500).map { "{\"k\($0)\":\($0)}" }.joined(separator: ",") + "]"
        let template = "#foreach($i in [1..1000])#foreach($j in [1..1000])\n#set($r = $input.path(\"$..a$i$j\"))#end#end"
        let error = limitError(template, request: MethodRequest(body: body), limits: limits, naming: "visit more than 100000 values in all")
        #expect(error?.line == 2 && error?.column == 18)
    }

    /// escapeJavaScript doubles backslashes, so forty calls in a loop would ask for 2^40 of
    /// them: a host function's text is bounded like any string the template builds.
    @Test func utilResultsAreBoundedLikeStrings() {
        let template = "#set($s = '\\')\n#foreach($i in [1..40])#set($s = $util.escapeJavaScript($s))#end$s.length()"
        var options = RenderOptions()
        options.limits.outputBytes = 1_000_000
        let error = limitError(template, request: MethodRequest(body: ""), options: options, naming: "outputBytes")
        #expect(error?.line == 2 && error?.column == 40)
    }

    @Test func bodyOverTheLimitIsFineWhenNotRead() throws {
        #expect(try renderLarge("$input.params('x')|ok", body: Self.tenMegabyteBody + " ") == "|ok")
    }

    @Test(arguments: ["$input.json('$')", "$input.path('$')", "$util.parseJson($input.body)"])
    func hundredThousandDeepJSONFails(template: String) {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        do {
            _ = try renderLarge(template, body: deep)
            Issue.record("100,000-deep JSON was read")
        } catch let error as VTLError {
            #expect(error.message.contains("Malicious payload"), "\(error)")
            #expect(error.kind == .input || error.kind == .evaluation)
            #expect(error.line == 1 && error.column >= 1)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func deepJSONWithinTheLimitReads() throws {
        let deep = String(repeating: "[", count: 399) + "1" + String(repeating: "]", count: 399)
        #expect(try renderLarge("$input.json('$').length()", body: deep) == "799")
    }

    /// `$util` given a list nested 100,000 deep prints it without recursing per level.
    @Test func deeplyNestedListThroughUtil() throws {
        let output = try renderLarge(
            "#set($a = [])#foreach($i in [1..100])#foreach($j in [1..1000])#set($a = [$a])#end#end$util.escapeJavaScript($a.toString()).length()",
            body: "{}")
        #expect(output == "200002")
    }
}

extension HostileRequestTests {
    /// Handing `$util` a list nested 100,000 deep would copy it recursively.
    @Test func deeplyNestedListIsNotPassedToUtil() {
        do {
            _ = try renderLarge(
                "#set($a = [])#foreach($i in [1..100])#foreach($j in [1..1000])#set($a = [$a])#end#end\n$util.escapeJavaScript($a)",
                body: "{}")
            Issue.record("a list nested 100,000 deep reached $util")
        } catch let error as VTLError {
            #expect(error.kind == .limitExceeded && error.message.contains("valueDepth"))
            #expect(error.line == 2)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
