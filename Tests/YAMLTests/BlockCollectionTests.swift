import Testing
import YAML

@Suite("Block collections")
struct BlockCollectionTests {
    @Test("mapping-keeps-key-order")
    func mappingKeepsKeyOrder() throws {
        let root = try YAML.parse("zebra: 1\napple: 2\nmango: 3\n")
        #expect(root.keys == ["zebra", "apple", "mango"])
    }

    @Test("mapping-nests-by-indentation")
    func nestedMappings() throws {
        #expect(try shape("a:\n  b:\n    c: d\n  e: f\ng: h\n") == ["a": ["b": ["c": "d"], "e": "f"], "g": "h"])
    }

    @Test("sequence-of-scalars")
    func sequenceOfScalars() throws {
        #expect(try shape("- a\n- b\n- c\n") == ["a", "b", "c"])
    }

    @Test("sequence-as-mapping-value-at-the-key's-indentation")
    func indentlessSequence() throws {
        // CloudFormation templates write lists both ways; both mean the same.
        #expect(try shape("Action:\n- sqs:SendMessage\n- sqs:GetQueueUrl\nEffect: Allow\n")
            == ["Action": ["sqs:SendMessage", "sqs:GetQueueUrl"], "Effect": "Allow"])
        #expect(try shape("Action:\n  - sqs:SendMessage\nEffect: Allow\n")
            == ["Action": ["sqs:SendMessage"], "Effect": "Allow"])
    }

    @Test("compact-mapping-in-sequence-item")
    func compactNestedMapping() throws {
        let text = """
            Statement:
              - Effect: Allow
                Principal:
                  Service:
                    - apigateway.amazonaws.com
                Action: sts:AssumeRole
              - Effect: Deny
            """
        #expect(try shape(text) == [
            "Statement": [
                ["Effect": "Allow", "Principal": ["Service": ["apigateway.amazonaws.com"]], "Action": "sts:AssumeRole"],
                ["Effect": "Deny"],
            ],
        ])
    }

    @Test("sequence-of-sequences-on-one-line")
    func nestedSequencesCompact() throws {
        #expect(try shape("- - a\n  - b\n- - c\n") == [["a", "b"], ["c"]])
    }

    @Test("sequence-item-on-its-own-line-followed-by-mapping")
    func dashAloneThenMapping() throws {
        // From a SAM template: "- " with trailing space, the mapping on the next lines.
        #expect(try shape("Statement:\n  - \n    Effect: \"Allow\"\n    Resource: \"*\"\n")
            == ["Statement": [["Effect": "Allow", "Resource": "*"]]])
    }

    @Test("empty-values-are-empty-plain-scalars")
    func emptyValues() throws {
        let root = try YAML.parse("a:\nb:\n- \n-\n")
        #expect(Shape(root) == ["a": "", "b": ["", ""]])
        #expect(root["a"]?.isNull == true)
        #expect(root["a"]?.scalarStyle == .plain)
    }

    @Test("keys-may-contain-spaces-and-be-quoted")
    func unusualKeys() throws {
        #expect(try shape("Validate body, query string: 1\n'integration.request.header.Content-Type': 2\n\"200\": 3\n")
            == ["Validate body, query string": "1", "integration.request.header.Content-Type": "2", "200": "3"])
    }

    @Test("space-before-the-colon-of-a-key")
    func spaceBeforeColon() throws {
        #expect(try shape("AWSTemplateFormatVersion : '2010-09-09'\n") == ["AWSTemplateFormatVersion": "2010-09-09"])
    }

    @Test("deeper-indentation-in-one-child-is-fine")
    func unevenIndentation() throws {
        // Serverless files often mix 2- and 4-space blocks; only alignment among siblings matters.
        #expect(try shape("a:\n    b: 1\n    c: 2\nd:\n  e: 3\n") == ["a": ["b": "1", "c": "2"], "d": ["e": "3"]])
    }

    @Test("explicit-key-with-question-mark")
    func explicitKey() throws {
        #expect(try shape("? complex key\n: value\n") == ["complex key": "value"])
    }
}
