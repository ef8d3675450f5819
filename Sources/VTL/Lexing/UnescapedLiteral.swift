/// A string literal's contents with its escapes decoded: the quote doubled and, in double-quoted
/// literals, `\uXXXX` (Velocity decodes nothing else; `\n` stays as written). The decoded text is shorter than the source, so `escapes` keeps where each
/// escape was: a double-quoted literal is lexed again from its decoded text, and what is found
/// there must be reported at its place in the template.
struct UnescapedLiteral: Sendable {
    var bytes: [UInt8] = []
    var escapes = EscapeMarks()

    /// Decodes the literal opening with `quote` at `start`; nil when it runs to the end of `source`.
    /// Offsets in `escapes` count from the byte after the opening quote.
    init?(in source: UnsafeBufferPointer<UInt8>, quoteAt start: Int) {
        let quote = source[start]
        let decodesUnicode = quote == UInt8(ascii: "\"")
        let contentsStart = start + 1
        var index = contentsStart
        while true {
            guard index < source.count else { return nil }
            let byte = source[index]
            if byte == quote {
                guard index + 1 < source.count, source[index + 1] == quote else { break }
                bytes.append(quote)
                index += 2
            } else if decodesUnicode, let unit = UnescapedLiteral.unicodeEscape(in: source, at: index) {
                index += 6
                var scalar = Unicode.Scalar(unit)
                if UTF16.isLeadSurrogate(unit), let trail = UnescapedLiteral.unicodeEscape(in: source, at: index), UTF16.isTrailSurrogate(trail) {
                    scalar = Unicode.Scalar(0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(trail - 0xDC00))
                    index += 6
                }
                // A lone surrogate becomes "?", the byte Java's UTF-8 encoder writes for it.
                bytes.append(contentsOf: (scalar ?? "?").utf8)
            } else {
                bytes.append(byte)
                index += 1
                continue
            }
            escapes.append(decoded: bytes.count, source: index - contentsStart)
        }
        self.end = index
    }

    /// The offset of the closing quote in the source.
    private(set) var end = 0

    /// The UTF-16 unit a `\uXXXX` at `index` stands for. Velocity reads the four characters with
    /// Java's `Integer.parseInt`, which like Swift's parser accepts a sign.
    private static func unicodeEscape(in source: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt16? {
        guard index + 5 < source.count, source[index] == UInt8(ascii: "\\"), source[index + 1] == UInt8(ascii: "u") else { return nil }
        return UInt16(String(decoding: UnsafeBufferPointer(rebasing: source[(index + 2)..<(index + 6)]), as: UTF8.self), radix: 16)
    }
}

/// Where the escapes of an unescaped literal ended, in its decoded text and in its source: a
/// decoded offset maps to the source through the last escape before it.
struct EscapeMarks: Sendable {
    private struct Mark: Sendable {
        let decoded: Int
        let source: Int
    }

    /// One per escape, in order.
    private var marks: [Mark] = []

    var isEmpty: Bool { marks.isEmpty }

    fileprivate mutating func append(decoded: Int, source: Int) {
        marks.append(Mark(decoded: decoded, source: source))
    }

    func sourceOffset(ofDecoded offset: Int) -> Int {
        guard let mark = marks.last(where: { $0.decoded <= offset }) else { return offset }
        return mark.source + (offset - mark.decoded)
    }

    func decodedOffset(ofSource offset: Int) -> Int {
        guard let mark = marks.last(where: { $0.source <= offset }) else { return offset }
        return mark.decoded + (offset - mark.source)
    }
}
