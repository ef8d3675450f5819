// Specification: `JSONTranscoder().compactText(x)` is `JSONWriter().string(JSONValue.parse(x))`
// wherever it answers, declines wherever the parser throws (so errors keep the parser's
// messages), and answers for ordinary JSON. The expected texts come from the parse + write
// route, itself checked against the Velocity 1.7 oracle in WriterTests and PermissiveParsingTests.
import JSON
import Testing

@Suite("Transcoding a body straight to compact JSON")
struct TranscoderTests {
    @Test("numbers of every Java type print as parse + write prints them", arguments: [
        "[0,-0,1,-1,007,-,- ,123456789012345678,-123456789012345678]",
        "[1234567890123456789,9223372036854775807,9223372036854775808,-9223372036854775808,-9223372036854775809]",
        "[12345678901234567890,00000000000000000001,-00000000000000000001,123456789012345678901234567890]",
        "[1.0,1.5,-0.0,0.0,0.1,0.30000000000000004,1.,-.5,100.25,123456.789012345,0.001,0.0001,9999999.0,10000000.0]",
        "[1E5,1e5,1e-5,1E+5,1e0,1.5e300,1e400,-1e400,1e-400,4.9e-324,1.7976931348623157e308,2e7,1e-3,1E-4]",
        "[1.0000000000000000000,3.14159265358979323846,0.000000000000000000001,1234567890123456789012.5]",
        "[1.7976931348623157E+308,1.000000000000000000e2147483647,100000000000000000000e5,0.00000000000000000000e3,-0.0000000000000000000]",
        "[NaN, NaN ,1 ,2\t,3\n]", #"{"a":1,"b":-2.5,"c":1e5,"d":NaN}"#, "{\"a\":1 \n}", "[1\u{1F}]",
    ])
    func numbers(text: String) throws {
        try expectTranscoded(text)
    }

    @Test("a double written as Java prints it is copied; every other spelling is printed anew")
    func doubleSpellings() throws {
        try expectTranscoded("[0.001,0.0009999,0.00100,9999999.5,9999999.0,10000000.5,1.10,-0.0,0.0,3.0,3.00,00.5,-00.5,"
            + "0.5 ,1.25\t,0.1,0.2,0.3,123456789012.345,12345678901234.5,1234567890123.456,0.000123456789012,7.0E1,-12.5]")
        // Pseudo-random decimals of 1 to 17 digits with the point anywhere, some with trailing zeros.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var numbers: [String] = []
        for _ in 0..<4000 {
            let digits = String((0..<(1 + next(17))).map { _ in Character(String(next(10))) })
            let point = 1 + next(digits.count)
            let text = digits.prefix(point) + "." + (point == digits.count ? "0" : digits.dropFirst(point))
            numbers.append((next(4) == 0 ? "-" : "") + text + (next(5) == 0 ? "0" : ""))
        }
        try expectTranscoded("[" + numbers.joined(separator: ",") + "]")
    }

    @Test("strings: escapes, surrogates, controls and non-ASCII", arguments: [
        #"["\"\\\/\b\f\n\r\t","\'"]"#,
        #"["\u0000\u001f\u001F\u007f\u0080\u009f\u00a0\u00e9\u2000\u20ff\u2100\u2028\ufeff\uFFFF"]"#,
        #"["\ud83d\ude00","\ud83d","\ude00","\ud83dx","\ud83d\ud83d","x\ude00\ud83d","\uD83D\uDE00"]"#,
        #"["\x41\x7f\x85\xe9","\q\z","a\\"]"#,
        "[\"\\é\",\"a\\€b\",\"\\😀\"]",
        "[\"raw \u{01}\u{1F}\u{7F} controls\",\"raw \u{01} with \\n an escape\",\"\u{7F}\"]",
        "[\"Zoë 日本 😀 \u{80}\u{9F}\u{A0} \u{2000}\u{2028}\u{20FF}\u{2100} \u{FEFF} / \\/ \"]",
        "[\"\",\"a\",\"quote ' inside\",\"a/b\",\"" + String(repeating: "long plain text ", count: 40) + "\"]",
        "{\"a\u{01}b\":1,\"\\u00e9\":2,\"a\\\"b\":3,\"longer than sixteen bytes\":4,\"\":5,\"ê\":6}",
    ])
    func strings(text: String) throws {
        try expectTranscoded(text)
    }

    @Test("structure, space, extra commas and what follows the value", arguments: [
        "{}", "[]", " \t\r\n{ \"a\" : 1 , \"b\" : [ 1 , 2 ] , \"c\" : { } } ", "[[],[[]],{},{\"a\":{}}]",
        "[1,,2,]", "[,]", "{,\"a\":1,,}", "{\"a\":1,}", "[{}{}]", "[\"a\"\"b\"]", "[[1][2]]", "[true , false , null ]",
        "{\"a\":1} xyz", "[1]]]", "{}{}", "[1] \u{01}", "{\"a\":\"b\"}\u{1A}", "{\"k\":[\n  1,\n  2\n]\r\n}",
        "{\"a\"\u{01}:1\u{1F},\"b\":true\u{00}}",
        #"{"a":{"a":1},"b":[{"a":1},{"a":2}],"c":{"b":{"a":3}}}"#,
        "{" + (0..<40).map { "\"key\($0)\":\($0)" }.joined(separator: ",") + "}",
    ])
    func structure(text: String) throws {
        try expectTranscoded(text)
    }

    @Test("canonically equivalent keys spelled differently are two keys, transcoded as they are")
    func equivalentKeys() throws {
        try expectTranscoded("{\"\u{E9}\":1,\"e\u{301}\":2}")
    }

    @Test("nesting up to json-smart's 400 levels is transcoded")
    func deepestAccepted() throws {
        try expectTranscoded(String(repeating: "[", count: 400) + String(repeating: "]", count: 400))
        try expectTranscoded(String(repeating: "{\"a\":", count: 399) + "[1]" + String(repeating: "}", count: 399))
    }

    @Test("duplicate keys and permissive forms are left to the parser", arguments: [
        #"{"a":1,"a":2}"#, #"{"b":1,"a":2,"b":3}"#, #"[{"x":1},{"y":{"x":1,"x":1}}]"#,
        "{\"é\":1,\"é\":2}", "{" + (0..<20).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + ",\"k3\":0}",
        "{a:1}", "{'a':1}", "['x']", "[abc]", "[.5]", "[1 2]", "[truex]", "[nul]", "[1e]", "[-x]", "{\"a\":b}",
        "\"top\"", "123", "true", "", " ", "x", "\u{0B}[1]", "{\"a\":\u{0B}1}", "[1~]", "{\"a\":1 \"b\":2}",
    ])
    func declined(text: String) throws {
        #expect(JSONTranscoder().compactText(text) == nil)
        _ = try JSONValue.parse(text)
    }

    @Test("input the parser rejects is declined, at any depth", arguments: [
        "{", "[", "{\"a\"", "{\"a\":", "{\"a\":1", "[1,", "[\"abc", "{\"a", "[\"\\u12\"]", "[\"\\uzzzz\"]",
        "[\"\\x4\"]", "{\"a\":1e+}", "[1e-70000000000000000000]",
        // Past 18 characters a number is a BigDecimal, whose scale must fit an int (Java: "Scale out of range").
        "[1e-7000000000000000000]", "[1.000000000000000000e-2147483648]", "{:}", "[:]", "{\"a\" 1}", "{\"a\":\"1\" \"b\":2}",
        "[}", "{]", "{\"a\":}", "[\"a\"\u{1A}]", "{\"a\":1,\"b\"}", "[{\"a\":[1,{\"b\":]}]",
        String(repeating: "[", count: 401) + String(repeating: "]", count: 401),
    ])
    func rejected(text: String) {
        #expect(JSONTranscoder().compactText(text) == nil)
        #expect(throws: JSONError.self) { try JSONValue.parse(text) }
    }

    @Test("every prefix of a body agrees with the parser", arguments: [
        #"{"a":[1,-2.5e3,"x\"\u00e9\ud83d\ude00",true,null,NaN,{"b":{}}],"c":"d","e":12345678901234567890}"#,
        " [ {\"k\" : [ ] } , \"\u{01}é\" , 1.0000000000000000000 ] ",
    ])
    func truncated(text: String) {
        let bytes = Array(text.utf8)
        for end in 0...bytes.count {
            let prefix = String(decoding: bytes[..<end], as: UTF8.self)
            expectAgreement(prefix)
        }
    }

    @Test("a smaller depth limit is the parser's limit")
    func depthLimit() {
        let text = "[[[1]]]"
        #expect(JSONTranscoder(maxDepth: 3).compactText(text) == "[[[1]]]")
        #expect(JSONTranscoder(maxDepth: 2).compactText(text) == nil)
        #expect(throws: JSONError.self) { try JSONParser(maxDepth: 2).parse(text) }
    }

    @Test("output longer than its source still comes out whole")
    func growingOutput() throws {
        // Each raw control byte becomes six, past the first attempt's reserve.
        try expectTranscoded("[\"" + String(repeating: "\u{01}", count: 5000) + "\"]")
        try expectTranscoded("[" + Array(repeating: "1e5", count: 2000).joined(separator: ",") + "]")
        try expectTranscoded("[" + String(repeating: "{}", count: 3000) + "]")
    }

    @Test("a large body")
    func largeBody() throws {
        let element = #"{"id":12345,"name":"a string with \"escapes\" \u00e9 / slash","tags":["x","y"],"price":12.5,"n":null},"#
        try expectTranscoded("[" + String(repeating: element, count: 5000) + "1]")
    }
}

/// The transcoder answers, and with exactly what parse + write gives.
func expectTranscoded(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let expected = JSONWriter().string(try JSONValue.parse(text))
    #expect(JSONTranscoder().compactText(text) == expected, sourceLocation: sourceLocation)
}

/// Whatever the transcoder answers is what parse + write gives; where the parser throws, it declines.
func expectAgreement(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let transcoded = JSONTranscoder().compactText(text)
    guard let value = try? JSONValue.parse(text) else {
        #expect(transcoded == nil, "\(text.debugDescription)", sourceLocation: sourceLocation)
        return
    }
    if let transcoded {
        #expect(transcoded == JSONWriter().string(value), "\(text.debugDescription)", sourceLocation: sourceLocation)
    }
}
