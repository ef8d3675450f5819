// Expected values: Velocity 1.7 oracle (json-smart 2.2, Jayway 2.0.0), shared/oracle/render --aws,
// and the same json-smart jar called directly (JsonSmartJsonProvider().parse, then
// JSONValue.toJSONString(value, JSONStyle.LT_COMPRESS)).
import JSON
import JavaLang
import Testing

@Suite("Bodies read as json-smart's MODE_PERMISSIVE reads them")
struct PermissiveParsingTests {
    @Test("body text -> compact JSON", arguments: [
        // Not JSON at all: the whole text is a string (recorded on AWS for a=b).
        ("a=b", #""a=b""#), ("a{b", #""a{b""#), ("a[", #""a[""#), ("null{", #""null{""#),
        ("true{", #""true{""#), ("undefined{", #""undefined{""#), ("  abc  ", #""abc""#), ("", #""""#),
        // Unquoted keys and values, single quotes, extra commas.
        ("{a:1, b : 'x', \"c\":\"y\"}", #"{"a":1,"b":"x","c":"y"}"#),
        ("[1,2,]", "[1,2]"), ("[,1]", "[1]"), ("[1,,2]", "[1,2]"), ("{\"a\":1,}", #"{"a":1}"#), ("{,\"a\":1}", #"{"a":1}"#),
        ("{a b: 1}", #"{"a b":1}"#), ("{a,b:1}", #"{"a,b":1}"#), ("{1:2}", #"{"1":2}"#), ("{a:1:2}", #"{"a":"1:2"}"#),
        ("[a b]", #"["a b"]"#), ("[a:b]", #"["a:b"]"#), ("{\"a\":b]c}", #"{"a":"b]c"}"#),
        // Trailing text after a complete value is ignored.
        ("  {\"a\":1}  ", #"{"a":1}"#), ("{\"a\":1} xyz", #"{"a":1}"#), ("{\"a\":1}}", #"{"a":1}"#), ("[1] 2", "[1]"), ("\"a\" b", #""a""#),
        // Something that starts like a number or literal but goes on is a string.
        ("1 2", #""1 2""#), ("1,2", #""1,2""#), ("[1 2, truex, nul]", #"["1 2","truex","nul"]"#), ("{\"a\": tru e}", #"{"a":"tru e"}"#),
        // A missing comma between members on separate lines: the value runs on as text.
        ("{\n  \"a\": 1\n  \"b\": 2}", #"{"a":"1\n  \"b\": 2"}"#),
        // Duplicate keys: last value, first position.
        ("{\"b\":1,\"a\":2,\"b\":3}", #"{"b":3,"a":2}"#),
        // Whitespace is anything up to U+0020 between tokens, but only space/tab/CR/LF before a value.
        ("[1\u{0B}]", "[1]"), ("\u{0B}{\"a\":1}", #""{\"a\":1}""#), ("[1\u{2003}]", #"[1,"\u2003"]"#),
    ])
    func permissiveBodies(body: String, expected: String) throws {
        #expect(try JSONValue.parse(body).jsonText == expected)
    }

    @Test("number kinds", arguments: [
        ("01", JSONValue.integer(1)), ("-01", .integer(-1)), ("-0", .integer(0)), ("-", .integer(0)),
        ("1.", .double(1.0)), ("1e5", .double(100000.0)), ("1E+5", .double(100000.0)), ("1.50", .double(1.5)), ("-0.0", .double(-0.0)),
        ("9223372036854775807", .integer(Int.max)), ("-9223372036854775808", .integer(Int.min)),
        ("9223372036854775808", .bigInteger(BigInteger("9223372036854775808")!)),
        ("12345678901234567890", .bigInteger(BigInteger("12345678901234567890")!)),
        ("00000000000000000001", .bigInteger(BigInteger(1))),
        ("1.0000000000000000000", .bigDecimal("1.0000000000000000000")),
        ("1.7976931348623157E308", .bigDecimal("1.7976931348623157E+308")),
        ("1.0000000000000000000001e5", .bigDecimal("100000.00000000000000001")),
        (".5", .string(".5")), ("1e", .string("1e")), ("0x10", .string("0x10")), ("+1", .string("+1")), ("1.5.5", .string("1.5.5")),
    ])
    func numberKinds(body: String, expected: JSONValue) throws {
        #expect(try JSONValue.parse(body) == expected)
    }

    @Test("NaN is a number; Infinity is not")
    func notANumber() throws {
        guard case .double(let value) = try JSONValue.parse("NaN") else { Issue.record("not a double"); return }
        #expect(value.isNaN)
        #expect(try JSONValue.parse("[NaN, NaNa, Infinity]").jsonText == #"[NaN,"NaNa","Infinity"]"#)
        // A double too large for Java is Infinity, which json-smart writes as null.
        #expect(try JSONValue.parse("[1e400, -1e400, 1e-400]").jsonText == "[null,null,0.0]")
    }

    @Test("string escapes, quotes and control characters", arguments: [
        (#""a\tb\u0041\x41\q\/\'""#, "a\tbAA/'"),           // unknown escape \q drops the q
        (#"'a"b'"#, "a\"b"), (#""a'b""#, "a'b"), (#"'a\'b'"#, "a'b"),
        ("\"a\u{01}b\"", "a\u{01}b"),                      // no backslash: control characters kept
        ("\"a\\nb\u{01}c\u{7F}d\"", "a\nbcd"),             // with a backslash: raw controls and DEL dropped
        ("\"a\\tb\tc\"", "a\tbc"),
        (#""\ud83d\ude00|\ud83d|\ude00""#, "😀|?|?"), // a lone surrogate cannot live in a Swift String: "?", as Java writes it
        (#""\u00e9\u20AC""#, "é€"),
    ])
    func strings(body: String, expected: String) throws {
        #expect(try JSONValue.parse(body) == .string(expected))
    }

    @Test("key order is kept, including through a round trip")
    func keyOrder() throws {
        let text = #"{"z":1,"a":[true,false,null],"m":{"y":"é","b":1.5,"c":12345678901234567890}}"#
        let value = try JSONValue.parse(text)
        guard case .object(let object) = value else { Issue.record("not an object"); return }
        #expect(object.keys == ["z", "a", "m"])
        #expect(value.jsonText == text)
        #expect(try JSONValue.parse(value.jsonText) == value)
    }

    @Test("failures carry json-smart's message and a location", arguments: [
        ("{a", JSONError.Kind.unexpectedEndOfInput, "Unexpected End Of File position 1: null", 1, 2),
        ("[a", .unexpectedEndOfInput, "Unexpected End Of File position 1: EOF", 1, 2),
        ("{\"a\":\"b\" \"c\":1}", .unexpectedToken, "Unexpected token \" at position 8.", 1, 9),
        ("{\"k\" \"v\"}", .unexpectedCharacter, "Unexpected character (\") at position 4.", 1, 5),
        ("{\"a\"}", .unexpectedCharacter, "Unexpected character (}) at position 3.", 1, 4),
        ("{\"a\":}", .unexpectedCharacter, "Unexpected character (}) at position 5.", 1, 6),
        ("[}", .unexpectedCharacter, "Unexpected character (}) at position 1.", 1, 2),
        ("{:1}", .unexpectedCharacter, "Unexpected character (:) at position 1.", 1, 2),
        ("\"abc", .unexpectedEndOfInput, "Unexpected End Of File position 4: null", 1, 5),
        ("\"\\u12g4\"", .invalidUnicodeEscape, "Unexpected unicode escape sequence g at position 5.", 1, 6),
        ("{\"a\":1\u{2003}}", .unexpectedToken, "Unexpected token \u{2003} at position 5.", 1, 6),
        ("[1e+]", .invalidNumber, "For input string: \"1e+\"", 1, 2),
        ("{\n\"a\":1,\n\"b\"}", .unexpectedCharacter, "Unexpected character (}) at position 11.", 3, 3),
    ])
    func failures(body: String, kind: JSONError.Kind, message: String, line: Int, column: Int) {
        #expect(throws: JSONError(kind: kind, line: line, column: column, javaMessage: message)) {
            try JSONValue.parse(body)
        }
    }
}
