import Testing
import YAML

@Suite("Block scalars")
struct BlockScalarTests {
    @Test("literal-keeps-lines-and-clips-the-final-break")
    func literal() throws {
        #expect(try shape("a: |\n  line1\n   indented\n\n  line3\n\n\nb: 1\n") == ["a": "line1\n indented\n\nline3\n", "b": "1"])
    }

    @Test("literal-strip-drops-final-breaks")
    func strip() throws {
        #expect(try shape("a: |-\n  x\n  y\n\n\nb: 1\n") == ["a": "x\ny", "b": "1"])
    }

    @Test("literal-keep-keeps-trailing-blank-lines")
    func keep() throws {
        #expect(try shape("a: |+\n  x\n  y\n\n\nb: 1\n") == ["a": "x\ny\n\n\n", "b": "1"])
    }

    @Test("chomping-at-end-of-input-without-newline")
    func chompingAtEnd() throws {
        #expect(try shape("a: |+\n  x") == ["a": "x"])
        #expect(try shape("a: |\n  x") == ["a": "x"])
        #expect(try shape("a: |\n  x\n") == ["a": "x\n"])
    }

    @Test("folded-joins-lines-but-keeps-more-indented-ones")
    func folded() throws {
        #expect(try shape("a: >\n  one\n  two\n\n  three\n    more\n  four\nb: >-\n  x\n  y\n")
            == ["a": "one two\nthree\n  more\nfour\n", "b": "x y"])
    }

    @Test("explicit-indentation-indicator-keeps-leading-spaces")
    func indentationIndicator() throws {
        #expect(try shape("a: |2-\n    indented\n  normal\n") == ["a": "  indented\nnormal"])
        #expect(try shape("a: |-2\n    indented\n") == ["a": "  indented"])
    }

    @Test("header-may-carry-a-comment")
    func headerComment() throws {
        #expect(try shape("a: | # the template\n  x\n") == ["a": "x\n"])
    }

    @Test("spaces-beyond-the-indentation-on-a-blank-looking-line-are-content")
    func whitespaceLine() throws {
        // A real Serverless template has such a line inside a VTL body; YAML keeps the extra spaces.
        #expect(try shape("a: |\n  {\n    \n  }\n") == ["a": "{\n  \n}\n"])
    }

    @Test("vtl-template-survives-exactly")
    func vtlTemplate() throws {
        let text = """
            RequestTemplates:
              application/json: |
                #set($limit = $input.params('limit'))
                {
                  "TableName": "todos",
                  #if($limit && $limit.length() > 0)
                    "Limit": $limit
                  #end
                }
            Next: x
            """
        let root = try YAML.parse(text)
        #expect(root["RequestTemplates"]?["application/json"]?.string == """
            #set($limit = $input.params('limit'))
            {
              "TableName": "todos",
              #if($limit && $limit.length() > 0)
                "Limit": $limit
              #end
            }

            """)
        #expect(root["RequestTemplates"]?["application/json"]?.scalarStyle == .literal)
    }

    @Test("tag-on-its-own-line-before-a-block-scalar")
    func tagThenBlockScalar() throws {
        // From a SAM template: "!Sub" alone, then "|-" on the next line, indented further.
        #expect(try shape("application/json:\n  !Sub\n    |-\n      {\n        \"a\": \"${B}\"\n      }\n")
            == ["application/json": .tagged("!Sub", "{\n  \"a\": \"${B}\"\n}")])
    }

    @Test("block-scalar-in-a-sequence")
    func inSequence() throws {
        #expect(try shape("- |\n  a\n  b\n- >\n  c\n  d\n") == ["a\nb\n", "c d\n"])
    }

    @Test("empty-block-scalar")
    func emptyBlockScalar() throws {
        #expect(try shape("a: |\nb: 1\n") == ["a": "", "b": "1"])
    }
}
