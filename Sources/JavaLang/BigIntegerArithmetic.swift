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
