/// `$util.escapeJavaScript`: commons-lang 2.6 `StringEscapeUtils.escapeJavaScript`, the
/// function API Gateway documents by its behaviour (`'` becomes `\'`).
enum JavaScriptEscaping {
    /// Works on UTF-16 code units, as Java's `char` loop does, so an astral character
    /// becomes two `\uXXXX` escapes (its surrogates). DEL (U+007F) stays raw.
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for unit in text.utf16 {
            switch unit {
            case 0x08: output += "\\b"
            case 0x09: output += "\\t"
            case 0x0A: output += "\\n"
            case 0x0C: output += "\\f"
            case 0x0D: output += "\\r"
            case 0x00..<0x20, 0x80...: output += unicodeEscape(unit)
            case 0x27: output += "\\'"
            case 0x22: output += "\\\""
            case 0x5C: output += "\\\\"
            case 0x2F: output += "\\/"
            default: output.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            }
        }
        return output
    }

    /// `\u` and four upper-case hex digits (commons-lang pads to four and upper-cases).
    private static func unicodeEscape(_ unit: UInt16) -> String {
        let hex = String(unit, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
