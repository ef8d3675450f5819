extension String {
    /// Java's `String.equals`: the same UTF-16 code units, which for Swift's well-formed
    /// strings means the same UTF-8 bytes. Swift's `==` is canonical equivalence, under which
    /// "é" (U+00E9) equals "e" + U+0301; in Java, and so in a template, they differ.
    ///
    /// Not inlined: taking the address of a String held in an array copies it (a retain and
    /// a release) when this is inlined into a loop over keys; a call borrows it.
    public func javaEquals(_ other: String) -> Bool {
        if hasSameRepresentation(as: other) { return true }
        let count = utf8.count
        guard count == other.utf8.count else { return false }
        return Self.sameBytes(self, other, count: count)
    }

    /// The same small string, or the same storage: then equal without reading the bytes (a
    /// false answer says nothing). Two words compared, cheap enough to try inline first.
    @inlinable
    public func hasSameRepresentation(as other: String) -> Bool {
        withUnsafeBytes(of: self) { lhs in
            withUnsafeBytes(of: other) { rhs in
                lhs.loadUnaligned(as: UInt64.self) == rhs.loadUnaligned(as: UInt64.self)
                    && lhs.loadUnaligned(fromByteOffset: 8, as: UInt64.self) == rhs.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            }
        }
    }

    /// Whether two strings of `count` UTF-8 bytes hold the same bytes, compared a word at a time.
    private static func sameBytes(_ lhs: String, _ rhs: String, count: Int) -> Bool {
        let compared = lhs.utf8.withContiguousStorageIfAvailable { left in
            rhs.utf8.withContiguousStorageIfAvailable { right -> Bool in
                guard count > 0, let a = UnsafeRawPointer(left.baseAddress), let b = UnsafeRawPointer(right.baseAddress) else { return true }
                var offset = 0
                while offset + 8 <= count {
                    if a.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self) {
                        return false
                    }
                    offset += 8
                }
                while offset < count {
                    if a.load(fromByteOffset: offset, as: UInt8.self) != b.load(fromByteOffset: offset, as: UInt8.self) { return false }
                    offset += 1
                }
                return true
            }
        }
        return (compared ?? nil) ?? lhs.utf8.elementsEqual(rhs.utf8)
    }
}

/// A dictionary or set key that compares and hashes a String by its bytes, as a Java
/// `HashMap` compares its keys (`String` itself would merge canonically equivalent spellings).
public struct JavaStringKey: Hashable, Sendable {
    /// The key's text.
    public let string: String

    @inlinable
    public init(_ string: String) { self.string = string }

    public static func == (lhs: JavaStringKey, rhs: JavaStringKey) -> Bool { lhs.string.javaEquals(rhs.string) }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        let hashed: Void? = string.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil { Array(string.utf8).withUnsafeBytes { hasher.combine(bytes: $0) } }
    }
}

extension String {
    /// Java's `equalsIgnoreCase`: as many UTF-16 units, and each pair equal, equal after
    /// `Character.toUpperCase`, or equal after that and `Character.toLowerCase`. Java maps one
    /// character at a time (a surrogate pair as one code point), so "ß" does not equal "SS"
    /// (Swift's `uppercased()` makes it two letters).
    public func javaEqualsIgnoringCase(_ other: String) -> Bool {
        let lhs = Array(utf16), rhs = Array(other.utf16)
        guard lhs.count == rhs.count else { return false }
        var index = 0
        while index < lhs.count {
            defer { index += 1 }
            if lhs[index] == rhs[index] { continue }
            // A surrogate is read with its partner, as one code point; a pair that starts here is then done.
            let (a, pairA) = Self.codePoint(in: lhs, at: index), (b, pairB) = Self.codePoint(in: rhs, at: index)
            if pairA || pairB { index += 1 }
            let upperA = javaCaseMapped(a, upper: true), upperB = javaCaseMapped(b, upper: true)
            if upperA == upperB || javaCaseMapped(upperA, upper: false) == javaCaseMapped(upperB, upper: false) { continue }
            return false
        }
        return true
    }

    /// Java's `compareToIgnoreCase`: the first pair of units that differ after the same case
    /// mapping as `javaEqualsIgnoringCase`, as the difference of their lower-case forms; else
    /// the difference in length.
    public func javaCompareIgnoringCase(_ other: String) -> Int {
        let lhs = Array(utf16), rhs = Array(other.utf16)
        var index = 0
        while index < min(lhs.count, rhs.count) {
            defer { index += 1 }
            if lhs[index] == rhs[index] { continue }
            let (a, pairA) = Self.codePoint(in: lhs, at: index), (b, pairB) = Self.codePoint(in: rhs, at: index)
            if pairA || pairB { index += 1 }
            let upperA = javaCaseMapped(a, upper: true), upperB = javaCaseMapped(b, upper: true)
            if upperA == upperB { continue }
            let lowerA = javaCaseMapped(upperA, upper: false), lowerB = javaCaseMapped(upperB, upper: false)
            if lowerA != lowerB { return Int(lowerA) - Int(lowerB) }
        }
        return lhs.count - rhs.count
    }

    /// The code point the unit at `index` belongs to, and whether it starts a pair that goes on after `index`.
    private static func codePoint(in units: [UInt16], at index: Int) -> (UInt32, startsPair: Bool) {
        let unit = units[index]
        if UTF16.isTrailSurrogate(unit), index > 0, UTF16.isLeadSurrogate(units[index - 1]) {
            return (pair(units[index - 1], unit), false)
        }
        if UTF16.isLeadSurrogate(unit), index + 1 < units.count, UTF16.isTrailSurrogate(units[index + 1]) {
            return (pair(unit, units[index + 1]), true)
        }
        return (UInt32(unit), false)
    }

    private static func pair(_ lead: UInt16, _ trail: UInt16) -> UInt32 {
        0x10000 + ((UInt32(lead) - 0xD800) << 10) + (UInt32(trail) - 0xDC00)
    }
}

/// `Character.toUpperCase(int)` or `toLowerCase(int)`: Unicode's simple case mapping of one
/// code point. Swift offers the full mappings; where one is a single scalar it is the simple
/// one, and a character whose full mapping is longer keeps itself, as Java's does (`ß`),
/// except U+0130, whose simple lower-case mapping is a plain `i`.
private func javaCaseMapped(_ codePoint: UInt32, upper: Bool) -> UInt32 {
    if codePoint < 0x80 {
        if upper, codePoint >= 0x61, codePoint <= 0x7A { return codePoint - 0x20 }
        if !upper, codePoint >= 0x41, codePoint <= 0x5A { return codePoint + 0x20 }
        return codePoint
    }
    if !upper && codePoint == 0x0130 { return 0x69 }
    guard let scalar = Unicode.Scalar(codePoint) else { return codePoint }
    let mapped = (upper ? scalar.properties.uppercaseMapping : scalar.properties.lowercaseMapping).unicodeScalars
    guard mapped.count == 1, let only = mapped.first else { return codePoint }
    return only.value
}
