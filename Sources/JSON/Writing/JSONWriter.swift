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
        var bytes: [UInt8] = []
        write(value, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the JSON text of a value.
    public func write(_ value: JSONValue, to output: inout String) {
        output += string(value)
    }

    /// Appends the JSON text of a value as UTF-8: bytes, because appending small pieces to a
    /// `String` costs several times more, and bodies of megabytes pass through here.
    func write(_ value: JSONValue, into output: inout [UInt8]) {
        switch value {
        case .null: append("null", to: &output)
        case .bool(let flag): append(flag ? "true" : "false", to: &output)
        case .integer(let number): append(String(number), to: &output)
        case .bigInteger(let number): append(number.description, to: &output)
        case .double(let number): append(number.isInfinite ? "null" : JavaDouble.string(number), to: &output)
        case .bigDecimal(let text): append(text, to: &output)
        case .string(let text): writeString(text, into: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(element, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            var first = true
            for (key, member) in object {
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                writeString(key, into: &output)
                output.append(UInt8(ascii: ":"))
                write(member, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// A quoted, escaped string.
    public func writeString(_ text: String, to output: inout String) {
        var bytes: [UInt8] = []
        writeString(text, into: &bytes)
        output += String(decoding: bytes, as: UTF8.self)
    }

    /// A quoted, escaped string, as UTF-8.
    func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        if text.utf8.withContiguousStorageIfAvailable({ writeEscaped($0, into: &output) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { writeEscaped($0, into: &output) }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Copies unescaped runs whole. Every scalar that needs escaping is ASCII, U+0080...U+009F
    /// (C2 80...C2 9F) or U+2000...U+20FF (E2 80...E2 83 xx): only those lead bytes are looked at.
    private func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.reserveCapacity(output.count + bytes.count)
        let table = escapesSlash ? JSONWriter.attentionWithSlash : JSONWriter.attention
        var plainStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            guard table[Int(byte)] else {
                index += 1
                continue
            }
            var scalar: UInt32?
            var width = 1
            if byte < 0x80 {
                scalar = UInt32(byte)
            } else if byte == 0xC2, index + 1 < count, bytes[index + 1] <= 0x9F {
                scalar = UInt32(bytes[index + 1])
                width = 2
            } else if byte == 0xE2, index + 2 < count, bytes[index + 1] >= 0x80, bytes[index + 1] <= 0x83 {
                scalar = 0x2000 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                width = 3
            }
            if let scalar, let unicodeScalar = Unicode.Scalar(scalar), let escape = escape(unicodeScalar) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainStart..<index]))
                append(escape, to: &output)
                plainStart = index + width
            }
            index += width
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainStart..<count]))
    }

    /// Bytes that may start something to escape: ASCII controls, `"`, `\\`, DEL, and the lead
    /// bytes C2 and E2; `/` too in the escaping style.
    private static let attention: [Bool] = (0..<256).map { byte in
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xC2 || byte == 0xE2
    }
    private static let attentionWithSlash: [Bool] = (0..<256).map { byte in attention[byte] || byte == 0x2F }

    private func append(_ text: String, to output: inout [UInt8]) {
        if text.utf8.withContiguousStorageIfAvailable({ output.append(contentsOf: $0) }) == nil {
            output.append(contentsOf: text.utf8)
        }
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
