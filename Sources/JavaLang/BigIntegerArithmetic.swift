extension BigInteger {
    /// The sum.
    public static func + (lhs: BigInteger, rhs: BigInteger) -> BigInteger {
        if lhs.isNegative == rhs.isNegative {
            return BigInteger(isNegative: lhs.isNegative, magnitude: Magnitude.add(lhs.magnitude, rhs.magnitude))
        }
        // Opposite signs: subtract the smaller magnitude from the larger; the larger keeps its sign.
        if Magnitude.compare(lhs.magnitude, rhs.magnitude) >= 0 {
            return BigInteger(isNegative: lhs.isNegative, magnitude: Magnitude.subtract(lhs.magnitude, rhs.magnitude))
        }
        return BigInteger(isNegative: rhs.isNegative, magnitude: Magnitude.subtract(rhs.magnitude, lhs.magnitude))
    }

    /// The difference.
    public static func - (lhs: BigInteger, rhs: BigInteger) -> BigInteger {
        lhs + (-rhs)
    }

    /// The product.
    public static func * (lhs: BigInteger, rhs: BigInteger) -> BigInteger {
        BigInteger(isNegative: lhs.isNegative != rhs.isNegative, magnitude: Magnitude.multiply(lhs.magnitude, rhs.magnitude))
    }

    /// The quotient truncated toward zero, as Java's `BigInteger.divide`.
    ///
    /// - Precondition: `rhs` is not zero (Java throws `ArithmeticException`; callers decide what that means).
    public static func / (lhs: BigInteger, rhs: BigInteger) -> BigInteger {
        precondition(!rhs.isZero, "BigInteger division by zero")
        let (quotient, _) = Magnitude.divide(lhs.magnitude, by: rhs.magnitude)
        return BigInteger(isNegative: lhs.isNegative != rhs.isNegative, magnitude: quotient)
    }

    /// The remainder of truncating division; its sign follows the dividend, as Java's `BigInteger.remainder` and `%`.
    ///
    /// - Precondition: `rhs` is not zero.
    public static func % (lhs: BigInteger, rhs: BigInteger) -> BigInteger {
        precondition(!rhs.isZero, "BigInteger division by zero")
        let (_, remainder) = Magnitude.divide(lhs.magnitude, by: rhs.magnitude)
        return BigInteger(isNegative: lhs.isNegative, magnitude: remainder)
    }

    /// The negation.
    public static prefix func - (value: BigInteger) -> BigInteger {
        BigInteger(isNegative: !value.isNegative, magnitude: value.magnitude)
    }
}

extension BigInteger {
    /// `base` raised to `exponent` (at least 0), by repeated squaring.
    public static func power(_ base: Int, _ exponent: Int) -> BigInteger {
        var result = BigInteger(1)
        var square = BigInteger(base)
        var remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 { result = result * square }
            remaining >>= 1
            if remaining > 0 { square = square * square }
        }
        return result
    }

    /// The quotient and remainder of truncating division, in one pass.
    ///
    /// - Precondition: `divisor` is not zero.
    public func quotientAndRemainder(dividingBy divisor: BigInteger) -> (quotient: BigInteger, remainder: BigInteger) {
        precondition(!divisor.isZero, "BigInteger division by zero")
        let (quotient, remainder) = Magnitude.divide(magnitude, by: divisor.magnitude)
        return (BigInteger(isNegative: isNegative != divisor.isNegative, magnitude: quotient),
                BigInteger(isNegative: isNegative, magnitude: remainder))
    }

    /// The absolute value.
    public var absolute: BigInteger { BigInteger(isNegative: false, magnitude: magnitude) }

    /// `hashCode()`: the big-endian 32-bit words folded with 31, times the sign.
    public var javaHashCode: Int32 {
        var hash: Int32 = 0
        for limb in magnitude.reversed() { hash = hash &* 31 &+ Int32(bitPattern: limb) }
        return isNegative ? 0 &- hash : hash
    }
}
