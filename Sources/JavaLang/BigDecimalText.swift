/// How `java.math.BigDecimal` reads and writes numbers as text.
extension BigDecimal {
    /// The text `new BigDecimal(String)` reads, taken apart without arithmetic, so a number of
    /// a million digits costs one pass (json-smart reads a body's long numbers this way).
    public struct Spelling: Sendable {
        /// False for zero, which has no sign.
        public let negative: Bool
        /// The unscaled value's digits as ASCII, without leading zeros (`0` for zero).
        public let digits: [UInt8]
        public let scale: Int

        public init?(_ text: some StringProtocol) {
            var bytes = Substring(text).utf8[...]
            var negative = false
            if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
                negative = first == UInt8(ascii: "-")
                bytes = bytes.dropFirst()
            }
            var digits: [UInt8] = []
            var sawDigit = false
            var fractionDigits = 0
            var seenPoint = false
            var exponent = 0
            while let byte = bytes.first {
                bytes = bytes.dropFirst()
                if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                    sawDigit = true
                    // Leading zeros do not change the unscaled value.
                    if !digits.isEmpty || byte != UInt8(ascii: "0") { digits.append(byte) }
                    if seenPoint { fractionDigits += 1 }
                } else if byte == UInt8(ascii: ".") && !seenPoint {
                    seenPoint = true
                } else if (byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")) && sawDigit {
                    guard let value = Self.exponent(Substring(bytes)) else { return nil }
                    exponent = value
                    bytes = bytes[bytes.endIndex...]
                } else {
                    return nil
                }
            }
            guard sawDigit, scaleRange.contains(fractionDigits - exponent) else { return nil }
            self.negative = negative && !digits.isEmpty
            self.digits = digits.isEmpty ? [UInt8(ascii: "0")] : digits
            self.scale = fractionDigits - exponent
        }

        /// `toString()` of the value spelled.
        public var javaText: String { BigDecimal.javaText(digits: digits, negative: negative, scale: scale) }

        /// An exponent: an optional sign, then one or more digits, within an `int`.
        private static func exponent(_ text: Substring) -> Int? {
            var digits = text
            let negative = digits.hasPrefix("-")
            if negative || digits.hasPrefix("+") { digits = digits.dropFirst() }
            guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                  let value = Int(digits), scaleRange.contains(value) else { return nil }
            return negative ? -value : value
        }
    }
}

extension BigDecimal: CustomStringConvertible {
    /// `toString()`: plain notation when the scale is not negative and the number is not too
    /// small, otherwise one digit, a point, the rest and `E±n`.
    public var description: String {
        BigDecimal.javaText(digits: unscaled.magnitudeDigits, negative: unscaled.isNegative, scale: scale)
    }

    /// Java's `toString()` of the value with these unscaled digits (no leading zeros) and scale.
    public static func javaText(digits: some Collection<UInt8>, negative: Bool, scale: Int) -> String {
        let coefficient = String(decoding: digits, as: UTF8.self)
        let adjusted = -scale + (coefficient.utf8.count - 1)
        let sign = negative ? "-" : ""
        if scale >= 0 && adjusted >= -6 {
            if scale == 0 { return sign + coefficient }
            if coefficient.utf8.count > scale {
                let split = coefficient.index(coefficient.endIndex, offsetBy: -scale)
                return sign + coefficient[..<split] + "." + coefficient[split...]
            }
            return sign + "0." + String(repeating: "0", count: scale - coefficient.utf8.count) + coefficient
        }
        let rest = coefficient.dropFirst()
        return sign + coefficient.prefix(1) + (rest.isEmpty ? "" : "." + rest) + "E" + (adjusted >= 0 ? "+" : "") + String(adjusted)
    }

    /// `toPlainString()`: never an exponent. Nil when that takes more than `maximumDigits` zeros.
    public var plainDescription: String? {
        guard scale.magnitude <= BigDecimal.maximumDigits else { return nil }
        let digits = String(decoding: unscaled.magnitudeDigits, as: UTF8.self)
        let sign = unscaled.isNegative ? "-" : ""
        if unscaled.isZero && scale < 0 { return "0" }
        if scale <= 0 { return sign + digits + String(repeating: "0", count: -scale) }
        if digits.utf8.count > scale {
            let split = digits.index(digits.endIndex, offsetBy: -scale)
            return sign + digits[..<split] + "." + digits[split...]
        }
        return sign + "0." + String(repeating: "0", count: scale - digits.utf8.count) + digits
    }
}
