/// `$util.escapeJavaScript`: commons-lang 2.6 `StringEscapeUtils.escapeJavaScript`, the
/// function API Gateway documents by its behaviour (`'` becomes `\'`).
enum JavaScriptEscaping {
    /// Works on UTF-16 code units, as Java's `char` loop does, so an astral character
    /// becomes two `\uXXXX` escapes (its surrogates). DEL (U+007F) stays raw.
    static func escape(_ text: String) -> String {
        // Walks the UTF-8 bytes, decoding only non-ASCII sequences to their UTF-16 units:
        // iterating `utf16` costs several times more per character, and a 10 MB body goes
        // through here character by character.
        var text = text
        return text.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + bytes.count / 8)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte >= 0x80 else {
                    appendEscaped(ascii: byte, to: &output)
                    index += 1
                    continue
                }
                // A String's bytes are valid UTF-8, so the lead byte gives the length.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var scalar = UInt32(byte) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
                for offset in 1..<length { scalar = scalar << 6 | UInt32(bytes[index + offset] & 0x3F) }
                index += length
                if scalar >= 0x10000 {
                    let shifted = scalar - 0x10000
                    appendUnicodeEscape(UInt16(0xD800 + (shifted >> 10)), to: &output)
                    appendUnicodeEscape(UInt16(0xDC00 + (shifted & 0x3FF)), to: &output)
                } else {
                    appendUnicodeEscape(UInt16(scalar), to: &output)
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    @inline(__always)
    private static func appendEscaped(ascii unit: UInt8, to output: inout [UInt8]) {
        switch unit {
        case 0x08: output.append(0x5C); output.append(UInt8(ascii: "b"))
        case 0x09: output.append(0x5C); output.append(UInt8(ascii: "t"))
        case 0x0A: output.append(0x5C); output.append(UInt8(ascii: "n"))
        case 0x0C: output.append(0x5C); output.append(UInt8(ascii: "f"))
        case 0x0D: output.append(0x5C); output.append(UInt8(ascii: "r"))
        case 0x00..<0x20: appendUnicodeEscape(UInt16(unit), to: &output)
        case 0x27, 0x22, 0x5C, 0x2F:
            // ' " \ and / are escaped with a backslash.
            output.append(0x5C)
            output.append(unit)
        default: output.append(unit)
        }
    }

    private static func appendUnicodeEscape(_ unit: UInt16, to output: inout [UInt8]) {
        output.append(0x5C)
        output.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) { output.append(hexDigits[Int(unit >> UInt16(shift) & 0xF)]) }
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
}
