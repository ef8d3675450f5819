import JavaLang

/// Writes JSON text as json-smart's `JSONValue.toJSONString(value, JSONStyle.LT_COMPRESS)`,
/// which is what `$input.json(path)` prints.
///
/// Compact (no spaces), keys and strings always quoted, `/` not escaped, control characters
/// as `\b \t \n \f \r` or `\u00XX`, and U+007F–U+009F and U+2000–U+20FF as `\uXXXX` with
/// upper-case hex; everything else (including U+2028's neighbours outside that range, emoji,
/// lone characters like U+FEFF) is written raw. Infinite doubles print `null`, as json-smart does.
public struct JSONWriter: Sendable {
    /// Whether `/` is written as `\/`.
    ///
    /// `LT_COMPRESS` (`$input.json`) leaves it alone; json-smart's default style, used by
    /// `JSONArray.toString()` — what a template prints for an array from `$input.path` —
    /// escapes it: `["x\/y"]`.
    public var escapesSlash: Bool

    /// A writer in `LT_COMPRESS` style, or the default style when `escapesSlash` is true.
    public init(escapesSlash: Bool = false) {
        self.escapesSlash = escapesSlash
    }

    /// The JSON text of a value.
    public func string(_ value: JSONValue) -> String {
        var output = ""
        write(value, to: &output)
        return output
    }

    /// Appends the JSON text of a value.
    public func write(_ value: JSONValue, to output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .integer(let number): output += String(number)
        case .bigInteger(let number): output += number.description
        case .double(let number): output += number.isInfinite ? "null" : JavaDouble.string(number)
        case .bigDecimal(let text): output += text
        case .string(let text): writeString(text, to: &output)
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += "," }
                write(element, to: &output)
            }
            output += "]"
        case .object(let object):
            output += "{"
            var first = true
            for (key, member) in object {
                if !first { output += "," }
                first = false
                writeString(key, to: &output)
                output += ":"
                write(member, to: &output)
            }
            output += "}"
        }
    }

    /// A quoted, escaped string.
    public func writeString(_ text: String, to output: inout String) {
        // Walks UTF-8 bytes and copies unescaped runs whole: bodies of megabytes pass through here.
        // Every scalar that needs escaping is ASCII, U+0080...U+009F (C2 80...C2 9F) or
        // U+2000...U+20FF (E2 80...E2 83 xx).
        let bytes = Array(text.utf8)
        var result: [UInt8] = [UInt8(ascii: "\"")]
        result.reserveCapacity(bytes.count + 2)
        var plainStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            var scalar: UInt32?
            var width = 1
            if byte < 0x80 {
                scalar = UInt32(byte)
            } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] <= 0x9F {
                scalar = UInt32(bytes[index + 1])
                width = 2
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] >= 0x80, bytes[index + 1] <= 0x83 {
                scalar = 0x2000 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                width = 3
            }
            if let scalar, let unicodeScalar = Unicode.Scalar(scalar), let escape = escape(unicodeScalar) {
                result.append(contentsOf: bytes[plainStart..<index])
                result.append(contentsOf: escape.utf8)
                plainStart = index + width
            }
            index += width
        }
        result.append(contentsOf: bytes[plainStart..<bytes.count])
        result.append(UInt8(ascii: "\""))
        output += String(decoding: result, as: UTF8.self)
    }

    private func escape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x22: return "\\\""
        case 0x5C: return "\\\\"
        case 0x08: return "\\b"
        case 0x0C: return "\\f"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x2F: return escapesSlash ? "\\/" : nil
        case 0x00...0x1F, 0x7F...0x9F, 0x2000...0x20FF:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: return nil
        }
    }
}

extension JSONValue {
    /// Compact JSON text as `$input.json` prints it (`JSONStyle.LT_COMPRESS`).
    public var jsonText: String { JSONWriter().string(self) }
}
