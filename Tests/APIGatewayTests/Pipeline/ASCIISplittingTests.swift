// `splitOnASCII` must give exactly the pieces of the standard library's Character split, which
// the pipeline used before; the expected values here are that split's own answers.
@testable import APIGateway
import Testing

@Suite("Splitting on ASCII separators")
struct ASCIISplittingTests {
    static let texts = [
        "", "&", "&&", "a&b", "&a&&b&", "Action=SendMessage&MessageBody=x=y&z",
        "a&\u{301}b&c", "\u{301}&a", "x\u{600}&y&z", "é&ü&\u{1F600}&\u{1F1FA}\u{1F1F8}&",
        "a\r\n&b", "&\u{200D}&", "caf\u{65}\u{301}&=\u{301}=", "a=b=c", "=\u{301}=x",
    ]

    @Test("the same pieces as split(separator:) for every maxSplits and omitting choice", arguments: texts)
    func sameAsCharacterSplit(text: String) {
        for separator: Character in ["&", "="] {
            for maxSplits in [0, 1, 2, Int.max] {
                for omitting in [true, false] {
                    let expected = text.split(separator: separator, maxSplits: maxSplits, omittingEmptySubsequences: omitting)
                    let actual = text.splitOnASCII(separator, maxSplits: maxSplits, omittingEmptySubsequences: omitting)
                    #expect(actual.map(String.init) == expected.map(String.init), "\(separator) \(maxSplits) \(omitting)")
                    #expect(actual.map(\.startIndex) == expected.map(\.startIndex))
                }
            }
        }
    }

    @Test("pieces of pieces split as the Character split's pieces do", arguments: texts)
    func nestedSplit(text: String) {
        let expected = text.split(separator: "&").map { $0.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init) }
        let actual = text.splitOnASCII("&").map { $0.splitOnASCII("=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init) }
        #expect(actual == expected)
    }

    @Test("CR LF is one Character: its LF does not split")
    func carriageReturnLineFeed() {
        let text = "a\r\nb\nc"
        #expect(text[...].splitOnASCII { $0 == 0x0A }.map(String.init) == text.split(separator: "\n").map(String.init))
    }

    @Test("spaces and tabs trim as scalars, leaving any combining mark after them")
    func trimming() {
        #expect(" \t a b \t".trimmingSpaces() == "a b")
        #expect(" \u{301}x ".trimmingSpaces() == "\u{301}x")
        #expect("é ".trimmingSpaces() == "é")
        #expect(" \t ".trimmingSpaces() == "")
    }
}
