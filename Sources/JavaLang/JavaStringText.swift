extension String {
    /// A Java string's UTF-16 code units as text. A Swift string cannot hold a surrogate
    /// without its partner (`"😀".charAt(0)`, a substring that cuts a pair); it becomes "?",
    /// the byte Java's UTF-8 encoder writes for one, so the output is the bytes API Gateway
    /// sends (`String(decoding:as:)` would write U+FFFD, three bytes).
    public init<Units: Collection<UInt16>>(javaUTF16 units: Units) {
        guard units.contains(where: UTF16.isSurrogate) else {
            self.init(decoding: units, as: UTF16.self)
            return
        }
        var repaired = Array(units)
        var index = 0
        while index < repaired.count {
            if UTF16.isLeadSurrogate(repaired[index]), index + 1 < repaired.count, UTF16.isTrailSurrogate(repaired[index + 1]) {
                index += 2
                continue
            }
            if UTF16.isSurrogate(repaired[index]) { repaired[index] = 0x3F }  // "?"
            index += 1
        }
        self.init(decoding: repaired, as: UTF16.self)
    }

    /// Java's `toLowerCase()`: each character's full lower-case mapping, as `lowercased()`
    /// gives, except that a capital sigma ending a word becomes ς (Unicode's Final_Sigma
    /// condition, which Java applies: "ΟΔΟΣ" is "οδος", not "οδοσ").
    public func javaLowercased() -> String {
        // U+03A3 is CE A3 in UTF-8; without an A3 byte there is no capital sigma.
        guard utf8.contains(0xA3) else { return lowercased() }
        let scalars = Array(unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\u{3A3}" && Self.endsWord(scalars, at: index) {
                result.append("\u{3C2}")
            } else {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(result)
    }

    /// Final_Sigma (Unicode §3.13): a cased letter before, past any case-ignorable ones, and
    /// none after.
    private static func endsWord(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        func casedLetter(in range: some Sequence<Int>) -> Bool {
            for position in range {
                let properties = scalars[position].properties
                if properties.isCaseIgnorable { continue }
                return properties.isCased
            }
            return false
        }
        return casedLetter(in: (0..<index).reversed()) && !casedLetter(in: (index + 1)..<scalars.count)
    }
}
