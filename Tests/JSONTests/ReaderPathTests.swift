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

    @Test("escapes next to escapes, surrogate pairs and text, near the end and far from it", arguments: [
        (#""a\"\"b""#, "a\"\"b"),
        (#""\"quoted\" & <b>bold</b> 'x' and a little more""#, "\"quoted\" & <b>bold</b> 'x' and a little more"),
        (#""x\"\ud83d\ude00yz""#, "x\"\u{1F600}yz"),
        (#""x\n\ud83dyz""#, "x\n?yz"),
        (#""x\ud83d\"yz""#, "x?\"yz"),
        (#""\\""#, "\\"),
        (#""ab\tcdefghijklmnopqrstuvwxyz\u0041""#, "ab\tcdefghijklmnopqrstuvwxyzA"),
        ("\"ab\\\"c\u{7F}d\u{01}efghijk\"", "ab\"cdefghijk"),
    ])
    func escapeRuns(body: String, expected: String) throws {
        #expect(try JSONValue.parse(body) == .string(expected))
    }

    /// The reader keeps open containers' values in blocks of 16: members past a block boundary,
    /// nested containers that start in one block and end in another, and a duplicate key whose
    /// value sits blocks below the newest one.
    @Test("containers wider than a block of the reader's stack")
    func wideContainers() throws {
        let members = (0..<40).map { #""k\#($0)":\#($0)"# }
        let inner = "[" + (0..<35).map(String.init).joined(separator: ",") + "]"
        let body = "[" + (0..<20).map(String.init).joined(separator: ",")
            + ",{" + members.joined(separator: ",") + #","k3":"x","k20":"# + inner + #","k39":{"a":[1,2]}},21]"#
        let expectedObject = "{" + (0..<40).map { index -> String in
            switch index {
            case 3: return #""k3":"x""#
            case 20: return #""k20":"# + inner
            case 39: return #""k39":{"a":[1,2]}"#
            default: return #""k\#(index)":\#(index)"#
            }
        }.joined(separator: ",") + "}"
        let expected = "[" + (0..<20).map(String.init).joined(separator: ",") + "," + expectedObject + ",21]"
        #expect(try JSONValue.parse(body).jsonText == expected)
        // A small object's duplicate, its first value in the block below the newest one.
        let numbers = (0..<31).map(String.init).joined(separator: ",")
        #expect(try JSONValue.parse("[" + numbers + #",{"a":1,"b":2,"a":3}]"#).jsonText == "[" + numbers + #",{"a":3,"b":2}]"#)
    }

    /// Records that repeat the previous record's keys are read against it, and once a few have
    /// repeated them, against those keys' bytes; each must read as it does on its own. The
    /// first record of each case comes three times more, so that later records meet that bytes check.
    @Test("records read inside an array read as they do alone", arguments: [
        [#"{"ab":1,"c":2}"#, #"{"ab":3,"cd":4}"#, #"{"ab":5,"c":6}"#],
        [#"{"ab":1,"cd":2}"#, #"{"ab":3,"ce":4}"#, #"{"ba":5,"cd":6}"#, #"{"ab":7,"cd":8,"ab":9}"#],
        [#"{"id":1,"name":"x"}"#, #"{"id":2,"nbme":"y"}"#, #"{"id":3}"#, #"{"id":4,"name":"z","more":5}"#],
        [#"{"a":1,"b":2}"#, #"{"b":3,"a":4}"#, #"{"a":5,"b":6,"a":7}"#, #"{"a":8,"b\u0000":9}"#],
        ["{\"a\u{0}\":1}", #"{"a":2}"#, "{\"a\u{0}\":3}"],
        [#"{"abcdefghijklmnop":1}"#, #"{"abcdefghijklmnopq":2}"#, #"{"abcdefghijklmnop":3}"#],
        [#"{"a":1,"b":2,"a":3}"#, #"{"a":4,"b":5}"#, #"{"b":6,"a":7,"b":8}"#],
        [#"{"x":{"y":1}}"#, #"{"x":{"y":2,"z":3}}"#, #"{"x":{"z":4}}"#],
        [#"{'a':1,"b":2}"#, #"{"a":3,'b':4}"#, #"{a:5,"b":6}"#],
    ])
    func recordsAlone(records: [String]) throws {
        let records = Array(repeating: records[0], count: 3) + records + records
        let alone = try records.map { try JSONValue.parse($0).jsonText }
        #expect(try JSONValue.parse("[" + records.joined(separator: ",") + "]").jsonText == "[" + alone.joined(separator: ",") + "]")
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
