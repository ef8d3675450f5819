import Testing
import YAML

@Suite("Flow collections")
struct FlowCollectionTests {
    @Test("flow-mapping-and-sequence-nest")
    func nested() throws {
        #expect(try shape("{a: 1, b: [x, y, {c: d}], 'e': \"f\"}") == ["a": "1", "b": ["x", "y", ["c": "d"]], "e": "f"])
    }

    @Test("empty-flow-collections")
    func empty() throws {
        #expect(try shape("a: []\nb: {}\nc: [ ]\n") == ["a": [], "b": [:], "c": []])
    }

    @Test("trailing-comma-is-allowed")
    func trailingComma() throws {
        #expect(try shape("[a, b, ]") == ["a", "b"])
        #expect(try shape("{a: 1,}") == ["a": "1"])
    }

    @Test("flow-collections-span-lines")
    func multiLine() throws {
        #expect(try shape("a: [one,\n  two, # a comment\n  three]\nb: {k: v,\n  k2: v2}\n")
            == ["a": ["one", "two", "three"], "b": ["k": "v", "k2": "v2"]])
    }

    @Test("json-is-yaml")
    func json() throws {
        let text = #"{"a":1,"b" :[true,false,null],"c":{"d":"e\u00e9\/"},"f":[{"g":[]}]}"#
        #expect(try shape(text) == ["a": "1", "b": ["true", "false", "null"], "c": ["d": "eé/"], "f": [["g": []]]])
    }

    @Test("json-indented-with-tabs")
    func jsonWithTabs() throws {
        // Tabs may not indent block YAML, but inside braces they are only separation.
        #expect(try shape("{\n\t\"a\": [\n\t\t1\n\t]\n}\n") == ["a": ["1"]])
    }

    @Test("colons-inside-flow-plain-scalars-stay-text")
    func colonsInFlow() throws {
        #expect(try shape("[http://example.com:80/x, arn:aws:s3:::b]") == ["http://example.com:80/x", "arn:aws:s3:::b"])
    }

    @Test("single-pair-mapping-inside-flow-sequence")
    func flowPair() throws {
        #expect(try shape("[a: 1, b, c: ]") == [["a": "1"], "b", ["c": ""]])
    }

    @Test("keys-without-values-in-flow-mapping")
    func keysWithoutValues() throws {
        #expect(try shape("{a, b: 2, c}") == ["a": "", "b": "2", "c": ""])
    }

    @Test("flow-mapping-in-block-sequence-with-tags")
    func flowInBlock() throws {
        // The shape of a Step Functions DefinitionString substitution map.
        #expect(try shape("- {lambdaArn: !GetAtt [ HelloWorldLambda, Arn ]}\n")
            == [["lambdaArn": .tagged("!GetAtt", ["HelloWorldLambda", "Arn"])]])
    }
}
