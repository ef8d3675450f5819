extension PermissiveReader {
    /// A member name. A quoted key of up to 16 bytes with no escape, the usual case, is found
    /// with two word loads and comes from `keys` when it was seen before; anything else is
    /// read as any other quoted or unquoted text.
    mutating func readKey() throws(JSONError) -> String {
        guard let spelling = shortQuotedKey() else { return try readOtherKey() }
        return readShortKey(spelling)
    }

    /// `readKey`, except that a short key `object` expects next (see `OpenObject`) is only
    /// passed over, and gives nil: its member's value goes on the stack without a key.
    @inline(__always)
    mutating func readKey(unlessNextOf object: inout OpenObject) throws(JSONError) -> String? {
        guard let spelling = shortQuotedKey() else { return try readOtherKey() }
        if open.follows(&object, withShortKey: spelling) {
            skipKey(spelling)
            return nil
        }
        return readShortKey(spelling)
    }

    /// Kept out of line, as `readOtherKey` is, so that the path for an expected key stays small.
    @inline(never)
    private mutating func readShortKey(_ spelling: KeyCache.Spelling) -> String {
        let start = position + 1
        let key = keys.key(for: spelling, bytes: slice(start..<start + spelling.length))
        skipKey(spelling)
        return key
    }

    @inline(never)
    private mutating func readOtherKey() throws(JSONError) -> String {
        guard c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") else { return readUnquoted(.key) }
        return try readQuoted()
    }

    /// The spelling of the quoted key at the current byte when it is short and plain: at most
    /// 16 bytes, no backslash, non-empty. Reads without moving, so that a key the reader
    /// expected can be passed over without ever becoming a String, and any other one read in full.
    @inline(__always)
    func shortQuotedKey() -> KeyCache.Spelling? {
        guard c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") else { return nil }
        let start = position + 1
        guard start + 16 <= count, let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base + start)
        let low = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        let quotes = QuotedScan.ones &* UInt64(c)
        let backslashes = QuotedScan.ones &* UInt64(UInt8(ascii: "\\"))
        var length: Int
        let foundLow = QuotedScan.zeroBytes(low ^ quotes) | QuotedScan.zeroBytes(low ^ backslashes)
        if foundLow != 0 {
            length = foundLow.trailingZeroBitCount / 8
        } else {
            let foundHigh = QuotedScan.zeroBytes(high ^ quotes) | QuotedScan.zeroBytes(high ^ backslashes)
            guard foundHigh != 0 else { return nil }
            length = 8 + foundHigh.trailingZeroBitCount / 8
        }
        // A backslash first means escapes; an empty key needs no String to be made.
        guard bytes[start + length] == c, length > 0 else { return nil }
        return KeyCache.Spelling(
            low: length >= 8 ? low : low & (1 << (8 * UInt64(length)) - 1),
            high: length >= 16 ? high : length <= 8 ? 0 : high & (1 << (8 * UInt64(length - 8)) - 1),
            length: length)
    }

    /// Moves past the quoted key `shortQuotedKey` just found.
    @inline(__always)
    private mutating func skipKey(_ spelling: KeyCache.Spelling) {
        position += spelling.length + 1
        read()
    }
}
