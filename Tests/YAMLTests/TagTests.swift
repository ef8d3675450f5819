import Testing
import YAML

@Suite("Tags")
struct TagTests {
    @Test("cloudformation-short-forms-stay-on-their-nodes", arguments: [
        "!Sub", "!Ref", "!GetAtt", "!Join", "!If", "!Select", "!FindInMap", "!Equals", "!Not", "!And", "!Or",
        "!Condition", "!Base64", "!Split", "!ImportValue", "!GetAZs", "!Cidr", "!Transform",
    ])
    func localTag(tag: String) throws {
        let root = try YAML.parse("a: \(tag) value\n")
        #expect(root["a"]?.tag == tag)
        #expect(root["a"]?.string == "value")
    }

    @Test("tag-on-scalar-sequence-and-mapping")
    func tagKinds() throws {
        let text = """
            a: !GetAtt Res.Attr
            b: !If [cond, a, b]
            c: !Join
              - ''
              - - 'arn:aws:apigateway:'
                - !Ref 'AWS::Region'
            d: !Transform {Name: AWS::Include}
            e: !Sub
              - "${x}"
              - {x: !Ref y}
            f: !GetAZs
            """
        #expect(try shape(text) == [
            "a": .tagged("!GetAtt", "Res.Attr"),
            "b": .tagged("!If", ["cond", "a", "b"]),
            "c": .tagged("!Join", ["", ["arn:aws:apigateway:", .tagged("!Ref", "AWS::Region")]]),
            "d": .tagged("!Transform", ["Name": "AWS::Include"]),
            "e": .tagged("!Sub", ["${x}", ["x": .tagged("!Ref", "y")]]),
            "f": .tagged("!GetAZs", ""),
        ])
        // An empty tagged value is not null: the tag gives it meaning (!GetAZs '' is the current region).
        #expect(try YAML.parse(text)["f"]?.isNull == false)
    }

    @Test("tags-nest-inside-flow-collections")
    func nestedInFlow() throws {
        #expect(try shape("x: !Join [ '.', [ !GetAtt A.Name, 'gklt' ] ]\n")
            == ["x": .tagged("!Join", [".", [.tagged("!GetAtt", "A.Name"), "gklt"]])])
        #expect(try shape("c: !Equals [ !Ref LoadSampleData, \"Yes\" ]\n")
            == ["c": .tagged("!Equals", [.tagged("!Ref", "LoadSampleData"), "Yes"])])
    }

    @Test("standard-tags-are-expanded")
    func standardTags() throws {
        let root = try YAML.parse("a: !!str 123\nb: !!int \"7\"\nc: !<tag:example.com:x> v\nd: ! 12\n")
        #expect(root["a"]?.tag == "tag:yaml.org,2002:str")
        #expect(root["a"]?.scalarValue == .string("123"))
        #expect(root["b"]?.scalarValue == .int(7))
        #expect(root["c"]?.tag == "tag:example.com:x")
        #expect(root["d"]?.tag == "!")
        #expect(root["d"]?.scalarValue == .string("12"))
    }

    @Test("tag-and-anchor-in-either-order")
    func tagAndAnchor() throws {
        #expect(try shape("a: !Ref &x Name\nb: &y !Ref Other\nc: *x\nd: *y\n") == [
            "a": .tagged("!Ref", "Name"), "b": .tagged("!Ref", "Other"),
            "c": .tagged("!Ref", "Name"), "d": .tagged("!Ref", "Other"),
        ])
    }
}
