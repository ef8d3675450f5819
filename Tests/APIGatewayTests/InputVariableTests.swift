// Expected values: Velocity 1.7 oracle (Jayway JsonPath 2.0.0 + json-smart), shared/oracle/render --aws,
// except where a test names recorded AWS behaviour (shared/research/aws-reference.md section 2).
import APIGateway
import Testing
import VTL

@Suite("$input")
struct InputVariableTests {
    static let document = #"{"a":[{"n":1},{"n":2}],"x":"s/t","big":123456789012345678901,"d":1e3,"bd":1.0000000000000000000}"#

    @Test("body is raw text; an empty body reads {} (recorded on AWS)")
    func body() throws {
        #expect(try render("$input.body", body: " { \"a\" : 1 }\n") == " { \"a\" : 1 }\n")
        #expect(try render("[$input.body][$input.getBody()][$input.json('$')][$input.path('$')]") == "[{}][{}][{}][{}]")
        #expect(try render("[$input.body.testAccess]", body: #"{"testAccess":1}"#) == "[]")
    }

    @Test("json(path)", arguments: [
        ("$.a", #"[{"n":1},{"n":2}]"#), ("$.a[*].n", "[1,2]"), ("$.x", #""s/t""#), ("$.missing", ""),
        ("$.a[?(@.n > 1)]", #"[{"n":2}]"#), ("$..zz", "[]"),
    ])
    func json(path: String, expected: String) throws {
        #expect(try render("$input.json('\(path)')", body: Self.document) == expected)
    }

    @Test("path(path)", arguments: [
        ("$.a", #"[{"n":1},{"n":2}]"#), ("$.a[*].n", "[1,2]"), ("$.x", "s/t"), ("$.missing", ""),
        ("$.big", "123456789012345678901"), ("$.d", "1000.0"), ("$.bd", "1.0000000000000000000"),
    ])
    func path(path: String, expected: String) throws {
        #expect(try render("$input.path('\(path)')", body: Self.document) == expected)
    }

    @Test("a path read again, and more paths than a request keeps, read the same values")
    func repeatedPaths() throws {
        // Results are kept per request, at most 16 of them: 40 paths read twice replace them all.
        let body = "{\"a\":[" + (0..<40).map(String.init).joined(separator: ",") + "],\"x\":\"s/t\"}"
        let template = "#foreach($round in [1..2])#foreach($i in [0..39])$input.path(\"$.a[$i]\"),#end#end"
        let once = (0..<40).map { "\($0)," }.joined()
        #expect(try render(template, body: body) == once + once)
        #expect(try render("$input.json('$.x')$input.path('$.x')$input.json('$.x')$input.path('$.x')", body: body) == #""s/t"s/t"s/t"s/t"#)
    }

    @Test("non-JSON text reads as a string (recorded on AWS)")
    func permissive() throws {
        #expect(try render("$input.json('$') $input.path('$')", body: "a=b") == #""a=b" a=b"#)
    }

    @Test("params() and params(name)")
    func params() throws {
        let output = try render(
            "$input.params()|$input.params('id')|$input.params('q')|$input.params('H')|[$input.params('Expect')]|[$input.params('nope')]",
            headers: [Parameter("H", "h"), Parameter("Expect", "100-continue")],
            query: [Parameter("q", "1"), Parameter("id", "no")], path: [Parameter("id", "7")])
        #expect(output == "{path={id=7}, querystring={q=1, id=no}, header={H=h, Expect=100-continue}}|7|1|h|[]|[]")
    }

    @Test("a body json-smart refuses fails like AWS's 400 (recorded on AWS)")
    func badBody() throws {
        let error = try #require(renderError("ab $input.json('$')", body: "{a"))
        #expect(error.kind == .input)
        #expect(error.message.hasPrefix("Could not process payload"))
        // Velocity reports the column of the method name.
        #expect((error.line, error.column) == (1, 11))
        // A template that never reads JSON renders any body.
        #expect(try render("$input.body", body: "{a") == "{a")
    }

    @Test("a malformed path names its column; an evaluation failure is an error")
    func badPath() throws {
        let malformed = try #require(renderError("$input.json('$.a[')", body: "{}"))
        #expect(malformed.message.contains("column 4"))
        let failed = try #require(renderError("$input.json('$[0]')", body: #"{"a":1}"#))
        #expect(failed.message.contains("can only be applied to arrays"))
    }

    @Test("the body is parsed once and shared by every call")
    func parsedOnce() throws {
        let request = MethodRequest(body: #"{"k":"v"}"#)
        let context = MappingTemplateVariables.context(for: request)
        let template = try Template(source: "$input.json('$.k')$input.path('$.k')")
        #expect(try template.render(context) == #""v"v"#)
        #expect(try template.render(context) == #""v"v"#)
    }

    @Test("json('$') prints the whole body the same however it is made, as often as it is called", arguments: [
        Self.document, #"{"b":1,"a":2,"b":3}"#, "{a:'x',b:[1 2]}", " [1,,2,] tail", #"{"s":"\u00e9\ud83d\"/","n":[1E5,-0,1.5e300]}"#,
    ])
    func wholeBody(body: String) throws {
        // `$.b` parses the tree; `$input.json('$')` before it may have been made without one.
        let output = try render("$input.json('$')|$input.json('$')|$input.json('$.b')|$input.json('$')", body: body)
        let whole = try render("$input.path('$').size()$input.json('$')", body: body).drop { $0.isNumber }
        let parts = output.split(separator: "|", omittingEmptySubsequences: false)
        #expect(parts.count == 4 && parts[0] == whole && parts[1] == whole && parts[3] == whole, "\(output) vs \(whole)")
    }

    @Test("json('$') on a body json-smart refuses fails as any other path does", arguments: [
        "{a", "{\"a\":1", "[1,{\"b\":]}]", "{\"a\":1e+}", String(repeating: "[", count: 401),
    ])
    func wholeBadBody(body: String) throws {
        let whole = try #require(renderError("$input.json('$')", body: body))
        let part = try #require(renderError("$input.json('$.a')", body: body))
        #expect(whole.message == part.message)
        #expect(whole.kind == .input)
    }

    @Test("params: a repeated name keeps its first place and its last value; names match exactly")
    func repeatedParameters() throws {
        let headers = [Parameter("Accept", "a"), Parameter("Host", "h"), Parameter("Accept", "b"), Parameter("Content-Length", "5")]
        let query = [Parameter("q", "1"), Parameter("r", "2"), Parameter("q", "3")]
        let output = try render(
            "$input.params()|$input.params('Accept')|$input.params('accept')|$input.params('q')|[$input.params('Content-Length')]",
            headers: headers, query: query)
        #expect(output == "{path={}, querystring={q=3, r=2}, header={Accept=b, Host=h, Content-Length=5}}|b||3|[]")
    }

    @Test("params(): a change to the returned map stays with that call")
    func paramsMapsAreFreshPerCall() throws {
        let output = try render(
            "#set($p = $input.params())$p.header.put('X', 'y')$p.header|$input.params().header|$input.params('X')",
            headers: [Parameter("H", "h")])
        #expect(output == "{H=h, X=y}|{H=h}|")
    }
}
