/// `$util.escapeJavaScript`: commons-lang 2.6 `StringEscapeUtils.escapeJavaScript`, the
/// function API Gateway documents by its behaviour (`'` becomes `\'`).
enum JavaScriptEscaping {
    /// Works on UTF-16 code units, as Java's `char` loop does, so an astral character
    /// becomes two `\uXXXX` escapes (its surrogates). DEL (U+007F) stays raw.
    static func escape(_ text: String) -> String {
        // ASCII bytes rather than String appends: a 10 MB body goes through here unit by unit.
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for unit in text.utf16 {
            switch unit {
            case 0x08: output.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0C: output.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x00..<0x20, 0x80...:
                output.append(0x5C)
                output.append(UInt8(ascii: "u"))
                for shift in stride(from: 12, through: 0, by: -4) { output.append(hexDigits[Int(unit >> UInt16(shift) & 0xF)]) }
            case 0x27, 0x22, 0x5C, 0x2F:
                // ' " \ and / are escaped with a backslash.
                output.append(0x5C)
                output.append(UInt8(unit))
            default: output.append(UInt8(unit))
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}
