// Expected values: the rules pinned in PermissiveParsingTests (Velocity 1.7 oracle, json-smart 2.2),
// applied where the reader takes its shortcuts: keys of up to 16 bytes and repeated keys,
// objects past eight keys, strings scanned eight bytes at a time, numbers read in one pass.
// Each case was also checked against the reader these shortcuts replaced.
import JSON
import Testing

@Suite("The reader's shortcuts read as its general path does")
struct ReaderPathTests {
    @Test("body text -> compact JSON", arguments: [
        // A duplicate key after the eighth keeps its first position and takes the last value.
        (#"{"k0":0,"k1":1,"k2":2,"k3":3,"k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":9,"k3":"x","k9":null}"#,
         #"{"k0":0,"k1":1,"k2":2,"k3":"x","k4":4,"k5":5,"k6":6,"k7":7,"k8":8,"k9":null}"#),
        // Keys around the 16-byte shortcut, escaped keys, keys repeated across records.
        (#"{"abcdefghijklmno":1,"abcdefghijklmnop":2,"a\"b":3,"":4,"abcdefghijklmno":5}"#,
         #"{"abcdefghijklmno":5,"abcdefghijklmnop":2,"a\"b":3,"":4}"#),
        (#"[{"id":1,"name":"a"},{"id":2,"name":"b"},{"name":"c","id":3}]"#, #"[{"id":1,"name":"a"},{"id":2,"name":"b"},{"name":"c","id":3}]"#),
        // Nested containers between an object's members.
        (#"{"a":[1,[2,{"b":[]}],{}],"c":{"d":{"e":[3]}},"f":4}"#, #"{"a":[1,[2,{"b":[]}],{}],"c":{"d":{"e":[3]}},"f":4}"#),
        // Numbers: one-pass shapes next to the ones that take the general path.
        ("[5,-5,7.25,-0.5,1.,123456789012345678,1234567890123456789,0.123456789012345,1.2345678901234567, 8 ,9e1]",
         "[5,-5,7.25,-0.5,1.0,123456789012345678,1234567890123456789,0.123456789012345,1.2345678901234567,8,90.0]"),
    ])
    func bodies(body: String, expected: String) throws {
        #expect(try JSONValue.parse(body).jsonText == expected)
    }

    @Test("long strings: escapes and control bytes past the first eight bytes", arguments: [
        ("\"abcdefghij\u{01}klmnop\"", "abcdefghij\u{01}klmnop"),          // no backslash: kept
        ("\"abcdefghij\u{01}kl\\nmnop\"", "abcdefghijkl\nmnop"),          // backslash later: dropped
        ("\"abcdefghijklmnop\\\"qrstuvwx\\u00e9yz\"", "abcdefghijklmnop\"qrstuvwxéyz"),
        ("'abcdefghij\"klmnop\\'q'", "abcdefghij\"klmnop'q"),
    ])
    func longStrings(body: String, expected: String) throws {
        #expect(try JSONValue.parse(body) == .string(expected))
    }

    @Test("unterminated long strings fail where json-smart fails", arguments: [
        // An escaped quote is still a quote byte: the string runs to the end of the text.
        (#""abcdefghij\""#, "Unexpected End Of File position 12: null", 13),
        // No quote byte at all: json-smart fails at the end before reading any escape.
        (#""abcdefghij\u12g4"#, "Unexpected End Of File position 17: null", 18),
    ])
    func unterminated(body: String, message: String, column: Int) {
        #expect(throws: JSONError(kind: .unexpectedEndOfInput, line: 1, column: column, javaMessage: message)) {
            try JSONValue.parse(body)
        }
    }
}
