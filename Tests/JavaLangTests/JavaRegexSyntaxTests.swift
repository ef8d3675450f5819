// Expected values: java.util.regex.Pattern's documentation (predefined and POSIX character
// classes are US-ASCII unless UNICODE_CHARACTER_CLASS is set; a '[' inside a class starts a
// nested class). Behaviour checked against the Velocity oracle in
// Fixtures/language/string-methods/string-regex-classes-are-ascii.
import JavaLang
import Testing

@Suite("Java regex syntax for ICU")
struct JavaRegexSyntaxTests {
    @Test("rewrites", arguments: [
        ("abc", "abc"), (#"\w+"#, "[a-zA-Z_0-9]+"), (#"[\d-]"#, "[[0-9]-]"), (#"\S"#, #"[^ \t\n\x{0B}\f\r]"#),
        (#"\p{Alpha}\P{Digit}\p{L}"#, #"[a-zA-Z][^0-9]\p{L}"#), ("[[:alpha:]]", #"[[\:alpha:]]"#), ("a:b", "a:b"),
        (#"\Q\w[:\E\w"#, #"\Q\w[:\E[a-zA-Z_0-9]"#), (#"\\w"#, #"\\w"#), (#"\p{Unknown}"#, #"\p{Unknown}"#),
    ])
    func rewrite(java: String, icu: String) {
        #expect(JavaRegexSyntax.icuPattern(java) == icu)
    }
}
