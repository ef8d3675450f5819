import Testing
import YAML

@Suite("Comments and documents")
struct DocumentTests {
    @Test("comments-anywhere-whitespace-allows")
    func comments() throws {
        let text = """
            # header
            Resources:   # trailing
              ###################################################
              ## API Gateway
              ###################################################
              Api: x#not-a-comment
            # between
            Outputs: {a: 1, # inside flow
              b: 2}
            """
        #expect(try shape(text) == ["Resources": ["Api": "x#not-a-comment"], "Outputs": ["a": "1", "b": "2"]])
    }

    @Test("parse-takes-the-first-document")
    func firstDocument() throws {
        #expect(try shape("---\na: 1\n---\nb: 2\n") == ["a": "1"])
    }

    @Test("parseAll-returns-every-document")
    func allDocuments() throws {
        let documents = try YAML.parseAll("%YAML 1.2\n---\na: 1\n...\n---\nb: 2\n...\nc: 3\n")
        #expect(documents.map(Shape.init) == [["a": "1"], ["b": "2"], ["c": "3"]])
    }

    @Test("empty-documents")
    func emptyDocuments() throws {
        #expect(try YAML.parseAll("").isEmpty)
        #expect(try YAML.parseAll("# only a comment\n").isEmpty)
        #expect(try YAML.parse("").isNull)
        #expect(try YAML.parseAll("---\n---\na: 1\n").map(Shape.init) == ["", ["a": "1"]])
    }

    @Test("document-marker-with-content-on-the-same-line")
    func markerWithContent() throws {
        #expect(try shape("--- text\n") == "text")
        #expect(try shape("--- |\n  text\n") == "text\n")
    }

    @Test("line-breaks-crlf-and-byte-order-mark")
    func lineBreaksAndBOM() throws {
        #expect(try shape("\u{FEFF}a: 1\r\nb: |\r\n  x\r\n  y\r\n") == ["a": "1", "b": "x\ny\n"])
    }

    @Test("tag-directive-names-a-handle")
    func tagDirective() throws {
        let root = try YAML.parse("%TAG !aws! tag:amazonaws.com,2010:\n---\na: !aws!Ref x\n")
        #expect(root["a"]?.tag == "tag:amazonaws.com,2010:Ref")
    }
}
