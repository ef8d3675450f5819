/// The lines of a definition's text, found by one pass over its UTF-8 bytes when the
/// definition loads; a line's text is made only when asked for, which happens only for
/// the few lines a block scalar's location needs.
///
/// Lines end as the YAML reader ends them, at `\n`, `\r\n` or a lone `\r`, so that line
/// numbers agree with the reader's in files saved with Windows line breaks.
struct SourceLines: Sendable {
    private let text: String
    /// The UTF-8 offsets where each line starts and where its text ends (before its break).
    private let starts: [Int]
    private let ends: [Int]

    init(_ text: String) {
        var text = text
        // A native string hands out its bytes directly; anything else is copied once.
        (starts, ends) = text.withUTF8 { bytes in
            var starts = [0]
            var ends: [Int] = []
            var offset = 0
            while offset < bytes.count {
                switch bytes[offset] {
                case UInt8(ascii: "\n"):
                    ends.append(offset)
                    starts.append(offset + 1)
                case UInt8(ascii: "\r"):
                    ends.append(offset)
                    if offset + 1 < bytes.count && bytes[offset + 1] == UInt8(ascii: "\n") { offset += 1 }
                    starts.append(offset + 1)
                default:
                    break
                }
                offset += 1
            }
            ends.append(bytes.count)
            return (starts, ends)
        }
        self.text = text
    }

    var count: Int { starts.count }

    /// The 1-based `line`, without its line break.
    subscript(line: Int) -> Substring {
        let utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: starts[line - 1])..<utf8.index(utf8.startIndex, offsetBy: ends[line - 1])]
    }
}
