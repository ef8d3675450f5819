/// A template's text as UTF-8 bytes, with a line table built only when an error needs a location.
struct SourceText: Sendable {
    let name: String
    let bytes: [UInt8]

    init(name: String, text: String) {
        self.name = name
        // A native string's bytes copy in one go; `Array(text.utf8)` goes a byte at a time.
        self.bytes =
            text.utf8.withContiguousStorageIfAvailable { utf8 in
                [UInt8](unsafeUninitializedCapacity: utf8.count) { buffer, count in
                    if let source = utf8.baseAddress { buffer.baseAddress!.initialize(from: source, count: utf8.count) }
                    count = utf8.count
                }
            } ?? Array(text.utf8)
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset.
    func lineAndColumn(of offset: Int) -> (line: Int, column: Int, lineText: String) {
        let clamped = max(0, min(offset, bytes.count))
        var line = 1
        var lineStart = 0
        var index = 0
        while index < clamped {
            // `\n`, `\r\n` and a lone `\r` each end a line, as they do for Velocity's parser.
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && (index + 1 == bytes.count || bytes[index + 1] != UInt8(ascii: "\n"))) {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        var lineEnd = lineStart
        while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n"), bytes[lineEnd] != UInt8(ascii: "\r") { lineEnd += 1 }
        // Columns count scalars: skip UTF-8 continuation bytes.
        var column = 1
        for position in lineStart..<clamped where bytes[position] & 0xC0 != 0x80 { column += 1 }
        return (line, column, String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self))
    }

    func error(_ kind: VTLError.Kind, _ message: String, at offset: Int) -> VTLError {
        let (line, column, lineText) = lineAndColumn(of: offset)
        return VTLError(kind: kind, message: message, templateName: name, line: line, column: column, sourceLine: lineText)
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Byte-for-byte equality; `elementsEqual` goes through generic iteration here.
    func hasSameBytes(as other: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count == other.count else { return false }
        for index in 0..<count where self[index] != other[index] { return false }
        return true
    }
}
