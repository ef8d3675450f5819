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

    // The rule the cases above sample, applied to every ASCII character: `URLEncoder` keeps
    // letters, digits and `. - * _`, writes space as `+` and every other byte as uppercase `%XX`.
    @Test("urlEncode of every ASCII character, alone and all in one text")
    func encodeEveryASCIICharacter() throws {
        func encoded(_ code: Int) -> String {
            let character = Character(UnicodeScalar(UInt8(code)))
            if character.isASCII && (character.isLetter || character.isNumber) || ".-*_".contains(character) { return String(character) }
            if code == 0x20 { return "+" }
            return "%" + (code < 0x10 ? "0" : "") + String(code, radix: 16, uppercase: true)
        }
        for code in 0..<128 {
            #expect(try render("$util.urlEncode($input.body)", body: "[" + String(UnicodeScalar(UInt8(code))) + "]")
                == "%5B" + encoded(code) + "%5D", "character \(code)")
        }
        let all = (0..<128).map { String(UnicodeScalar(UInt8($0))) }.joined()
        #expect(try render("$util.urlEncode($input.body)", body: all) == (0..<128).map(encoded).joined())
    }

    @Test("urlEncode of multi-byte text and of text with nothing to encode", arguments: [
        ("中😀é", "%E4%B8%AD%F0%9F%98%80%C3%A9"),
        ("\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}", "%7F%C2%80%DF%BF%E0%A0%80%EF%BF%BF%F0%90%80%80%F4%8F%BF%BF"),
        ("NothingToEncodeInThisLongerThanSmallText.-*_0123456789", "NothingToEncodeInThisLongerThanSmallText.-*_0123456789"),
        ("only spaces to change in this longer text", "only+spaces+to+change+in+this+longer+text"),
        // Hundreds of spaces and escapes together: the output length counts each kind apart.
        (String(repeating: "a b&", count: 300), String(repeating: "a+b%26", count: 300)),
        (String(repeating: " ", count: 70_000) + "%", String(repeating: "+", count: 70_000) + "%25"),
    ])
    func encodeMore(input: String, expected: String) throws {
        #expect(try render("$util.urlEncode($input.body)", body: input) == expected)
    }

    @Test("urlEncode and urlDecode of empty text")
    func empty() throws {
        #expect(try render("[$util.urlEncode('')][$util.urlDecode('')]") == "[][]")
    }

    // Escaped bytes that are not UTF-8 become U+FFFD per run of escapes, as `new String(bytes,
    // UTF_8)` does; a `%` before a non-ASCII character is a bad hex digit, counted in UTF-16.
    @Test("urlDecode of runs of escapes next to other text", arguments: [
        ("a+b%20c%2b", "a b c+"), ("%E4%B8%AD+x%F0%9F%98%80", "中 x😀"), ("%C3x", "\u{FFFD}x"), ("%C3é", "\u{FFFD}é"),
        ("%E4%B8é%AD", "\u{FFFD}é\u{FFFD}"), ("%F0%9F%98", "\u{FFFD}"), ("%C3%A9%C3", "é\u{FFFD}"),
        ("nothing to decode in this longer text~!", "nothing to decode in this longer text~!"), ("中😀", "中😀"),
        ("%41%+1%42", "A\u{01}B"),
    ])
    func decodeRuns(input: String, expected: String) throws {
        #expect(try render("$util.urlDecode($input.body)", body: input) == expected)
    }

    @Test("urlDecode: malformed escapes next to non-ASCII text", arguments: [
        ("%é1", #"URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 0 in: "é1""#),
        ("%1é", #"URLDecoder: Illegal hex characters in escape (%) pattern - Error at index 1 in: "1é""#),
        ("%é", "URLDecoder: Incomplete trailing escape (%) pattern"),
        ("é%C3%A9%", "URLDecoder: Incomplete trailing escape (%) pattern"),
        ("%C3%A9%4", "URLDecoder: Incomplete trailing escape (%) pattern"),
    ])
    func decodeMalformedNextToNonASCII(input: String, message: String) throws {
        let error = try #require(renderError("$util.urlDecode($input.body)", body: input))
        #expect(error.message.hasSuffix(message))
    }
}
