/// Finds where a run of plain bytes in a quoted string ends, eight bytes at a time.
///
/// Strings are most of the bytes of a typical request body, and scanning them is most of the
/// work of reading one, so the searches test a whole word per step (the "has zero byte" bit
/// trick) instead of comparing each byte several times. In each test a set high bit marks a
/// matching byte; bits above the first true match may be false alarms (borrows), but the
/// lowest one is always exact, and that is the only one used.
enum QuotedScan {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The offset of the first `quote` or backslash at or after `start`, or nil if neither occurs.
    static func firstQuoteOrBackslash(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, quote: UInt8) -> Int? {
        var index = start
        let count = bytes.count
        if let base = bytes.baseAddress, count >= 8 {
            let raw = UnsafeRawPointer(base)
            let quotes = ones &* UInt64(quote)
            let backslashes = ones &* UInt64(UInt8(ascii: "\\"))
            while index <= count - 8 {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let found = zeroBytes(word ^ quotes) | zeroBytes(word ^ backslashes)
                if found != 0 { return index + found.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < count {
            let byte = bytes[index]
            if byte == quote || byte == UInt8(ascii: "\\") { return index }
            index += 1
        }
        return nil
    }

    /// The offset of the first byte at or after `start` that the escape-aware reading must
    /// look at (`quote`, backslash, a control byte or DEL), or `bytes.count`.
    static func endOfPlainRun(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, quote: UInt8) -> Int {
        var index = start
        let count = bytes.count
        if let base = bytes.baseAddress, count >= 8 {
            let raw = UnsafeRawPointer(base)
            while index <= count - 8 {
                let found = notPlain(in: word(at: index, of: raw), quote: quote)
                if found != 0 { return index + found.trailingZeroBitCount / 8 }
                index += 8
            }
        }
        while index < count, PermissiveReader.isPlainQuoted(bytes[index], quote: quote) { index += 1 }
        return index
    }

    /// Eight input bytes as a little-endian word, so the first byte is the lowest.
    @inline(__always)
    static func word(at offset: Int, of raw: UnsafeRawPointer) -> UInt64 {
        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The bytes of `word` that end a plain run (`quote`, backslash, a control byte or DEL);
    /// only the lowest set bit is exact.
    @inline(__always)
    static func notPlain(in word: UInt64, quote: UInt8) -> UInt64 {
        let controls = (word &- ones &* 0x20) & ~word & highBits
        return controls | zeroBytes(word ^ (ones &* UInt64(quote))) | zeroBytes(word ^ (ones &* UInt64(UInt8(ascii: "\\"))))
            | zeroBytes(word ^ (ones &* 0x7F))
    }

    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word & highBits
    }
}
