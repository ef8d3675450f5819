import Testing
import YAML

@Suite("Anchors, aliases and merge keys")
struct AnchorAndMergeTests {
    @Test("alias-yields-a-copy-of-the-anchored-node")
    func alias() throws {
        #expect(try shape("base: &b\n  x: 1\nref: *b\nlist: &l [1, 2]\nl2: *l\ns: &s text\nt: *s\n")
            == ["base": ["x": "1"], "ref": ["x": "1"], "list": ["1", "2"], "l2": ["1", "2"], "s": "text", "t": "text"])
    }

    @Test("alias-copy-is-located-at-the-alias")
    func aliasLocation() throws {
        let root = try YAML.parse("a: &x {k: v}\nb: *x\n")
        #expect(root["b"]?.location == YAMLLocation(line: 2, column: 4))
        #expect(root["b"]?["k"]?.location == YAMLLocation(line: 1, column: 11))
    }

    @Test("anchor-may-be-redefined")
    func redefinedAnchor() throws {
        #expect(try shape("- &a 1\n- *a\n- &a 2\n- *a\n") == ["1", "1", "2", "2"])
    }

    @Test("merge-key-applies-the-anchored-mapping")
    func merge() throws {
        let text = """
            defaults: &defaults
              Runtime: nodejs20.x
              Timeout: 30
            Function:
              <<: *defaults
              Timeout: 60
              Handler: index.handler
            """
        let root = try YAML.parse(text)
        // Merged keys take the place of "<<"; keys written in the mapping win.
        #expect(Shape(root["Function"]!) == ["Runtime": "nodejs20.x", "Timeout": "60", "Handler": "index.handler"])
    }

    @Test("merge-list-earlier-mappings-win")
    func mergeList() throws {
        #expect(try shape("a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*a, *b]\n")["c"]
            == ["x": "1", "y": "1", "z": "2"])
    }

    @Test("quoted-merge-key-is-an-ordinary-key")
    func quotedMergeKey() throws {
        #expect(try shape("'<<': 1\n") == ["<<": "1"])
    }
}

extension Shape {
    /// The value of `key` in a mapping shape, for tests that look at one part.
    subscript(key: String) -> Shape? {
        guard case .mapping(let pairs) = self else { return nil }
        return pairs.first { $0.key == .scalar(key) }?.value
    }
}
