// Expected values: Velocity 1.7 oracle (json-smart 2.2, Jayway 2.0.0), shared/oracle/render --aws,
// templates `$input.json('$.s')` (LT_COMPRESS) and `$input.path('$.a')` (JSONArray.toString()).
import JSON
import Testing

@Suite("JSON text as json-smart writes it")
struct WriterTests {
    @Test("LT_COMPRESS escapes exactly these characters, in upper-case hex")
    func escapes() {
        let text = "a\u{2013}b\u{7F}\u{01}é😀\u{2028}\u{A0}\u{9F}\u{20FF}\u{2100}\u{FEFF}/\\\"\u{08}\u{0C}\n\r\t"
        #expect(JSONValue.string(text).jsonText
            == #""a\u2013b\u007F\u0001é😀\u2028"# + "\u{A0}" + #"\u009F\u20FF"# + "\u{2100}\u{FEFF}" + #"/\\\"\b\f\n\r\t""#)
    }

    @Test("keys are escaped like strings and always quoted")
    func keys() {
        #expect(JSONValue.object(JSONObject([("a\"b", 1), ("c", "d")])).jsonText == #"{"a\"b":1,"c":"d"}"#)
    }

    @Test("numbers", arguments: [
        (JSONValue.double(1.0E-5), "1.0E-5"), (.double(1.0E25), "1.0E25"), (.double(-5E-10), "-5.0E-10"),
        (.double(1.5), "1.5"), (.double(1000.0), "1000.0"), (.double(.infinity), "null"), (.double(.nan), "NaN"),
        (.integer(-3), "-3"), (.bigDecimal("1.0000000000000000000"), "1.0000000000000000000"),
    ])
    func numbers(value: JSONValue, expected: String) {
        #expect(value.jsonText == expected)
    }

    @Test("JSONArray.toString(), what a template prints for an array, escapes the slash")
    func arrayToString() {
        let array: JSONValue = ["x/y", "é\u{2013}\u{01}"]
        #expect(JSONWriter(escapesSlash: true).string(array) == #"["x\/y","é\u2013\u0001"]"#)
        #expect(array.jsonText == #"["x/y","é\u2013\u0001"]"#)
        #expect(JavaText.string(["k": "v/w", "l": [["m": "a/b"]]]) == #"{k=v/w, l=[{"m":"a\/b"}]}"#)
    }

    @Test("parse -> write -> parse is the identity", arguments: [
        #"{"a":[1,2.5,-0.0,true,null,"\u2013"],"b":{"c":{}},"d":[],"e":12345678901234567890,"f":1.0000000000000000000}"#,
        #"["\"\\\/\b\f\n\r\t\u0000\u001F"]"#,
    ])
    func roundTrip(text: String) throws {
        let value = try JSONValue.parse(text)
        #expect(try JSONValue.parse(value.jsonText) == value)
    }
}
