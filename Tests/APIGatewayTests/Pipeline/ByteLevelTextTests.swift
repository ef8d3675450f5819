// The pipeline reads header names, form bodies, media types and mapping expressions in their
// UTF-8 bytes. Each must answer exactly what the `Character`- and Unicode-level code it stands
// for answers (Swift's own `split`, `firstIndex(of:)`, `lowercased()`, `==`); the expected
// values here are that code's answers, computed in the test or written out from it.
@testable import APIGateway
import Testing
import VTL

@Suite("Byte-level text handling")
struct ByteLevelTextTests {
    /// Texts with the cases bytes can get wrong: combining marks after a separator, a Prepend
    /// scalar before one, CR LF, ZWJ, flags, the Kelvin sign (which equals K).
    static let texts = ASCIISplittingTests.texts + [
        "Action=SendMessage&MessageBody=fish+%26+chips%21&x=%FF%C3",
        "a=1&\u{212A}=2&K=3&=&&=x=y", "\u{301}=a&b\u{301}=c&d=\u{301}e&%=%4&%zz=%4G",
        "?q=1/a/b?c", "https://host/a/b?x=/", "a\r\n?b", "?\u{301}?x",
    ]

    @Test("form bodies split and decode as the Character-level reader did", arguments: texts)
    func formBody(text: String) {
        let actual = SQSFormBody.parameters(text)
        let expected = Self.referenceFormParameters(text)
        #expect(actual.map(\.name) == expected.map(\.name))
        #expect(actual.map(\.value) == expected.map(\.value))
        #expect(actual.map(\.raw) == expected.map(\.raw))
        #expect(actual.map(\.note) == expected.map(\.note))
    }

    @Test("firstIndex(ofASCII:) finds what firstIndex(of:) finds", arguments: texts)
    func firstIndex(text: String) {
        for separator: Character in ["?", "/", "&", "=", "\n"] {
            #expect(text[...].firstIndex(ofASCII: separator) == text.firstIndex(of: separator), "\(separator)")
        }
    }

    @Test("header names compare as their lowercased forms do")
    func caseInsensitiveNames() {
        let names = ["Content-Type", "content-type", "CONTENT-TYPE", "Content-Typ", "Content-Typé", "x", "X", "", "K", "k", "\u{212A}",
                     "straße", "STRASSE", "İ", "i\u{307}", "I", "Accept", "accept ", "ÄB", "äb"]
        for first in names {
            for second in names {
                #expect(first.equalsIgnoringCase(second) == (first.lowercased() == second.lowercased()), "\(first) \(second)")
            }
        }
    }

    @Test("concatenating gives the joined text")
    func concatenation() {
        for parts in [[], [""], ["a", "", "é"], ["{\"x\":", "\u{1F600}", "}"], [String(repeating: "z", count: 100), "e\u{301}"]] {
            #expect(String.concatenating(parts) == parts.joined())
            #expect(Array(String.concatenating(parts).utf8) == Array(parts.joined().utf8))
        }
    }

    @Test("MD5 of parts is the MD5 of the parts joined, across block boundaries")
    func md5OfParts() {
        let long = String(repeating: "0123456789abcdef", count: 9)
        for cut in [0, 1, 55, 56, 63, 64, 65, 100, long.utf8.count] {
            let index = long.utf8.index(long.startIndex, offsetBy: cut)
            let parts = [String(long[..<index]), String(long[index...])]
            #expect(MD5.digest(utf8Of: parts) == MD5.digest(utf8Of: [long]), "\(cut)")
        }
        #expect(MD5.digest(utf8Of: ["message ", "", "digest"]).count == 16)
        #expect(MD5.hex("message digest") == "f96b697d7cb7938d525a2f31aaf161d0")
    }

    @Test("media types: the part before ';', trimmed and lower-cased")
    func mediaTypes() {
        for value in ["application/json", "Application/JSON", " application/json", "application/json\t", "text/plain; charset=UTF-8",
                      "", ";", " ; x", "a\u{301}/b", "application/json;\u{301}", "TEXT/ü"] {
            let reference = String(value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            #expect(TemplateSelection.mediaType(value) == reference.trimmingSpaces().lowercased(), "\(value)")
        }
    }

    @Test("request parameter targets are read in the bytes with Character rules")
    func requestTargets() {
        #expect(RequestParameterMapping.target("integration.request.header.X-Id")! == (.header, "X-Id"))
        #expect(RequestParameterMapping.target("integration.request.querystring.a.b$_-")! == (.querystring, "a.b$_-"))
        #expect(RequestParameterMapping.target("integration.request.path.p")! == (.path, "p"))
        for rejected in ["integration.request.header.", "integration.request.header", "integration.request.", "integration.request.\u{301}header.X",
                         "integration.request.header.\u{301}X", "integration.request.header.X\u{301}", "integration.request.header.Zoë",
                         "integration.request.Header.X", "integration.request.body.X", "integration.request.header.a b", "integration.response.header.X"] {
            #expect(RequestParameterMapping.target(rejected) == nil, "\(rejected)")
        }
    }

    @Test("a quoted literal source is the text between Character quotes")
    func literalSources() {
        #expect(MappingSource.parse("'application/x-www-form-urlencoded'", prefix: "method.request.") == .literal("application/x-www-form-urlencoded"))
        #expect(MappingSource.parse("''", prefix: "method.request.") == .literal(""))
        #expect(MappingSource.parse("'é'", prefix: "method.request.") == .literal("é"))
        // A quote a combining mark joins is not a quote: these are no literals.
        #expect(MappingSource.parse("'", prefix: "method.request.") == nil)
        #expect(MappingSource.parse("'\u{301}a'", prefix: "method.request.") == nil)
        #expect(MappingSource.parse("'a'\u{301}", prefix: "method.request.") == nil)
    }

    @Test("an override spelled differently but canonically equal still replaces the default")
    func contextMergeKeepsSpelling() {
        let merged = ContextVariable.merge(OrderedMap([("a", "e\u{301}"), ("b", "x")]), OrderedMap([("a", "é"), ("b", "x"), ("c", 1)]))
        guard case .string(let a)? = merged["a"] else { Issue.record("a is not a string"); return }
        #expect(Array(a.utf8) == Array("é".utf8))
        #expect(merged.keys == ["a", "b", "c"])
    }

    @Test("SQS names: one equal to a known name canonically is known; stray pieces are not")
    func sqsNames() {
        let request = IntegrationRequest(
            method: "POST", url: "https://sqs.us-east-1.amazonaws.com/1/q?Version=1",
            headers: [Parameter("Content-Type", "application/x-www-form-urlencoded")],
            body: "Action=SendMessage&MessageBody=m&AWSAccess\u{212A}eyId=k&MessageAttribute.1.Name=n& x=1&Version=2", service: "sqs")
        let (report, _) = SQSSendMessage.receive(request, originalBody: "m")
        #expect(report.parameters.map(\.name) == ["Version", "Action", "MessageBody", "AWSAccess\u{212A}eyId", "MessageAttribute.1.Name", " x", "Version"])
        #expect(report.parameters.map { $0.note == nil } == [true, true, true, true, true, false, false])
        #expect(report.parameters[6].note?.hasPrefix("repeated") == true)
    }

    @Test("SendMessage refuses U+FFFE, U+FFFF and C0 controls other than tab, LF and CR")
    func disallowedCharacters() {
        func error(_ message: String) -> String? {
            let request = IntegrationRequest(
                method: "POST", url: "https://sqs.us-east-1.amazonaws.com/1/q",
                headers: [Parameter("Content-Type", "application/x-www-form-urlencoded")],
                body: "Action=SendMessage&MessageBody=" + FormURLCoding.encode(message), service: "sqs")
            return SQSSendMessage.receive(request, originalBody: message).0.errorCode
        }
        #expect(error("a\u{FFFE}") == "InvalidMessageContents")
        #expect(error("\u{FFFF}") == "InvalidMessageContents")
        #expect(error("x\u{1}") == "InvalidMessageContents")
        #expect(error("tab\t lf\n cr\r ï \u{FFFD} \u{EFFF} \u{10FFFF}") == nil)
    }

    /// The form reader as it was before it read bytes: `Character` splits, then WHATWG decoding.
    private static func referenceFormParameters(_ body: String) -> [SQSFormParameter] {
        body.split(separator: "&").map { piece in
            let parts = piece.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let (name, nameMalformed) = referenceDecode(parts[0])
            let (value, valueMalformed) = parts.count > 1 ? referenceDecode(parts[1]) : ("", false)
            var notes: [String] = []
            if parts.count == 1 { notes.append("no '=': read as a name with an empty value") }
            if nameMalformed || valueMalformed {
                notes.append("a '%' not followed by two hex digits is kept as written (SQS's exact answer is not recorded)")
            }
            return SQSFormParameter(name: name, value: value, raw: String(piece), note: notes.isEmpty ? nil : notes.joined(separator: "; "))
        }
    }

    private static func referenceDecode(_ text: Substring) -> (String, Bool) {
        let source = Array(text.utf8)
        var bytes: [UInt8] = []
        var malformed = false
        var index = 0
        func hex(_ byte: UInt8) -> UInt8? { UInt8(String(UnicodeScalar(byte)), radix: 16) }
        while index < source.count {
            let byte = source[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
                index += 1
            } else if byte == UInt8(ascii: "%"), index + 2 < source.count, let high = hex(source[index + 1]), let low = hex(source[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                if byte == UInt8(ascii: "%") { malformed = true }
                bytes.append(byte)
                index += 1
            }
        }
        return (String(decoding: bytes, as: UTF8.self), malformed)
    }
}
