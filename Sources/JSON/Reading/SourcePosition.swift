/// Turns byte offsets into the coordinates people and json-smart use; only run on failure.
enum SourcePosition {
    /// 1-based line and column (in Unicode scalars) of a UTF-8 byte offset.
    static func lineAndColumn(in bytes: UnsafeBufferPointer<UInt8>, offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for index in 0..<min(max(offset, 0), bytes.count) {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    /// The Java (UTF-16) index of a UTF-8 byte offset, as json-smart reports positions.
    static func utf16Offset(in bytes: UnsafeBufferPointer<UInt8>, offset: Int) -> Int {
        if offset < 0 { return offset }
        var units = 0
        for index in 0..<min(offset, bytes.count) {
            let byte = bytes[index]
            if byte & 0xC0 == 0x80 { continue }
            units += byte >= 0xF0 ? 2 : 1
        }
        return units + max(0, offset - bytes.count)
    }

    /// The character starting at a byte offset, as Java would print the `char` there.
    static func character(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> String {
        guard offset >= 0, offset < bytes.count else { return "\u{1A}" }
        var end = offset + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[offset..<end], as: UTF8.self)
    }
}
