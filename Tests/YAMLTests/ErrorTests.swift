import Testing
import YAML

/// Every error kind, with the line and column it points at.
@Suite("Errors")
struct ErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var kind: YAMLError.Kind
        var line: Int
        var column: Int
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "bad-indentation-between-two-blocks", yaml: "a:\n  b: 1\n c: 2\n", kind: .badIndentation, line: 3, column: 2),
        Case(name: "continuation-line-indented-too-deep", yaml: "a:\n  b: 1\n   c: 2\n", kind: .badIndentation, line: 3, column: 5),
        Case(name: "tab-used-for-indentation", yaml: "a:\n\tb: 1\n", kind: .tabIndentation, line: 2, column: 1),
        Case(name: "tab-after-spaces-in-indentation", yaml: "a:\n  \tb: 1\n", kind: .tabIndentation, line: 2, column: 3),
        Case(name: "unterminated-double-quote", yaml: "a: 1\nb: \"abc\nc: 2\n", kind: .unterminated, line: 2, column: 4),
        Case(name: "unterminated-single-quote", yaml: "a: 'abc\n", kind: .unterminated, line: 1, column: 4),
        Case(name: "document-marker-inside-quotes", yaml: "a: \"x\n---\ny\"\n", kind: .unterminated, line: 1, column: 4),
        Case(name: "unterminated-flow-sequence", yaml: "a: [1, 2\n", kind: .unterminated, line: 1, column: 4),
        Case(name: "unterminated-flow-mapping", yaml: "a:\n  b: {x: 1,\n     y: [2]\n", kind: .unterminated, line: 2, column: 6),
        Case(name: "unknown-alias", yaml: "a: 1\nb: *nope\n", kind: .unknownAlias, line: 2, column: 4),
        Case(name: "alias-inside-its-own-anchor", yaml: "a: &x [*x]\n", kind: .unknownAlias, line: 1, column: 8),
        Case(name: "duplicate-key", yaml: "a: 1\nb: 2\na: 3\n", kind: .duplicateKey, line: 3, column: 1),
        Case(name: "duplicate-key-quoted-and-plain", yaml: "Type: 1\n'Type': 2\n", kind: .duplicateKey, line: 2, column: 1),
        Case(name: "duplicate-key-in-flow-mapping", yaml: "{a: 1, a: 2}", kind: .duplicateKey, line: 1, column: 8),
        Case(name: "mapping-key-among-sequence-items", yaml: "- a\nb: 1\n", kind: .invalidSyntax, line: 2, column: 1),
        Case(name: "sequence-item-among-mapping-keys", yaml: "a: 1\n- b\n", kind: .invalidSyntax, line: 2, column: 1),
        Case(name: "second-colon-on-a-line", yaml: "a: b: c\n", kind: .invalidSyntax, line: 1, column: 5),
        Case(name: "line-without-colon-in-mapping", yaml: "a: 1\nb\nc: 2\n", kind: .invalidSyntax, line: 2, column: 1),
        Case(name: "unknown-escape", yaml: "a: \"\\q\"\n", kind: .invalidEscape, line: 1, column: 5),
        Case(name: "short-unicode-escape", yaml: "a: \"\\u12\"\n", kind: .invalidEscape, line: 1, column: 5),
        Case(name: "lone-surrogate-escape", yaml: "a: \"x\\ud800\"\n", kind: .invalidEscape, line: 1, column: 6),
        Case(name: "merge-of-a-scalar", yaml: "a: &x 1\nb:\n  <<: *x\n", kind: .invalidMerge, line: 3, column: 7),
        Case(name: "stray-closing-bracket", yaml: "a: ]\n", kind: .invalidSyntax, line: 1, column: 4),
        Case(name: "content-after-the-root", yaml: "[a] b\n", kind: .invalidSyntax, line: 1, column: 5),
        Case(name: "two-anchors-on-one-node", yaml: "a: &x &y 1\n", kind: .invalidSyntax, line: 1, column: 7),
        Case(name: "reserved-indicator", yaml: "a: @x\n", kind: .invalidSyntax, line: 1, column: 4),
        Case(name: "bad-block-scalar-header", yaml: "a: |x\n  y\n", kind: .invalidSyntax, line: 1, column: 5),
        Case(name: "sequence-item-after-a-value", yaml: "a: - b\n", kind: .invalidSyntax, line: 1, column: 4),
        Case(name: "missing-comma-in-flow", yaml: "[a b: c d: e]", kind: .invalidSyntax, line: 1, column: 10),
        Case(name: "undeclared-tag-handle", yaml: "a: !x!y z\n", kind: .invalidSyntax, line: 1, column: 4),
        Case(name: "nul-character", yaml: "a: b\u{0}c\n", kind: .invalidSyntax, line: 1, column: 5),
        Case(name: "deeply-nested-flow", yaml: String(repeating: "[", count: 10_000), kind: .nestingTooDeep, line: 1, column: 513),
    ]

    @Test("error-kind-and-location", arguments: cases)
    func errorLocation(_ testCase: Case) throws {
        let error = try #require(parseError(testCase.yaml))
        #expect(error.kind == testCase.kind, "\(error)")
        #expect(error.line == testCase.line, "\(error)")
        #expect(error.column == testCase.column, "\(error)")
    }

    @Test("duplicate-key-names-both-locations")
    func duplicateKeyBothLocations() throws {
        let error = try #require(parseError("Resources:\n  Api: 1\n  Api: 2\n"))
        #expect(error.location == YAMLLocation(line: 3, column: 3))
        #expect(error.relatedLocation == YAMLLocation(line: 2, column: 3))
        #expect(error.message == "duplicate key 'Api'; it was first defined at line 2, column 3")
    }

    @Test("description-reads-like-a-compiler-diagnostic")
    func description() throws {
        let error = try #require(parseError("a: 1\nb: *nope\n", fileName: "template.yaml"))
        #expect(error.description == "template.yaml:2:4: error: unknown alias '*nope': no '&nope' earlier in this document")
        #expect(error.diagnostic == """
            template.yaml:2:4: error: unknown alias '*nope': no '&nope' earlier in this document
            b: *nope
               ^
            """)
    }

    @Test("unterminated-quote-points-at-the-opening-quote")
    func unterminatedMessage() throws {
        let error = try #require(parseError("a: \"abc\n"))
        #expect(error.message == "unterminated quoted scalar: no closing \" for the quote that opens here")
    }
}
