import Testing
import YAML

@Suite("Plain scalars")
struct PlainScalarTests {
    @Test("plain-scalar-keeps-inner-colons-and-hashes")
    func innerIndicators() throws {
        #expect(try shape("uri: arn:aws:apigateway:${AWS::Region}:sns:path//\nt: a#b\nc: x # comment\n")
            == ["uri": "arn:aws:apigateway:${AWS::Region}:sns:path//", "t": "a#b", "c": "x"])
    }

    @Test("multi-line-plain-scalar-folds-lines")
    func folding() throws {
        // One line break becomes a space; a blank line becomes a line break.
        #expect(try shape("a: this is\n  a multi\n\n  line plain\nb: x\n") == ["a": "this is a multi\nline plain", "b": "x"])
    }

    @Test("serverless-variables-with-commas-and-quotes")
    func serverlessVariables() throws {
        #expect(try shape("stage: ${opt:stage, 'dev'} # comment\n") == ["stage": "${opt:stage, 'dev'}"])
    }

    @Test("leading-dash-colon-or-question-mark-without-space")
    func indicatorLikeStarts() throws {
        #expect(try shape("- -1\n- :sqs:path/\n- ?x\n") == ["-1", ":sqs:path/", "?x"])
    }

    @Test("trailing-spaces-are-not-part-of-the-value")
    func trailingSpaces() throws {
        #expect(try shape("Type: AWS::SQS::Queue   \nName: x\t\n") == ["Type": "AWS::SQS::Queue", "Name": "x"])
    }

    @Test("plain-scalar-is-flagged-plain")
    func style() throws {
        let root = try YAML.parse("a: 1\nb: '1'\nc: \"1\"\n")
        #expect(root["a"]?.scalarStyle == .plain)
        #expect(root["b"]?.scalarStyle == .singleQuoted)
        #expect(root["c"]?.scalarStyle == .doubleQuoted)
        #expect(root["a"]?.scalarStyle?.isPlain == true)
        #expect(root["c"]?.scalarStyle?.isPlain == false)
    }

    @Test("non-ascii-text")
    func unicode() throws {
        #expect(try shape("ключ: значение\nemoji: 😀 x\n") == ["ключ": "значение", "emoji": "😀 x"])
    }
}
