/// `$util.escapeJavaScript`: commons-lang 2.6 `StringEscapeUtils.escapeJavaScript`, the
/// function API Gateway documents by its behaviour (`'` becomes `\'`).
enum JavaScriptEscaping {
    /// Works on UTF-16 code units, as Java's `char` loop does, so an astral character
    /// becomes two `\uXXXX` escapes (its surrogates). DEL (U+007F) stays raw. Text with
    /// nothing to escape comes back as it is, without a copy.
    static func escape(_ text: String) -> String {
        // Whole bodies go through here, so the work is two tight loops over the UTF-8 bytes:
        // one to size the output exactly, one to fill it. Only non-ASCII sequences are decoded,
        // to the UTF-16 units Java would see.
        var source = text
        return source.withUTF8 { bytes in
            let length = escapedLength(of: bytes)
            // Every change makes the text longer, so the same length means nothing changed.
            if length == bytes.count { return text }
            // An ASCII byte stores all eight bytes of its table entry; the last store can
            // reach seven bytes past the end.
            return String(unsafeUninitializedCapacity: length + 7) { output in
                escape(bytes, into: output)
                return length
            }
        }
    }

    /// The length of the escaped text in bytes.
    private static func escapedLength(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        escapedLengths.withUnsafeBufferPointer { lengths in
            var length = 0
            for byte in bytes { length &+= Int(lengths[Int(byte)]) }
            return length
        }
    }

    /// Fills `output`, which has room for the escaped length and seven bytes more.
    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) {
        asciiEscapes.withUnsafeBufferPointer { asciiEscapes in
            var source = bytes.baseAddress!
            let end = source + bytes.count
            var target = UnsafeMutableRawPointer(output.baseAddress!)
            while source < end {
                // Eight ASCII bytes at a time: one check for the lot, then straight-line table copies.
                if end - source >= 8 && UnsafeRawPointer(source).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    for offset in 0..<8 { target = write(asciiEscapes[Int(source[offset])], to: target) }
                    source += 8
                } else if source.pointee < 0x80 {
                    target = write(asciiEscapes[Int(source.pointee)], to: target)
                    source += 1
                } else {
                    let (read, written) = escapeSequence(source, to: target)
                    source += read
                    target += written
                }
            }
        }
    }

    /// Stores all eight bytes of a table entry and moves past the ones that count.
    @inline(__always)
    private static func write(_ escaped: UInt64, to target: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
        target.storeBytes(of: escaped.littleEndian, as: UInt64.self)
        return target + Int(escaped >> 56)
    }

    /// One UTF-8 sequence as the `\uXXXX` of each of its UTF-16 units; how many bytes it read
    /// and wrote. Kept out of the loop above, whose few variables then stay in registers.
    @inline(never)
    private static func escapeSequence(_ source: UnsafePointer<UInt8>, to target: UnsafeMutableRawPointer) -> (read: Int, written: Int) {
        let lead = source.pointee
        // A String's bytes are valid UTF-8, so the lead byte gives the length.
        let sequenceLength = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var scalar = UInt32(lead) & (sequenceLength == 4 ? 0x07 : sequenceLength == 3 ? 0x0F : 0x1F)
        for offset in 1..<sequenceLength { scalar = scalar << 6 | UInt32(source[offset] & 0x3F) }
        guard scalar >= 0x10000 else {
            writeUnicodeEscape(UInt16(scalar), to: target)
            return (sequenceLength, 6)
        }
        let shifted = scalar - 0x10000
        writeUnicodeEscape(UInt16(0xD800 + (shifted >> 10)), to: target)
        writeUnicodeEscape(UInt16(0xDC00 + (shifted & 0x3FF)), to: target + 6)
        return (sequenceLength, 12)
    }

    /// Per ASCII byte: its escaped form in the low bytes, first character lowest, and how many
    /// characters that is in the top byte. `' " \ /` and five controls get a backslash and a
    /// letter, other controls `\u00XX`; everything else, DEL included, stays.
    private static let asciiEscapes: [UInt64] = (0..<128).map { byte in
        let backslash = UInt8(ascii: "\\")
        let escaped: [UInt8]
        switch byte {
        case 0x08: escaped = [backslash, UInt8(ascii: "b")]
        case 0x09: escaped = [backslash, UInt8(ascii: "t")]
        case 0x0A: escaped = [backslash, UInt8(ascii: "n")]
        case 0x0C: escaped = [backslash, UInt8(ascii: "f")]
        case 0x0D: escaped = [backslash, UInt8(ascii: "r")]
        case 0x27, 0x22, 0x5C, 0x2F: escaped = [backslash, UInt8(byte)]
        case 0x00..<0x20:
            escaped = [backslash, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hexDigit(UInt8(byte >> 4)), hexDigit(UInt8(byte & 0xF))]
        default: escaped = [UInt8(byte)]
        }
        var packed = UInt64(escaped.count) << 56
        for (offset, character) in escaped.enumerated() { packed |= UInt64(character) << (8 * offset) }
        return packed
    }

    /// Per byte, how many bytes of output it makes: 1 for ASCII that stays, 2 for a backslash
    /// escape, 6 for a `\uXXXX`. A UTF-8 sequence counts at its lead byte: 6 for one UTF-16
    /// unit, 12 for a surrogate pair; its continuation bytes count 0.
    private static let escapedLengths: [UInt8] = (0...255).map { byte in
        switch byte {
        case 0x08, 0x09, 0x0A, 0x0C, 0x0D, 0x27, 0x22, 0x5C, 0x2F: 2
        case 0x00..<0x20: 6
        case 0x20..<0x80: 1
        case 0x80..<0xC0: 0
        case 0xC0..<0xF0: 6
        default: 12
        }
    }

    private static func writeUnicodeEscape(_ unit: UInt16, to target: UnsafeMutableRawPointer) {
        target.storeBytes(of: UInt8(ascii: "\\"), as: UInt8.self)
        target.storeBytes(of: UInt8(ascii: "u"), toByteOffset: 1, as: UInt8.self)
        target.storeBytes(of: hexDigit(UInt8(unit >> 12)), toByteOffset: 2, as: UInt8.self)
        target.storeBytes(of: hexDigit(UInt8(unit >> 8 & 0xF)), toByteOffset: 3, as: UInt8.self)
        target.storeBytes(of: hexDigit(UInt8(unit >> 4 & 0xF)), toByteOffset: 4, as: UInt8.self)
        target.storeBytes(of: hexDigit(UInt8(unit & 0xF)), toByteOffset: 5, as: UInt8.self)
    }

    @inline(__always)
    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? nibble &+ UInt8(ascii: "0") : nibble &+ (UInt8(ascii: "A") &- 10)
    }
}
