/// An `application/x-www-form-urlencoded` body read the way SQS's query API reads it: `&`
/// separates parameters, the first `=` separates name from value, `+` is a space and `%XX`
/// is a byte, the bytes read as UTF-8 (WHATWG URL "application/x-www-form-urlencoded parsing",
/// HTML 4.01 §17.13.4; the rules every AWS query API follows).
///
/// Where the rules leave a choice, SQS's exact answer is not recorded, and this reader says so
/// in `note`: a `%` not followed by two hex digits is kept as written (WHATWG's rule; a Java
/// `URLDecoder` would refuse the whole request), and a piece without `=` is a name with an empty value.
public struct SQSFormParameter: Sendable, Equatable {
    /// The decoded parameter name (`MessageBody`), or the JSON key for the JSON protocol.
    public var name: String
    /// The decoded value SQS uses.
    public var value: String
    /// The piece of the body it came from, before decoding.
    public var raw: String
    /// What SQS does with this parameter, when it is not simply used.
    public var note: String?

    /// Creates a parameter.
    public init(name: String, value: String, raw: String, note: String? = nil) {
        self.name = name
        self.value = value
        self.raw = raw
        self.note = note
    }
}

enum SQSFormBody {
    static func parameters(_ body: String) -> [SQSFormParameter] {
        var parameters: [SQSFormParameter] = []
        for piece in body.splitOnASCII("&", omittingEmptySubsequences: true) {
            let parts = piece.splitOnASCII("=", maxSplits: 1, omittingEmptySubsequences: false)
            let (name, nameMalformed) = decode(parts[0])
            let (value, valueMalformed) = parts.count > 1 ? decode(parts[1]) : ("", false)
            var notes: [String] = []
            if parts.count == 1 { notes.append("no '=': read as a name with an empty value") }
            if nameMalformed || valueMalformed {
                notes.append("a '%' not followed by two hex digits is kept as written (SQS's exact answer is not recorded)")
            }
            parameters.append(SQSFormParameter(
                name: name, value: value, raw: String(piece), note: notes.isEmpty ? nil : notes.joined(separator: "; ")))
        }
        return parameters
    }

    /// The decoded text and whether a malformed `%` escape was met.
    static func decode(_ text: Substring) -> (String, Bool) {
        // Most names and many values have nothing to decode: their bytes are the answer.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) { return (String(text), false) }
        // Native strings hand out their bytes; others (bridged ones) are copied first.
        return text.utf8.withContiguousStorageIfAvailable(decode) ?? Array(text.utf8).withUnsafeBufferPointer(decode)
    }

    private static func decode(_ source: UnsafeBufferPointer<UInt8>) -> (String, Bool) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.count)
        var malformed = false
        var index = 0
        while index < source.count {
            let byte = source[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
                index += 1
            } else if byte == UInt8(ascii: "%"), index + 2 < source.count,
                let high = hexValue(source[index + 1]), let low = hexValue(source[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                if byte == UInt8(ascii: "%") { malformed = true }
                bytes.append(byte)
                index += 1
            }
        }
        return (String(decoding: bytes, as: UTF8.self), malformed)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
