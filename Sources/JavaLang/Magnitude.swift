/// Unsigned arithmetic on little-endian base-2^32 limb arrays, the engine under `BigInteger`.
///
/// Results may carry high zero limbs; `BigInteger.init(isNegative:magnitude:)` trims them.
enum Magnitude {
    static func trimmed(_ limbs: [UInt32]) -> [UInt32] {
        var end = limbs.count
        while end > 0 && limbs[end - 1] == 0 { end -= 1 }
        return end == limbs.count ? limbs : Array(limbs[..<end])
    }

    /// -1, 0 or 1 as `lhs` is less than, equal to or greater than `rhs` (both trimmed).
    static func compare(_ lhs: [UInt32], _ rhs: [UInt32]) -> Int {
        if lhs.count != rhs.count { return lhs.count < rhs.count ? -1 : 1 }
        for index in stride(from: lhs.count - 1, through: 0, by: -1) where lhs[index] != rhs[index] {
            return lhs[index] < rhs[index] ? -1 : 1
        }
        return 0
    }

    static func add(_ lhs: [UInt32], _ rhs: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(max(lhs.count, rhs.count) + 1)
        var carry: UInt64 = 0
        for index in 0..<max(lhs.count, rhs.count) {
            let sum = UInt64(index < lhs.count ? lhs[index] : 0) + UInt64(index < rhs.count ? rhs[index] : 0) + carry
            result.append(UInt32(truncatingIfNeeded: sum))
            carry = sum >> 32
        }
        if carry != 0 { result.append(UInt32(carry)) }
        return result
    }

    /// `lhs - rhs`, requiring `lhs >= rhs`.
    static func subtract(_ lhs: [UInt32], _ rhs: [UInt32]) -> [UInt32] {
        var result = lhs
        var borrow: Int64 = 0
        for index in 0..<lhs.count {
            var difference = Int64(lhs[index]) - Int64(index < rhs.count ? rhs[index] : 0) - borrow
            borrow = 0
            if difference < 0 {
                difference += 1 << 32
                borrow = 1
            }
            result[index] = UInt32(difference)
        }
        return result
    }

    static func multiply(_ lhs: [UInt32], _ rhs: [UInt32]) -> [UInt32] {
        if lhs.isEmpty || rhs.isEmpty { return [] }
        var result = [UInt32](repeating: 0, count: lhs.count + rhs.count)
        for i in 0..<lhs.count {
            var carry: UInt64 = 0
            let left = UInt64(lhs[i])
            for j in 0..<rhs.count {
                let product = left * UInt64(rhs[j]) + UInt64(result[i + j]) + carry
                result[i + j] = UInt32(truncatingIfNeeded: product)
                carry = product >> 32
            }
            result[i + rhs.count] = UInt32(carry)
        }
        return result
    }

    /// `limbs = limbs * factor + addend`, in place.
    static func multiplyAdd(_ limbs: inout [UInt32], by factor: UInt32, adding addend: UInt32) {
        var carry = UInt64(addend)
        for index in limbs.indices {
            let value = UInt64(limbs[index]) * UInt64(factor) + carry
            limbs[index] = UInt32(truncatingIfNeeded: value)
            carry = value >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
    }

    /// Divides in place by a single limb, returning the remainder; the result stays trimmed.
    static func divide(_ limbs: inout [UInt32], by divisor: UInt32) -> UInt32 {
        var remainder: UInt64 = 0
        for index in stride(from: limbs.count - 1, through: 0, by: -1) {
            let current = (remainder << 32) | UInt64(limbs[index])
            limbs[index] = UInt32(current / UInt64(divisor))
            remainder = current % UInt64(divisor)
        }
        limbs = trimmed(limbs)
        return UInt32(remainder)
    }

    /// Quotient and remainder by binary long division: simple, and fast enough for the
    /// few-hundred-digit numbers a template or a JSON body can hold.
    static func divide(_ dividend: [UInt32], by divisor: [UInt32]) -> (quotient: [UInt32], remainder: [UInt32]) {
        if compare(dividend, divisor) < 0 { return ([], dividend) }
        if divisor.count == 1 {
            var quotient = dividend
            let remainder = divide(&quotient, by: divisor[0])
            return (quotient, remainder == 0 ? [] : [remainder])
        }
        var quotient = [UInt32](repeating: 0, count: dividend.count)
        var remainder: [UInt32] = []
        for bit in stride(from: bitLength(dividend) - 1, through: 0, by: -1) {
            shiftLeftOne(&remainder)
            if testBit(dividend, bit) {
                if remainder.isEmpty { remainder.append(1) } else { remainder[0] |= 1 }
            }
            if compare(remainder, divisor) >= 0 {
                remainder = trimmed(subtract(remainder, divisor))
                quotient[bit / 32] |= 1 << UInt32(bit % 32)
            }
        }
        return (trimmed(quotient), remainder)
    }

    static func shiftLeftOne(_ limbs: inout [UInt32]) {
        var carry: UInt32 = 0
        for index in limbs.indices {
            let next = limbs[index] >> 31
            limbs[index] = (limbs[index] << 1) | carry
            carry = next
        }
        if carry != 0 { limbs.append(carry) }
    }

    static func bitLength(_ limbs: [UInt32]) -> Int {
        guard let top = limbs.last else { return 0 }
        return (limbs.count - 1) * 32 + (32 - top.leadingZeroBitCount)
    }

    static func testBit(_ limbs: [UInt32], _ bit: Int) -> Bool {
        let index = bit / 32
        return index < limbs.count && limbs[index] & (1 << UInt32(bit % 32)) != 0
    }

    /// True when any bit below position `bit` is set.
    static func hasBitBelow(_ limbs: [UInt32], _ bit: Int) -> Bool {
        let whole = bit / 32
        for index in 0..<min(whole, limbs.count) where limbs[index] != 0 { return true }
        let partial = bit % 32
        return partial > 0 && whole < limbs.count && limbs[whole] & ((1 << UInt32(partial)) - 1) != 0
    }
}
