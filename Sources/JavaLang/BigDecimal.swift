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
