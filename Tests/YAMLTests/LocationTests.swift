import Testing
import YAML

@Suite("Source locations")
struct LocationTests {
    @Test("every-node-knows-its-line-and-column")
    func locations() throws {
        let text = """
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Tags: [a, {k: v}]
                Arn: !GetAtt Queue.Arn
                List:
                  - one
            """
        let root = try YAML.parse(text)
        let queue = try #require(root["Resources"]?["Queue"])
        #expect(root.location == YAMLLocation(line: 1, column: 1))
        #expect(queue.location == YAMLLocation(line: 3, column: 5))
        #expect(queue.mapping?.first?.key.location == YAMLLocation(line: 3, column: 5))
        #expect(queue["Type"]?.location == YAMLLocation(line: 3, column: 11))
        #expect(queue["Tags"]?.location == YAMLLocation(line: 4, column: 11))
        #expect(queue["Tags"]?[1]?["k"]?.location == YAMLLocation(line: 4, column: 19))
        // A tagged node starts at its tag.
        #expect(queue["Arn"]?.location == YAMLLocation(line: 5, column: 10))
        #expect(queue["List"]?.location == YAMLLocation(line: 7, column: 7))
        #expect(queue["List"]?[0]?.location == YAMLLocation(line: 7, column: 9))
    }

    @Test("columns-count-characters-not-bytes")
    func unicodeColumns() throws {
        let root = try YAML.parse("ключ: значение\n")
        #expect(root["ключ"]?.location == YAMLLocation(line: 1, column: 7))
    }

    @Test("equality-ignores-locations")
    func equalityIgnoresLocation() throws {
        let a = try YAML.parse("x: 1")
        let b = try YAML.parse("\n\n   x: 1")
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a.location != b.location)
    }
}
