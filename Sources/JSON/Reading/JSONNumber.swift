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
            return BigDecimalText.canonical(text).map(JSONValue.bigDecimal)
        }
        return JavaDouble.parse(text).map(JSONValue.double)
    }
}

/// `new BigDecimal(text).toString()` without a decimal type: the unscaled digits and scale
/// decide between plain and scientific notation, exactly as Java's rule does.
enum BigDecimalText {
    static func canonical(_ text: String) -> String? {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var digits: [UInt8] = []
        var fractionDigits = 0
        var seenPoint = false
        var exponent = 0
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits.append(byte)
                if seenPoint { fractionDigits += 1 }
            } else if byte == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                guard let value = Int(String(decoding: bytes[bytes.index(after: index)...], as: UTF8.self).replacingPlus()) else { return nil }
                exponent = value
                break
            } else {
                return nil
            }
            index = bytes.index(after: index)
        }
        guard !digits.isEmpty else { return nil }
        while digits.count > 1 && digits.first == UInt8(ascii: "0") { digits.removeFirst() }
        let coefficient = String(decoding: digits, as: UTF8.self)
        let isZero = coefficient == "0"
        let scale = fractionDigits - exponent
        let adjusted = -scale + (coefficient.count - 1)
        let sign = negative && !isZero ? "-" : ""
        if scale >= 0 && adjusted >= -6 {
            if scale == 0 { return sign + coefficient }
            if coefficient.count > scale {
                let split = coefficient.index(coefficient.endIndex, offsetBy: -scale)
                return sign + coefficient[..<split] + "." + coefficient[split...]
            }
            return sign + "0." + String(repeating: "0", count: scale - coefficient.count) + coefficient
        }
        let rest = coefficient.dropFirst()
        return sign + coefficient.prefix(1) + (rest.isEmpty ? "" : "." + rest) + "E" + (adjusted >= 0 ? "+" : "") + String(adjusted)
    }
}

private extension String {
    /// `Int("+5")` works in Swift, but be explicit: Java's exponent may carry a `+`.
    func replacingPlus() -> String { hasPrefix("+") ? String(dropFirst()) : self }
}
