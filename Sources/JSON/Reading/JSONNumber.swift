import JavaLang

/// How json-smart turns number text into a Java number type.
enum JSONNumber {
    /// Digits with an optional `-` (possibly nothing else: `-` alone reads as 0). Up to 18
    /// digits (19 with a sign) is always a `long`; one more digit is a `long` when it fits;
    /// longer is always `BigInteger`, even `00000000000000000001`.
    static func integer(_ text: String) -> JSONValue {
        let negative = text.hasPrefix("-")
        let limit = negative ? 20 : 19
        let length = text.utf8.count
        if length > limit { return .bigInteger(BigInteger(text) ?? BigInteger(0)) }
        if negative && length == 1 { return .integer(0) }
        if length == limit {
            guard let value = BigInteger(text), let small = value.int64Value else {
                return .bigInteger(BigInteger(text) ?? BigInteger(0))
            }
            return .integer(small)
        }
        return .integer(Int(text) ?? 0)
    }

    /// `integer(_:)` straight from the bytes, without making a String first when the digits
    /// surely fit a `long`. The reader hands over `-`? followed by digits only.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONValue {
        let negative = bytes.first == UInt8(ascii: "-")
        let first = negative ? 1 : 0
        guard bytes.count - first < 19 else { return integer(String(decoding: bytes, as: UTF8.self)) }
        var value = 0
        for index in first..<bytes.count { value = value &* 10 &+ Int(bytes[index] &- UInt8(ascii: "0")) }
        return .integer(negative ? -value : value)
    }

    /// The common `-`?digits`.`digits with at most 15 digits, computed exactly: both the digits
    /// as an integer and the power of ten are exact doubles, so one division rounds correctly,
    /// as `Double.parseDouble` does. Nil for anything else, which goes through `fractional`.
    static func shortDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        // Past 18 characters the text is a BigDecimal; 18 digits also cannot overflow `mantissa`.
        guard bytes.count <= 18 else { return nil }
        let negative = bytes.first == UInt8(ascii: "-")
        var mantissa = 0
        var digitCount = 0
        var fractionDigits = 0
        var seenPoint = false
        for index in (negative ? 1 : 0)..<bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                mantissa = mantissa * 10 + Int(byte - UInt8(ascii: "0"))
                digitCount += 1
                if seenPoint { fractionDigits += 1 }
            } else {
                return nil
            }
        }
        // "1." and "-.5" are numbers to Java too; "-." (no digit) is left to the full parser.
        guard seenPoint, digitCount > 0, digitCount <= 15 else { return nil }
        return exactDecimal(mantissa, fractionDigits: fractionDigits, negative: negative)
    }

    /// `mantissa / 10^fractionDigits` for at most 15 digits: exact operands, one rounding.
    @inline(__always)
    static func exactDecimal(_ mantissa: Int, fractionDigits: Int, negative: Bool) -> JSONValue {
        let magnitude = Double(mantissa) / powersOfTen[fractionDigits]
        return .double(negative ? -magnitude : magnitude)
    }

    /// Written out so the table is static data, not a lazily built global.
    private static let powersOfTen: [Double] = [
        1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    ]

    /// Text with a point or exponent: `Double.parseDouble` up to 18 characters, `BigDecimal`
    /// beyond (json-smart's `USE_HI_PRECISION_FLOAT`). Nil where Java throws.
    static func fractional(_ text: String) -> JSONValue? {
        if text.utf8.count > 18 {
            return BigDecimal.Spelling(text).map { JSONValue.bigDecimal($0.javaText) }
        }
        return JavaDouble.parse(text).map(JSONValue.double)
    }
}
