/// The look-ahead questions the lexer asks of its bytes. Here rather than as the lexer's own
/// methods: called from the lexer's mutating methods, those copied the whole lexer (some 300
/// bytes) before every call.
extension UnsafeBufferPointer<UInt8> {
    func setDirectiveAfterWhitespace(at offset: Int) -> Int? {
        var index = offset
        while index < self.count, self[index] == UInt8(ascii: " ") || self[index] == UInt8(ascii: "\t") { index += 1 }
        guard index > offset, index < self.count, self[index] == UInt8(ascii: "#") else { return nil }
        // `#set`, `#{set}`, not `#setting`: compare bytes rather than build the name.
        var name = index + 1
        let braced = name < self.count && self[name] == UInt8(ascii: "{")
        if braced { name += 1 }
        guard name + 3 <= self.count, self[name] == UInt8(ascii: "s"), self[name + 1] == UInt8(ascii: "e"),
            self[name + 2] == UInt8(ascii: "t")
        else { return nil }
        var end = name + 3
        if braced {
            guard end < self.count && self[end] == UInt8(ascii: "}") else { return nil }
            end += 1
        } else if end < self.count && Lexer.isWordCharacter(self[end]) {
            return nil
        }
        // Without its parenthesis `#set` is text, and so is the indentation before it.
        return isFollowedByParenthesis(end) ? index : nil
    }

    /// `#name` or `#{name}`: the directive it names and where it ends.
    func directiveName(at offset: Int) -> (Directive, Int)? {
        var index = offset + 1
        let braced = index < self.count && self[index] == UInt8(ascii: "{")
        if braced { index += 1 }
        guard index < self.count, Lexer.isLetter(self[index]) || self[index] == UInt8(ascii: "_") else { return nil }
        let nameStart = index
        while index < self.count, Lexer.isWordCharacter(self[index]) { index += 1 }
        let directive = Directive(spelling: UnsafeBufferPointer(rebasing: self[nameStart..<index]))
        if braced {
            guard index < self.count, self[index] == UInt8(ascii: "}") else { return nil }
            index += 1
        }
        return (directive, index)
    }

    func isFollowedByParenthesis(_ offset: Int) -> Bool {
        var index = offset
        while index < self.count, self[index] == UInt8(ascii: " ") || self[index] == UInt8(ascii: "\t") { index += 1 }
        return index < self.count && self[index] == UInt8(ascii: "(")
    }

    /// Length of `$`, `$!`, `${` or `$!{` when a reference starts at `offset`.
    func referenceStartLength(at offset: Int) -> Int? {
        var index = offset + 1
        if index < self.count, self[index] == UInt8(ascii: "!") { index += 1 }
        guard index < self.count else { return nil }
        if self[index] == UInt8(ascii: "{") {
            let next = index + 1
            guard next < self.count, Lexer.isIdentifierStart(self[next]) else { return nil }
            return next - offset
        }
        return Lexer.isIdentifierStart(self[index]) ? index - offset : nil
    }

    /// The end of `[ \t]*` followed by one line break, if that is what follows `offset`.
    func lineBreakAfterSpaces(from offset: Int) -> Int? {
        var index = offset
        while index < self.count, self[index] == UInt8(ascii: " ") || self[index] == UInt8(ascii: "\t") { index += 1 }
        guard index < self.count else { return nil }
        if self[index] == UInt8(ascii: "\n") { return index + 1 }
        if self[index] == UInt8(ascii: "\r") {
            return index + 1 < self.count && self[index + 1] == UInt8(ascii: "\n") ? index + 2 : index + 1
        }
        return nil
    }

    func matches(_ literal: StaticString, at offset: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard offset + count <= self.count else { return false }
        return literal.withUTF8Buffer { literalBytes in
            for index in 0..<count where self[offset + index] != literalBytes[index] { return false }
            return true
        }
    }

    func find(_ literal: StaticString, from offset: Int) -> Int? {
        // Both literals searched for (`]]#`, `*#`) are rare bytes: skip to their first byte.
        let first = literal.withUTF8Buffer { $0[0] }
        var index = offset
        while index < self.count {
            if self[index] == first, matches(literal, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// The first offset from `offset` holding `first`, `second` or `third`, or `count` when none does.
    /// Text runs and comments are most of a template: eight bytes are tested at a time.
    func firstOffset(of first: UInt8, _ second: UInt8, _ third: UInt8, from offset: Int) -> Int {
        guard let base = baseAddress else { return count }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let (a, b, c) = (UInt64(first) &* ones, UInt64(second) &* ones, UInt64(third) &* ones)
        var index = offset
        while index + 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            // A zero byte in `word ^ a` is a match; `(x - ones) & ~x` sets the high bit of the lowest
            // zero byte exactly (higher ones may be false, but only above a true match).
            let (x, y, z) = (word ^ a, word ^ b, word ^ c)
            let matches = ((x &- ones) & ~x | (y &- ones) & ~y | (z &- ones) & ~z) & 0x8080_8080_8080_8080
            if matches != 0 { return index + matches.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < count, self[index] != first, self[index] != second, self[index] != third { index += 1 }
        return index
    }
}
