// Expected values: Velocity 1.7 oracle (java.net.URLEncoder / URLDecoder, UTF-8),
// shared/oracle/render --aws, templates `$util.urlEncode($input.body)` / `$util.urlDecode($input.body)`.
import Testing

@Suite("$util.urlEncode and urlDecode as java.net")
struct FormURLCodingTests {
    @Test("urlEncode", arguments: [
        ("&", "%26"), ("=", "%3D"), ("+", "%2B"), ("%", "%25"), (" ", "+"), ("~", "%7E"), ("*", "*"), (".", "."),
        ("-", "-"), ("_", "_"), ("é", "%C3%A9"), ("😀", "%F0%9F%98%80"), ("a b&c=d", "a+b%26c%3Dd"),
        ("/?#[]@!$'()", "%2F%3F%23%5B%5D%40%21%24%27%28%29"), ("\u{00}\n", "%00%0A"), ("AZaz09", "AZaz09"),
    ])
    func encode(input: String, expected: String) throws {
        #expect(try render("$util.urlEncode($input.body)", body: input) == expected)
    }

    @Test("urlDecode", arguments: [
        ("a+b", "a b"), ("%26%3D%2B%25", "&=+%"), ("%c3%a9", "é"), ("%F0%9F%98%80", "😀"),
        // Integer.parseInt takes a sign: `%+1` is byte 1, `%-0` byte 0.
        ("%+1", "\u{01}"), ("%-0", "\u{00}"),
        ("a%FFb", "a\u{FFFD}b"), ("%C3", "\u{FFFD}"), ("plain~*", "plain~*"), ("é", "é"),
    ])
    func decode(input: String, expected: String) throws {
        #expect(try render("$util.urlDecode($input.body)", body: input) == expected)
    }

    @Test("malformed escapes fail with URLDecoder's message", arguments: [
        ("%", "URLDecoder: Incomplete trailing escape (%) pattern"),
        ("%4", "URLDecoder: Incomplete trailing escape (%) pattern"),
        ("a%", "URLDecoder: Incomplete trailing escape (%) pattern"),
        ("%zz", #"URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: "zz""#),
        ("%4g", #"URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 1 in: "4g""#),
        ("%-1", "URLDecoder: Illegal hex characters in escape (%) pattern - negative value"),
    ])
    func malformed(input: String, message: String) throws {
        let error = try #require(renderError("$util.urlDecode($input.body)", body: input))
        #expect(error.message.hasSuffix(message))
        #expect((error.line, error.column) == (1, 7))
    }
}
