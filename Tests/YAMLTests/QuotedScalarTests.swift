import Testing
import YAML

@Suite("Quoted scalars")
struct QuotedScalarTests {
    @Test("single-quoted-doubles-its-quote")
    func singleQuoteEscape() throws {
        // From a Serverless file: a header value that must itself contain quotes.
        #expect(try shape("h: '''application/x-www-form-urlencoded'''\n") == ["h": "'application/x-www-form-urlencoded'"])
    }

    @Test("single-quoted-keeps-backslashes")
    func singleQuotedBackslash() throws {
        #expect(try shape(#"p: '5\d{2}'"#) == ["p": #"5\d{2}"#])
    }

    @Test("single-quoted-folds-lines")
    func singleQuotedFolding() throws {
        #expect(try shape("a: 'it''s\n  folded\n\n  here'\n") == ["a": "it's folded\nhere"])
    }

    @Test("double-quoted-escapes")
    func escapes() throws {
        let text = #"a: "\n\t\"\\\/\x41\u00e9\U0001F600\0\a\b\v\f\r\e\ \N\_\L\P""#
        let expected = "\n\t\"\\/Aé😀\0\u{07}\u{08}\u{0B}\u{0C}\r\u{1B} \u{85}\u{A0}\u{2028}\u{2029}"
        #expect(try shape(text) == ["a": .scalar(expected)])
    }

    @Test("double-quoted-surrogate-pair-as-json-writes-it")
    func surrogatePair() throws {
        #expect(try shape(#"a: "\ud83d\ude00""#) == ["a": "😀"])
    }

    @Test("double-quoted-folds-lines-and-joins-escaped-breaks")
    func doubleQuotedFolding() throws {
        #expect(try shape("a: \"fold\n   ed \\\n   joined\"\nb: \"x\n\n  y\"\n") == ["a": "fold ed joined", "b": "x\ny"])
    }

    @Test("velocity-template-in-double-quotes")
    func templateInQuotes() throws {
        // From an OpenAPI file: a whole mapping template on one quoted line with \n.
        let text = ##"t: "#set($inputRoot = $input.path('$'))\nAction=Publish&Message=$util.parseJson($input.json('$.Message'))""##
        #expect(try shape(text) == ["t": "#set($inputRoot = $input.path('$'))\nAction=Publish&Message=$util.parseJson($input.json('$.Message'))"])
    }

    @Test("empty-quoted-scalars")
    func empty() throws {
        let root = try YAML.parse("a: ''\nb: \"\"\n")
        #expect(root["a"]?.string == "")
        #expect(root["a"]?.isNull == false)
        #expect(root["b"]?.scalarValue == .string(""))
    }
}
