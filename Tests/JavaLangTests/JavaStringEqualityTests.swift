// Expected values: Java's String.equals compares UTF-16 code units; equalsIgnoreCase one
// character at a time (Fixtures/language/string-methods/string-equalsignorecase-per-unit has
// the oracle's answers for the case-mapping edge cases).
import JavaLang
import Testing

@Suite("Java string equality")
struct JavaStringEqualityTests {
    @Test("equal only byte for byte: canonical equivalents and reordered marks differ")
    func exactEquality() {
        #expect("abc".javaEquals("abc"))
        #expect("".javaEquals(""))
        #expect(!"\u{E9}".javaEquals("e\u{301}"))
        #expect(!"a\u{301}\u{316}".javaEquals("a\u{316}\u{301}"))
        #expect("a\u{301}\u{316}" == "a\u{316}\u{301}", "Swift's == calls these equal, which is why javaEquals exists")
        #expect(String(repeating: "x", count: 100).javaEquals(String(repeating: "x", count: 100)))
    }

    @Test("a key hashes and compares by its bytes, so a set keeps both spellings")
    func keys() {
        let keys: Set<JavaStringKey> = [JavaStringKey("\u{E9}"), JavaStringKey("e\u{301}"), JavaStringKey("\u{E9}")]
        #expect(keys.count == 2)
        #expect(Set(["\u{E9}", "e\u{301}"]).count == 1)
    }

    @Test("equalsIgnoreCase maps one character at a time", arguments: [
        ("straße", "STRASSE", false), ("Straße", "STRAßE", true), ("\u{130}", "i", true), ("\u{131}", "I", true),
        ("\u{FB00}", "FF", false), ("\u{10400}", "\u{10428}", true), ("é", "É", true), ("é", "E\u{301}", false),
    ])
    func ignoringCase(_ lhs: String, _ rhs: String, _ expected: Bool) {
        #expect(lhs.javaEqualsIgnoringCase(rhs) == expected)
    }
}
