/// An arbitrary-precision integer with the arithmetic of `java.math.BigInteger`.
///
/// Velocity widens `Long` overflow to `BigInteger` and json-smart reads integers too long
/// for a `long` as `BigInteger`, so templates can observe values beyond `Int64`. Only the
/// operations a template can reach are provided.
public struct BigInteger: Sendable, Hashable {
    /// True for values below zero; always false for zero so that zero has one representation.
    let isNegative: Bool
    /// The absolute value as little-endian base-2^32 limbs, without high zero limbs (empty for zero).
    let magnitude: [UInt32]

    init(isNegative: Bool, magnitude: [UInt32]) {
        let trimmed = Magnitude.trimmed(magnitude)
        self.isNegative = trimmed.isEmpty ? false : isNegative
        self.magnitude = trimmed
    }

    /// Creates the value of a machine integer.
    public init(_ value: Int) {
        let size = value.magnitude
        self.init(isNegative: value < 0, magnitude: [UInt32(truncatingIfNeeded: size), UInt32(truncatingIfNeeded: size >> 32)])
    }

    /// Parses a decimal integer: an optional `-` or `+`, then one or more ASCII digits.
    ///
    /// Returns nil for anything else (spaces, an empty digit run, other characters), as
    /// `new BigInteger(text)` throws `NumberFormatException`.
    public init?(_ decimal: some StringProtocol) {
        var digits = Substring(decimal).utf8[...]
        var negative = false
        if let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        var magnitude: [UInt32] = []
        // Nine digits at a time keep the multiply-add inside one UInt32 limb.
        var chunk: UInt32 = 0
        var chunkLength = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            chunk = chunk * 10 + UInt32(byte - UInt8(ascii: "0"))
            chunkLength += 1
            if chunkLength == 9 {
                Magnitude.multiplyAdd(&magnitude, by: 1_000_000_000, adding: chunk)
                chunk = 0
                chunkLength = 0
            }
        }
        if chunkLength > 0 {
            var scale: UInt32 = 1
            for _ in 0..<chunkLength { scale *= 10 }
            Magnitude.multiplyAdd(&magnitude, by: scale, adding: chunk)
        }
        self.init(isNegative: negative, magnitude: magnitude)
    }

    /// True when the value is zero.
    public var isZero: Bool { magnitude.isEmpty }

    /// The decimal digits of the absolute value, as ASCII bytes: `[0x30]` for zero.
    public var magnitudeDigits: [UInt8] {
        let text = description
        return Array(text.utf8.drop { $0 == UInt8(ascii: "-") })
    }

    /// The value as an `Int`, or nil when it does not fit in 64 bits (`longValueExact` would throw).
    public var int64Value: Int? {
        guard magnitude.count <= 2 else { return nil }
        var size: UInt64 = 0
        for (index, limb) in magnitude.enumerated() { size |= UInt64(limb) << (32 * UInt64(index)) }
        if isNegative {
            if size <= UInt64(Int64.max) { return -Int(size) }
            return size == UInt64(Int64.max) + 1 ? Int.min : nil
        }
        return size <= UInt64(Int64.max) ? Int(size) : nil
    }

    /// The nearest `Double`, ties to even, as `BigInteger.doubleValue()`; infinity when too large.
    public var doubleValue: Double {
        let bits = Magnitude.bitLength(magnitude)
        let result: Double
        if bits <= 64 {
            var size: UInt64 = 0
            for (index, limb) in magnitude.enumerated() { size |= UInt64(limb) << (32 * UInt64(index)) }
            result = Double(size)
        } else {
            // Keep the top 64 bits and fold every lower bit into the last one ("sticky"), so
            // the single rounding of UInt64 -> Double rounds as the full value would.
            let shift = bits - 64
            var top: UInt64 = 0
            for bit in 0..<64 where Magnitude.testBit(magnitude, shift + bit) {
                top |= 1 << UInt64(bit)
            }
            if Magnitude.hasBitBelow(magnitude, shift) { top |= 1 }
            result = Double(sign: .plus, exponent: shift, significand: Double(top))
        }
        return isNegative ? -result : result
    }
}

extension BigInteger: Comparable {
    /// Orders by numeric value.
    public static func < (lhs: BigInteger, rhs: BigInteger) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        let order = Magnitude.compare(lhs.magnitude, rhs.magnitude)
        return lhs.isNegative ? order > 0 : order < 0
    }
}

extension BigInteger: CustomStringConvertible {
    /// The decimal spelling, as `BigInteger.toString()`: a leading `-` for negative values, no `+`.
    public var description: String {
        if isZero { return "0" }
        var remaining = magnitude
        var chunks: [UInt32] = []
        while !remaining.isEmpty {
            chunks.append(Magnitude.divide(&remaining, by: 1_000_000_000))
        }
        var text = isNegative ? "-" : ""
        text += String(chunks.removeLast())
        for chunk in chunks.reversed() {
            let digits = String(chunk)
            text += String(repeating: "0", count: 9 - digits.count) + digits
        }
        return text
    }
}
