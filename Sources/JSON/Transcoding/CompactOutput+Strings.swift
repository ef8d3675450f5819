/// Quoted strings, escaped exactly as `JSONWriter.writeString` escapes them (`LT_COMPRESS`):
/// `\" \\ \b \f \n \r \t`, and `\uXXXX` in upper-case hex for the other controls,
/// U+007F...U+009F and U+2000...U+20FF; everything else, `/` included, as it is.
///
/// Written separately from `JSONWriter` on purpose: the tests and the fuzz harness compare
/// the two, which only means something if they do not share the code being compared.
extension CompactOutput {
    /// `text` quoted and escaped; the bytes must be valid UTF-8.
    mutating func appendQuoted(_ text: UnsafeBufferPointer<UInt8>) {
        append(UInt8(ascii: "\""))
        let count = text.count
        var plainStart = 0
        var index = 0
        while true {
            index = Self.firstByteToCheck(in: text, from: index)
            guard index < count else { break }
            let byte = text[index]
            let scalar: UInt32
            let width: Int
            if byte < 0x80 {
                // A control byte, DEL, `"` or `\`: all escaped.
                scalar = UInt32(byte)
                width = 1
            } else if byte == 0xC2, index + 1 < count, text[index + 1] <= 0x9F {
                // U+0080...U+009F.
                scalar = UInt32(text[index + 1])
                width = 2
            } else if byte == 0xE2, index + 2 < count, text[index + 1] >= 0x80, text[index + 1] <= 0x83 {
                // U+2000...U+20FF.
                scalar = 0x2000 | UInt32(text[index + 1] & 0x3F) << 6 | UInt32(text[index + 2] & 0x3F)
                width = 3
            } else {
                index += 1
                continue
            }
            append(UnsafeBufferPointer(rebasing: text[plainStart..<index]))
            appendEscape(scalar)
            index += width
            plainStart = index
        }
        append(UnsafeBufferPointer(rebasing: text[plainStart..<count]))
        append(UInt8(ascii: "\""))
    }

    /// A String quoted and escaped.
    mutating func appendQuoted(_ text: String) {
        var text = text
        text.withUTF8 { appendQuoted($0) }
    }

    private mutating func appendEscape(_ scalar: UInt32) {
        switch scalar {
        case 0x22: append(#"\""#)
        case 0x5C: append(#"\\"#)
        case 0x08: append(#"\b"#)
        case 0x0C: append(#"\f"#)
        case 0x0A: append(#"\n"#)
        case 0x0D: append(#"\r"#)
        case 0x09: append(#"\t"#)
        default:
            guard let target = room(for: 6) else { return }
            let hexDigits: StaticString = "0123456789ABCDEF"
            target[0] = UInt8(ascii: "\\")
            target[1] = UInt8(ascii: "u")
            for digit in 0..<4 {
                target[2 + digit] = hexDigits.utf8Start[Int(scalar >> (12 - 4 * UInt32(digit)) & 0xF)]
            }
            commit(6)
        }
    }

    /// The offset of the first byte at or after `start` that may need escaping (below U+0020,
    /// `"`, `\`, or 0x7F and above), or `text.count`; eight bytes per step, as `QuotedScan` does.
    /// In each test the lowest set high bit is exact, so it is the only one used.
    @inline(__always)
    private static func firstByteToCheck(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        let count = text.count
        if let base = text.baseAddress, count >= 8 {
            let raw = UnsafeRawPointer(base)
            let ones = QuotedScan.ones
            let highBits: UInt64 = 0x8080_8080_8080_8080
            while index <= count - 8 {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let controls = (word &- ones &* 0x20) & ~word & highBits
                // A byte of 0x7F or more has its high bit set, or sets it once 1 is added; no
                // byte below the first such one carries.
                let high = (word | (word &+ ones)) & highBits
                let found = controls | high
                    | QuotedScan.zeroBytes(word ^ (ones &* 0x22)) | QuotedScan.zeroBytes(word ^ (ones &* 0x5C))
                if found != 0 { return index + found.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < count {
            let byte = text[index]
            if byte < 0x20 || byte >= 0x7F || byte == 0x22 || byte == 0x5C { return index }
            index += 1
        }
        return count
    }
}
