// Expected values: Velocity 1.7 oracle (commons-lang 2.6 StringEscapeUtils.escapeJavaScript),
// shared/oracle/render --aws, template `$util.escapeJavaScript($input.body)`.
import Testing

@Suite("$util.escapeJavaScript as commons-lang 2.6")
struct EscapeJavaScriptTests {
    @Test("escapes", arguments: [
        ("plain", "plain"),
        ("say \"hi\"", #"say \"hi\""#),
        ("it's", #"it\'s"#),
        ("a/b", #"a\/b"#),
        (#"back\slash"#, #"back\\slash"#),
        ("\u{08}\t\n\u{0C}\r", #"\b\t\n\f\r"#),
        ("\u{00}\u{01}\u{0F}\u{10}\u{1F}", #"\u0000\u0001\u000F\u0010\u001F"#),
        ("\u{7F}", "\u{7F}"),
        ("\u{80}", #"\u0080"#),
        ("é", #"\u00E9"#),
        ("\u{FF}", #"\u00FF"#),
        ("\u{100}", #"\u0100"#),
        ("\u{FFF}", #"\u0FFF"#),
        ("\u{1000}", #"\u1000"#),
        ("\u{2028}", #"\u2028"#),
        ("中文", #"\u4E2D\u6587"#),
        ("😀", #"\uD83D\uDE00"#),
        ("\u{FFFF}", #"\uFFFF"#),
    ])
    func escapes(input: String, expected: String) throws {
        #expect(try render("$util.escapeJavaScript($input.body)", body: input) == expected)
    }

    @Test("non-string arguments are escaped as their toString()")
    func nonStrings() throws {
        #expect(try render("[$util.escapeJavaScript(1.50)][$util.escapeJavaScript(42)][$util.escapeJavaScript(true)]") == "[1.5][42][true]")
        #expect(try render("$util.escapeJavaScript($input.path('$.a'))", body: #"{"a":["x/y",{"k":"a/b"}]}"#)
            == #"[\"x\\\/y\",{\"k\":\"a\\\/b\"}]"#)
        #expect(try render("$util.escapeJavaScript($input.path('$'))", body: #"{"a":"x","b":[1,"y"]}"#) == #"{a=x, b=[1,\"y\"]}"#)
    }

    @Test("a null argument renders nothing")
    func null() throws {
        #expect(try render("[$util.escapeJavaScript($input.path('$.nope'))]", body: "{}") == "[]")
    }
}
