// Expected values: json-smart 2.2's LinkedHashMap rules, as pinned in PermissiveParsingTests
// (a repeated key keeps its first position and takes the last value). The reader lets an object
// share the keys of the previous object at its depth; these pin that the sharing never shows.
import JSON
import Testing

@Suite("Records that repeat, or almost repeat, the previous record's keys")
struct RepeatedKeysTests {
    @Test("body -> compact JSON", arguments: [
        (#"[{"a":1,"b":2},{"a":3,"b":4}]"#, #"[{"a":1,"b":2},{"a":3,"b":4}]"#),
        (#"[{"a":1,"b":2},{"a":3,"a":4}]"#, #"[{"a":1,"b":2},{"a":4}]"#),
        (#"[{"a":1,"b":2},{"a":3,"b":4,"a":5}]"#, #"[{"a":1,"b":2},{"a":5,"b":4}]"#),
        (#"[{"a":1,"b":2},{"a":3}]"#, #"[{"a":1,"b":2},{"a":3}]"#),
        (#"[{"a":1},{"a":2,"b":3},{"a":4},{"a":5,"b":6}]"#, #"[{"a":1},{"a":2,"b":3},{"a":4},{"a":5,"b":6}]"#),
        (#"[{"a":1,"b":2},{"b":3,"a":4}]"#, #"[{"a":1,"b":2},{"b":3,"a":4}]"#),
        (#"[{"a":1,"b":2},{},{"a":5,"b":6}]"#, #"[{"a":1,"b":2},{},{"a":5,"b":6}]"#),
        (#"[{a:1,'b':2},{"a":3,b:4}]"#, #"[{"a":1,"b":2},{"a":3,"b":4}]"#),
        (#"[{"a\u0062":1},{"ab":2},{"a\u0062":3}]"#, #"[{"ab":1},{"ab":2},{"ab":3}]"#),
        (
            #"[{"id":1,"tags":{"x":1,"y":2}},{"id":2,"tags":{"y":3,"x":4}},{"id":3,"tags":{"x":5,"y":6}}]"#,
            #"[{"id":1,"tags":{"x":1,"y":2}},{"id":2,"tags":{"y":3,"x":4}},{"id":3,"tags":{"x":5,"y":6}}]"#
        ),
        (#"{"a":{"b":1},"c":[{"b":2},{"d":3}],"e":{"b":4}}"#, #"{"a":{"b":1},"c":[{"b":2},{"d":3}],"e":{"b":4}}"#),
        (#"[[{"k":1}],[{"k":2}]]"#, #"[[{"k":1}],[{"k":2}]]"#),
        (
            #"[{"aKeyLongerThanSixteenBytes":1,"b":2},{"aKeyLongerThanSixteenBytes":3,"b":4}]"#,
            #"[{"aKeyLongerThanSixteenBytes":1,"b":2},{"aKeyLongerThanSixteenBytes":3,"b":4}]"#
        ),
    ])
    func records(body: String, expected: String) throws {
        #expect(try JSONValue.parse(body).jsonText == expected)
    }

    /// Past eight keys an object keeps a key index; a record that repeats them shares it.
    @Test("wide records: repeats, a late duplicate, lookups")
    func wideRecords() throws {
        let keys = (0..<10).map { "k\($0)" }
        func record(_ base: Int, extra: String = "") -> String {
            "{" + keys.enumerated().map { "\"\($1)\":\(base + $0)" }.joined(separator: ",") + extra + "}"
        }
        let body = "[" + [record(0), record(10), record(20, extra: #","k3":99,"k10":100"#), record(30)].joined(separator: ",") + "]"
        guard case .array(let records) = try JSONValue.parse(body) else { Issue.record("not an array"); return }
        let objects = records.compactMap { value -> JSONObject? in
            if case .object(let object) = value { return object }
            return nil
        }
        #expect(objects.count == 4)
        #expect(objects[0].keys == keys && objects[1].keys == keys && objects[3].keys == keys)
        #expect(objects[2].keys == keys + ["k10"])
        #expect(objects[1]["k7"] == .integer(17))
        #expect(objects[2]["k3"] == .integer(99))
        #expect(objects[2]["k10"] == .integer(100))
        #expect(objects[3]["k9"] == .integer(39))
        #expect(objects[3]["k10"] == nil)
    }

    /// Canonically equivalent keys are two keys, as Java's `String.equals` has it; each object keeps its own spelling.
    @Test("a record spelling a key differently keeps its own bytes")
    func equivalentSpellings() throws {
        let precomposed = "\u{E9}"
        let decomposed = "e\u{301}"
        let body = #"[{""# + precomposed + #"":1,"x":2},{""# + decomposed + #"":3,"x":4}]"#
        guard case .array(let records) = try JSONValue.parse(body),
              case .object(let first) = records[0], case .object(let second) = records[1]
        else { Issue.record("not two objects"); return }
        #expect(Array(first.keys[0].utf8) == Array(precomposed.utf8))
        #expect(Array(second.keys[0].utf8) == Array(decomposed.utf8))
        #expect(second.values == [.integer(3), .integer(4)])
        #expect(first[decomposed] == nil && second[precomposed] == nil)
    }

    /// json-smart's `LinkedHashMap` compares keys with `String.equals`: the oracle prints
    /// `{é=3, é=2}` for `{"é":1,"e\u{301}":2,"é":3}` (Fixtures/language/input/input-json-keys-byte-exact).
    @Test("keys that are canonically equivalent but spelled differently are two keys")
    func equivalentKeysStayApart() throws {
        let text = "{\"\u{E9}\":1,\"e\u{301}\":2,\"\u{E9}\":3}"
        guard case .object(let object) = try JSONValue.parse(text) else { Issue.record("not an object"); return }
        #expect(object.keys.map { Array($0.utf8) } == [Array("\u{E9}".utf8), Array("e\u{301}".utf8)])
        #expect(object["\u{E9}"] == .integer(3))
        #expect(object["e\u{301}"] == .integer(2))
        #expect(JSONValue.string("\u{E9}") != JSONValue.string("e\u{301}"))
        // Past the indexed size, the key index agrees.
        var large = object
        for number in 0..<20 { large["k\(number)"] = .integer(number) }
        #expect(large["e\u{301}"] == .integer(2))
        large["e\u{301}"] = 5
        #expect(large["\u{E9}"] == .integer(3) && large.count == 22)
    }

    @Test("changing one parsed record leaves the others alone")
    func independentRecords() throws {
        let keys = (0..<10).map { "k\($0)" }
        let record = "{" + keys.map { "\"\($0)\":0" }.joined(separator: ",") + "}"
        guard case .array(let records) = try JSONValue.parse("[\(record),\(record)]"),
              case .object(var first) = records[0], case .object(let second) = records[1]
        else { Issue.record("not two objects"); return }
        first["new"] = 1
        first.removeValue(forKey: "k0")
        #expect(first.keys == Array(keys.dropFirst()) + ["new"])
        #expect(first["k5"] == .integer(0) && first["new"] == .integer(1) && first["k0"] == nil)
        #expect(second.keys == keys)
        #expect(second["k0"] == .integer(0) && second["new"] == nil)
    }
}
