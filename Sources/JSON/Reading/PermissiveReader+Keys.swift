extension PermissiveReader {
    /// A member name. A quoted key of up to 16 bytes with no escape, the usual case, is found
    /// with two word loads and comes from `keys` when it was seen before; anything else is
    /// read as any other quoted or unquoted text.
    mutating func readKey() throws(JSONError) -> String {
        guard c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") else { return readUnquoted(.key) }
        let start = position + 1
        guard start + 16 <= count, let base = bytes.baseAddress else { return try readQuoted() }
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
            guard foundHigh != 0 else { return try readQuoted() }
            length = 8 + foundHigh.trailingZeroBitCount / 8
        }
        // A backslash first means escapes; an empty key needs no String to be made.
        guard bytes[start + length] == c, length > 0 else { return try readQuoted() }
        let spelling = KeyCache.Spelling(
            low: length >= 8 ? low : low & (1 << (8 * UInt64(length)) - 1),
            high: length >= 16 ? high : length <= 8 ? 0 : high & (1 << (8 * UInt64(length - 8)) - 1),
            length: length)
        let stop = start + length
        let key = keys.key(for: spelling, bytes: slice(start..<stop))
        position = stop
        read()
        return key
    }
}
