/// `$util.base64Encode` / `base64Decode`: `java.util.Base64`'s basic encoder and decoder on
/// the UTF-8 bytes of the text.
enum Base64Text {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Standard alphabet, with `=` padding.
    static func encode(_ text: String) -> String {
        var source = text
        return source.withUTF8 { bytes in
            let length = (bytes.count + 2) / 3 * 4
            if length == 0 { return "" }
            return alphabet.withUnsafeBufferPointer { alphabet in
                String(unsafeUninitializedCapacity: length) { output in
                    var index = 0
                    var written = 0
                    while index &+ 3 <= bytes.count {
                        let bits = UInt32(bytes[index]) << 16 | UInt32(bytes[index &+ 1]) << 8 | UInt32(bytes[index &+ 2])
                        output[written] = alphabet[Int(bits >> 18 & 0x3F)]
                        output[written &+ 1] = alphabet[Int(bits >> 12 & 0x3F)]
                        output[written &+ 2] = alphabet[Int(bits >> 6 & 0x3F)]
                        output[written &+ 3] = alphabet[Int(bits & 0x3F)]
                        index &+= 3
                        written &+= 4
                    }
                    let remaining = bytes.count - index
                    if remaining > 0 {
                        var bits = UInt32(bytes[index]) << 16
                        if remaining == 2 { bits |= UInt32(bytes[index &+ 1]) << 8 }
                        output[written] = alphabet[Int(bits >> 18 & 0x3F)]
                        output[written &+ 1] = alphabet[Int(bits >> 12 & 0x3F)]
                        output[written &+ 2] = remaining == 2 ? alphabet[Int(bits >> 6 & 0x3F)] : UInt8(ascii: "=")
                        output[written &+ 3] = UInt8(ascii: "=")
                    }
                    return length
                }
            }
        }
    }

    /// A port of `Base64.Decoder.decode0` (JDK 17): padding is optional, but present padding
    /// must be right; nothing may follow it. The bytes are read as UTF-8, bad sequences as U+FFFD.
    static func decode(_ text: String) throws(TemplateObjectErrorMessage) -> String {
        var utf8 = text
        let decoded = utf8.withUTF8 { bytes in
            // ASCII text is its own ISO-8859-1 bytes; anything else takes the UTF-16 route.
            if bytes.allSatisfy({ $0 < 0x80 }) {
                return Result { () throws(TemplateObjectErrorMessage) in try decode(bytes) }
            }
            // `decode(String)` takes the ISO-8859-1 bytes: anything past U+00FF becomes `?`.
            let latin1 = text.utf16.map { $0 > 0xFF ? UInt8(ascii: "?") : UInt8($0) }
            return latin1.withUnsafeBufferPointer { bytes in
                Result { () throws(TemplateObjectErrorMessage) in try decode(bytes) }
            }
        }
        return String(decoding: try decoded.get(), as: UTF8.self)
    }

    /// The decoder proper, on the ISO-8859-1 bytes; the output bytes are meant as UTF-8.
    private static func decode(_ source: UnsafeBufferPointer<UInt8>) throws(TemplateObjectErrorMessage) -> [UInt8] {
        if source.isEmpty { return [] }
        if source.count < 2 {
            throw TemplateObjectErrorMessage("Input byte[] should at least have 2 bytes for base64 bytes")
        }
        var output: [UInt8] = []
        output.reserveCapacity(source.count / 4 * 3 + 2)
        var bits: UInt32 = 0
        var shift = 18
        var position = 0
        while position < source.count {
            let byte = source[position]
            position += 1
            guard let value = sextet(byte) else {
                if byte == UInt8(ascii: "=") {
                    let secondPadMissing = position == source.count || source[position] != UInt8(ascii: "=")
                    if shift == 6 && !secondPadMissing { position += 1 }
                    if shift == 6 && secondPadMissing || shift == 18 {
                        throw TemplateObjectErrorMessage("Input byte array has wrong 4-byte ending unit")
                    }
                    break
                }
                // Java prints the signed byte in hex: `Illegal base64 character -17` for 0xE9.
                throw TemplateObjectErrorMessage("Illegal base64 character " + String(Int(Int8(bitPattern: byte)), radix: 16))
            }
            bits |= value << UInt32(shift)
            shift -= 6
            if shift < 0 {
                output.append(UInt8(bits >> 16 & 0xFF))
                output.append(UInt8(bits >> 8 & 0xFF))
                output.append(UInt8(bits & 0xFF))
                shift = 18
                bits = 0
            }
        }
        switch shift {
        case 6: output.append(UInt8(bits >> 16 & 0xFF))
        case 0:
            output.append(UInt8(bits >> 16 & 0xFF))
            output.append(UInt8(bits >> 8 & 0xFF))
        case 12: throw TemplateObjectErrorMessage("Last unit does not have enough valid bits")
        default: break
        }
        if position < source.count {
            throw TemplateObjectErrorMessage("Input byte array has incorrect ending byte at \(position)")
        }
        return output
    }

    private static func sextet(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt32(byte - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt32(byte - UInt8(ascii: "a")) + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0")) + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
