/// `$util.urlEncode` and `$util.urlDecode`: `java.net.URLEncoder` and `URLDecoder` with UTF-8.
enum FormURLCoding {
    private static let plus: UInt16 = 0x2B, minus: UInt16 = 0x2D, percent: UInt16 = 0x25, space: UInt16 = 0x20

    /// Letters, digits and `. - * _` stay; space becomes `+`; every other UTF-8 byte `%XX`.
    static func encode(_ text: String) -> String {
        // Bytes, not String appends: a 10 MB body is encoded byte by byte.
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"),
                UInt8(ascii: "*"), UInt8(ascii: "_"):
                output.append(byte)
            case UInt8(ascii: " "): output.append(UInt8(ascii: "+"))
            default:
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    static func decode(_ text: String) throws(TemplateObjectErrorMessage) -> String {
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
