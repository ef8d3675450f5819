/// The lines of a definition's text, found by one pass over its UTF-8 bytes when the
/// definition loads; a line's text is made only when asked for, which happens only for
/// the few lines a block scalar's location needs.
///
/// Lines end where `text.split(separator: "\n")` would end them: at a `\n` that is a
/// `Character` of its own, so not at the `\n` of a `\r\n` pair.
struct SourceLines: Sendable {
    private let text: String
    /// The UTF-8 offset where each line starts; the first is 0.
    private let starts: [Int]

    init(_ text: String) {
        var text = text
        // A native string hands out its bytes directly; anything else is copied once.
        self.starts = text.withUTF8 { bytes in
            var starts = [0]
            for offset in bytes.indices where bytes[offset] == UInt8(ascii: "\n") {
                if offset == 0 || bytes[offset - 1] != UInt8(ascii: "\r") { starts.append(offset + 1) }
            }
            return starts
        }
        self.text = text
    }

    var count: Int { starts.count }

    /// The 1-based `line`, without its line break.
    subscript(line: Int) -> Substring {
        let start = starts[line - 1]
        let end = line < starts.count ? starts[line] - 1 : text.utf8.count
        let utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]
    }
}
