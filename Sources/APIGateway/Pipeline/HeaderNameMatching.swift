extension String {
    /// `lowercased() == other.lowercased()`, the way header names compare, without building
    /// either lower-case copy when both are ASCII (every header name a request here has):
    /// ASCII lowercases byte by byte, and equal ASCII strings are equal bytes. Anything else
    /// takes the Unicode route.
    func equalsIgnoringCase(_ other: String) -> Bool {
        var this = self, other = other
        let answer: Bool? = this.withUTF8 { left in
            other.withUTF8 { right in
                var index = 0
                while index < left.count && index < right.count {
                    let a = left[index], b = right[index]
                    if a >= 0x80 || b >= 0x80 { return nil }
                    if a != b && Self.asciiLowercase(a) != Self.asciiLowercase(b) {
                        // Unequal here, but only the ASCII rule may say so.
                        return left.allSatisfy { $0 < 0x80 } && right.allSatisfy { $0 < 0x80 } ? false : nil
                    }
                    index += 1
                }
                if left.count == right.count { return true }
                return left.allSatisfy { $0 < 0x80 } && right.allSatisfy { $0 < 0x80 } ? false : nil
            }
        }
        return answer ?? (lowercased() == other.lowercased())
    }

    private static func asciiLowercase(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
