/// `$util.urlEncode` and `$util.urlDecode`: `java.net.URLEncoder` and `URLDecoder` with UTF-8.
enum FormURLCoding {
    private static let plus: UInt16 = 0x2B, minus: UInt16 = 0x2D, percent: UInt16 = 0x25, space: UInt16 = 0x20

    /// Letters, digits and `. - * _` stay; space becomes `+`; every other UTF-8 byte `%XX`.
    static func encode(_ text: String) -> String {
        // Whole bodies go through here, so the work is one tight loop over the UTF-8 bytes, into
        // room for the worst case (every byte `%XX`). Room never written is never touched, so it
        // costs address space, not memory; sizing the output first took a third of the time.
        var source = text
        return source.withUTF8 { bytes in
            // Each byte stores its whole four-byte table entry and moves on by the entry's length,
            // without a branch; the last store can reach three bytes past the end.
            String(unsafeUninitializedCapacity: bytes.count * 3 + 3) { output in
                encodings.withUnsafeBufferPointer { encodings in
                    let start = UnsafeMutableRawPointer(output.baseAddress!)
                    var target = start
                    for byte in bytes { target = write(encodings[Int(byte)], to: target) }
                    return start.distance(to: target)
                }
            }
        }
    }

    /// Stores all four bytes of a table entry and moves past the ones that count.
    @inline(__always)
    private static func write(_ encoding: UInt32, to target: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
        target.storeBytes(of: encoding.littleEndian, as: UInt32.self)
        return target + Int(encoding >> 24)
    }

    private static func staysAsIs(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"),
            UInt8(ascii: "*"), UInt8(ascii: "_"):
            true
        default: false
        }
    }

    /// Per byte: what it encodes to in the low three bytes, first character lowest, and how many
    /// characters that is in the top byte.
    private static let encodings: [UInt32] = (0...255).map { byte in
        if staysAsIs(UInt8(byte)) { return UInt32(byte) | 1 << 24 }
        if byte == 0x20 { return UInt32(UInt8(ascii: "+")) | 1 << 24 }
        let digits = Array("0123456789ABCDEF".utf8)
        return UInt32(UInt8(ascii: "%")) | UInt32(digits[byte >> 4]) << 8 | UInt32(digits[byte & 0x0F]) << 16 | 3 << 24
    }

    /// `+` becomes a space, each run of `%XX` escapes is read as UTF-8 (bad sequences become
    /// U+FFFD). Text with neither comes back as it is.
    static func decode(_ text: String) throws(TemplateObjectErrorMessage) -> String {
        var source = text
        if let decoded = source.withUTF8({ decodeCommonCase($0, original: text) }) { return decoded }
        return try decodeAsJava(text)
    }

    /// The byte loop for well-formed input: every `%` followed by two ASCII hex digits and the
    /// escapes forming valid UTF-8. Nil for anything else (signs, bad digits, a short escape,
    /// bytes that are not UTF-8), which `decodeAsJava` handles with Java's exact messages and
    /// replacement characters.
    private static func decodeCommonCase(_ bytes: UnsafeBufferPointer<UInt8>, original: String) -> String? {
        guard bytes.contains(where: { $0 == UInt8(plus) || $0 == UInt8(percent) }) else { return original }
        var wellFormed = true
        // Every escape is three bytes in and one out, so the input length is enough room.
        let output = [UInt8](unsafeUninitializedCapacity: bytes.count) { output, written in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(plus) {
                    output[written] = UInt8(space)
                    index &+= 1
                } else if byte == UInt8(percent) {
                    guard index &+ 2 < bytes.count, let high = hexValue(bytes[index &+ 1]), let low = hexValue(bytes[index &+ 2]) else {
                        wellFormed = false
                        return
                    }
                    output[written] = high << 4 | low
                    index &+= 3
                } else {
                    output[written] = byte
                    index &+= 1
                }
                written &+= 1
            }
        }
        // Escaped runs sit between whole characters of valid text, so the output is valid UTF-8
        // exactly when every run is; an invalid one needs Java's per-run replacement.
        guard wellFormed else { return nil }
        return String(validating: output, as: UTF8.self)
    }

    @inline(__always)
    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte &- 0x30
        case 0x61...0x66: byte &- 0x61 &+ 10
        case 0x41...0x46: byte &- 0x41 &+ 10
        default: nil
        }
    }

    /// `URLDecoder.decode` on UTF-16 units, step by step as Java does it, for the inputs the
    /// byte loop leaves alone.
    private static func decodeAsJava(_ text: String) throws(TemplateObjectErrorMessage) -> String {
        let units = Array(text.utf16)
        var output: [UInt16] = []
        output.reserveCapacity(units.count)
        var index = 0
        while index < units.count {
            let unit = units[index]
            if unit == plus {
                output.append(space)
                index += 1
            } else if unit == percent {
                var bytes: [UInt8] = []
                while index + 2 < units.count && units[index] == percent {
                    let byte = try javaParseHex(units[index + 1], units[index + 2])
                    bytes.append(byte)
                    index += 3
                }
                if index < units.count && units[index] == percent {
                    throw TemplateObjectErrorMessage("URLDecoder: Incomplete trailing escape (%) pattern")
                }
                output.append(contentsOf: String(decoding: bytes, as: UTF8.self).utf16)
            } else {
                output.append(unit)
                index += 1
            }
        }
        return String(decoding: output, as: UTF16.self)
    }

    /// `Integer.parseInt(s, i + 1, i + 3, 16)`: a leading `+` or `-` is a sign, so `%+1` is
    /// byte 1 and `%-1` is a negative value, which `URLDecoder` rejects.
    private static func javaParseHex(_ first: UInt16, _ second: UInt16) throws(TemplateObjectErrorMessage) -> UInt8 {
        let pair = String(decoding: [first, second], as: UTF16.self)
        let illegal = "URLDecoder: Illegal hex characters in escape (%) pattern - "
        var sign = 1
        var digits = [first, second]
        if first == plus || first == minus {
            sign = first == minus ? -1 : 1
            digits.removeFirst()
        }
        var value = 0
        for (offset, digit) in digits.enumerated() {
            guard let digitValue = asciiHexValue(digit) else {
                let position = offset + (digits.count == 1 ? 1 : 0)
                throw TemplateObjectErrorMessage(illegal + "Error at index \(position) in: \"\(pair)\"")
            }
            value = value * 16 + digitValue
        }
        if sign < 0 && value != 0 {
            throw TemplateObjectErrorMessage(illegal + "negative value")
        }
        return UInt8(value)
    }

    /// `Character.digit(c, 16)` for ASCII; Java would also read other scripts' digits
    /// (`%٣٣`), which no one sends in a URL, so those are refused here.
    private static func asciiHexValue(_ unit: UInt16) -> Int? {
        switch unit {
        case 0x30...0x39: Int(unit - 0x30)
        case 0x61...0x66: Int(unit - 0x61) + 10
        case 0x41...0x46: Int(unit - 0x41) + 10
        default: nil
        }
    }
}
