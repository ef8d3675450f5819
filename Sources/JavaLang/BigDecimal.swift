/// A decimal number with the arithmetic of `java.math.BigDecimal`: `unscaled × 10^-scale`.
///
/// json-smart reads a number with a fraction or exponent longer than 18 characters
/// (`0.30000000000000004`, which JavaScript clients send) as a BigDecimal, and Velocity's
/// arithmetic turns to BigDecimal when one operand is one, or when a BigInteger meets a double.
/// Only what a template can reach is provided. Two values are `==` as Java's `equals` is:
/// `2.0` and `2.00` differ; `compare(_:_:)` orders by value.
public struct BigDecimal: Sendable, Hashable {
    public let unscaled: BigInteger
    public let scale: Int

    /// The most decimal digits an operation may produce or rescale to. Java has no such limit,
    /// but `1E-999999999 + 1` would then take hours; a template gets a limit error instead.
    public static let maximumDigits = 10_000

    /// Java keeps the scale in an `int`.
    static let scaleRange = Int(Int32.min)...Int(Int32.max)

    public init(unscaled: BigInteger, scale: Int) {
        self.unscaled = unscaled
        self.scale = scale
    }

    /// `new BigDecimal(BigInteger)`: scale 0.
    public init(_ integer: BigInteger) {
        self.init(unscaled: integer, scale: 0)
    }

    /// `new BigDecimal(String)`: an optional sign, digits with at most one point, an optional
    /// exponent. Nil where Java throws `NumberFormatException`, and for more than
    /// `maximumDigits` digits.
    public init?(_ text: some StringProtocol) {
        guard let spelling = Spelling(text), spelling.digits.count <= Self.maximumDigits,
              let unscaled = BigInteger((spelling.negative ? "-" : "") + String(decoding: spelling.digits, as: UTF8.self)) else { return nil }
        self.init(unscaled: unscaled, scale: spelling.scale)
    }

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

    /// `new BigDecimal(double)`: the double's exact binary value, at the smallest scale that
    /// holds it (`0.1` is `0.1000000000000000055511151231257827021181583404541015625`).
    /// Nil for NaN and the infinities, where Java throws `NumberFormatException`.
    public init?(exactly double: Double) {
        guard double.isFinite else { return nil }
        guard double != 0 else {
            self.init(unscaled: BigInteger(0), scale: 0)
            return
        }
        var significand = double.significandBitPattern
        var exponent: Int
        if double.exponentBitPattern == 0 {
            exponent = -1074
        } else {
            significand |= 1 << 52
            exponent = Int(double.exponentBitPattern) - 1075
        }
        let shift = significand.trailingZeroBitCount
        significand >>= UInt64(shift)
        exponent += shift
        let signed = BigInteger(double < 0 ? -Int(significand) : Int(significand))
        if exponent >= 0 {
            self.init(unscaled: signed * BigInteger.power(2, exponent), scale: 0)
        } else {
            // m / 2^k = m × 5^k / 10^k, and with m odd no smaller scale holds it.
            self.init(unscaled: signed * BigInteger.power(5, -exponent), scale: -exponent)
        }
    }

    public var signum: Int { unscaled.isZero ? 0 : (unscaled.isNegative ? -1 : 1) }

    /// The number of decimal digits of the unscaled value; 1 for zero.
    public var precision: Int { unscaled.isZero ? 1 : unscaled.magnitudeDigits.count }

    public var negated: BigDecimal { BigDecimal(unscaled: -unscaled, scale: scale) }

    public var magnitude: BigDecimal { unscaled.isNegative ? negated : self }

    /// `stripTrailingZeros()`: the same value at the smallest scale; zero is plain `0` (Java 8 on).
    public var strippingTrailingZeros: BigDecimal {
        guard !unscaled.isZero else { return BigDecimal(BigInteger(0)) }
        let digits = unscaled.magnitudeDigits
        let zeros = digits.reversed().prefix { $0 == UInt8(ascii: "0") }.count
        guard zeros > 0, let stripped = BigInteger((unscaled.isNegative ? "-" : "") + String(decoding: digits.dropLast(zeros), as: UTF8.self)) else {
            return self
        }
        return BigDecimal(unscaled: stripped, scale: scale - zeros)
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
