/// An operation that would need more than `BigDecimal.maximumDigits` digits.
public struct BigDecimalTooLarge: Error, Sendable {}

extension BigDecimal {
    /// The sum, at the larger scale of the two.
    public static func + (lhs: BigDecimal, rhs: BigDecimal) throws(BigDecimalTooLarge) -> BigDecimal {
        let scale = max(lhs.scale, rhs.scale)
        return BigDecimal(unscaled: try lhs.unscaled(atScale: scale) + rhs.unscaled(atScale: scale), scale: scale)
    }

    /// The difference, at the larger scale of the two.
    public static func - (lhs: BigDecimal, rhs: BigDecimal) throws(BigDecimalTooLarge) -> BigDecimal {
        try lhs + rhs.negated
    }

    /// The product, at the sum of the scales.
    public static func * (lhs: BigDecimal, rhs: BigDecimal) throws(BigDecimalTooLarge) -> BigDecimal {
        let scale = lhs.scale + rhs.scale
        guard scaleRange.contains(scale) else { throw BigDecimalTooLarge() }
        let product = lhs.unscaled * rhs.unscaled
        guard product.magnitude.count <= maximumLimbs else { throw BigDecimalTooLarge() }
        return BigDecimal(unscaled: product, scale: scale)
    }

    /// `divide(divisor, ROUND_HALF_DOWN)`, as Velocity's `/` calls it: the quotient at this
    /// value's scale, an exact half rounded toward zero.
    ///
    /// - Precondition: `divisor` is not zero (Velocity answers null before dividing).
    public func divided(roundingHalfDown divisor: BigDecimal) throws(BigDecimalTooLarge) -> BigDecimal {
        // (a·10^-sa) / (b·10^-sb) at scale sa is a·10^sb / b.
        let shift = divisor.scale
        guard shift.magnitude <= BigDecimal.maximumDigits else { throw BigDecimalTooLarge() }
        let numerator = shift > 0 ? unscaled * BigInteger.power(10, shift) : unscaled
        let denominator = shift < 0 ? divisor.unscaled * BigInteger.power(10, -shift) : divisor.unscaled
        let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        let twiceRemainder = remainder.absolute + remainder.absolute
        guard twiceRemainder > denominator.absolute else { return BigDecimal(unscaled: quotient, scale: scale) }
        let awayFromZero = (numerator < BigInteger(0)) != (denominator < BigInteger(0)) ? BigInteger(-1) : BigInteger(1)
        return BigDecimal(unscaled: quotient + awayFromZero, scale: scale)
    }

    /// `compareTo`: -1, 0 or 1 by numeric value, whatever the scales (`2.0` equals `2.00`).
    public static func compare(_ lhs: BigDecimal, _ rhs: BigDecimal) -> Int {
        if lhs.signum != rhs.signum { return lhs.signum < rhs.signum ? -1 : 1 }
        if lhs.signum == 0 { return 0 }
        // Different orders of magnitude decide without aligning, so `1E-999999999` costs nothing.
        let lhsOrder = lhs.precision - lhs.scale
        let rhsOrder = rhs.precision - rhs.scale
        if lhsOrder != rhsOrder { return (lhsOrder < rhsOrder) == (lhs.signum > 0) ? -1 : 1 }
        let scale = max(lhs.scale, rhs.scale)
        // The same order of magnitude: the scales differ by no more than the digits.
        guard let a = try? lhs.unscaled(atScale: scale), let b = try? rhs.unscaled(atScale: scale) else { return 0 }
        return a < b ? -1 : (a == b ? 0 : 1)
    }

    /// `toBigInteger()`: the integer part, truncated toward zero.
    public func integerPart() throws(BigDecimalTooLarge) -> BigInteger {
        if scale <= 0 { return try unscaled(atScale: 0) }
        if scale >= precision { return BigInteger(0) }
        return unscaled / BigInteger.power(10, scale)
    }

    /// `longValue()`: the integer part's low 64 bits. From 10^64 up those bits are all zero.
    public var truncatedLowBits: Int {
        if scale <= -64 { return 0 }
        guard let integer = try? integerPart() else { return 0 }
        if let small = integer.int64Value { return small }
        let modulus = BigInteger.power(2, 64)
        var remainder = integer % modulus
        if remainder < BigInteger(0) { remainder = remainder + modulus }
        return remainder.int64Value ?? (remainder - modulus).int64Value ?? 0
    }

    /// `doubleValue()`: the nearest double; infinite beyond its range.
    public var doubleValue: Double {
        Double(description) ?? (signum < 0 ? -.infinity : .infinity)
    }

    /// `hashCode()`: 31 times the unscaled value's hash, plus the scale.
    public var javaHashCode: Int32 {
        31 &* unscaled.javaHashCode &+ Int32(truncatingIfNeeded: scale)
    }

    /// The unscaled value of this number written at a scale no smaller than its own.
    private func unscaled(atScale target: Int) throws(BigDecimalTooLarge) -> BigInteger {
        let shift = target - scale
        if shift == 0 || unscaled.isZero { return unscaled }
        guard shift > 0, shift <= BigDecimal.maximumDigits else { throw BigDecimalTooLarge() }
        return unscaled * BigInteger.power(10, shift)
    }

    /// About `maximumDigits` decimal digits, in 32-bit limbs.
    private static let maximumLimbs = maximumDigits / 9 + 1
}
