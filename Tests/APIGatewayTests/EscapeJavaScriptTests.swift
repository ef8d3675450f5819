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

    // The rules the two cases above sample, applied to every ASCII character: commons-lang 2.6
    // `escapeJavaScriptStyleString` (controls as `\b \t \n \f \r` or `\u00XX`, a backslash
    // before `' " \ /`, everything else from space to DEL as it is).
    @Test("every ASCII character, alone and all in one text")
    func everyASCIICharacter() throws {
        func escaped(_ code: Int) -> String {
            switch code {
            case 0x08: #"\b"#
            case 0x09: #"\t"#
            case 0x0A: #"\n"#
            case 0x0C: #"\f"#
            case 0x0D: #"\r"#
            case 0..<0x20: #"\u00"# + (code < 0x10 ? "0" : "") + String(code, radix: 16, uppercase: true)
            case 0x27, 0x22, 0x5C, 0x2F: "\\" + String(UnicodeScalar(UInt8(code)))
            default: String(UnicodeScalar(UInt8(code)))
            }
        }
        for code in 0..<128 {
            #expect(try render("$util.escapeJavaScript($input.body)", body: "[" + String(UnicodeScalar(UInt8(code))) + "]")
                == "[" + escaped(code) + "]", "character \(code)")
        }
        let all = (0..<128).map { String(UnicodeScalar(UInt8($0))) }.joined()
        #expect(try render("$util.escapeJavaScript($input.body)", body: all) == (0..<128).map(escaped).joined())
    }

    @Test("multi-byte characters next to escapes and plain text, in short and long text", arguments: [
        ("é\"😀'中/\u{7F}\u{1F}x", #"\u00E9\"\uD83D\uDE00\'\u4E2D\/\#("\u{7F}")\u001Fx"#),
        ("😀😀", #"\uD83D\uDE00\uD83D\uDE00"#),
        ("\u{10FFFF}\u{10000}", #"\uDBFF\uDFFF\uD800\uDC00"#),
        ("a long line with nothing to escape at all, longer than a small string", "a long line with nothing to escape at all, longer than a small string"),
        ("a long line that ends in one quote, longer than a small string\"", #"a long line that ends in one quote, longer than a small string\""#),
        ("\u{7FF}\u{800}\u{FFFD}", #"\u07FF\u0800\uFFFD"#),
    ])
    func mixed(input: String, expected: String) throws {
        #expect(try render("$util.escapeJavaScript($input.body)", body: input) == expected)
    }

    @Test("empty text stays empty")
    func empty() throws {
        #expect(try render("[$util.escapeJavaScript('')]") == "[]")
    }
}
