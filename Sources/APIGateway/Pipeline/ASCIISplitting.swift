extension Substring {
    /// The pieces `split(maxSplits:omittingEmptySubsequences:whereSeparator:)` gives for
    /// separators that are ASCII characters, found by scanning UTF-8 bytes instead of
    /// breaking the whole text into `Character`s (which costs hundreds of instructions a
    /// byte on a request body).
    ///
    /// The pieces are exactly the `Character` split's: a separator byte splits only where it
    /// is a whole `Character` on its own, so `&` followed by a combining mark (one
    /// `Character`, not equal to `&`) stays inside its piece, and so does the `\n` of `\r\n`.
    /// Only separators next to a non-ASCII byte, or CR and LF themselves, pay for that check.
    /// Inlined so that each caller's separator test is compiled into the byte loop.
    @inline(__always)
    func splitOnASCII(
        maxSplits: Int = Int.max, omittingEmptySubsequences: Bool = true, whereSeparator isSeparator: (UInt8) -> Bool
    ) -> [Substring] {
        precondition(maxSplits >= 0, "Must take zero or more splits")
        return withUTF8Bytes { bytes in
            split(bytes, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences, isSeparator: isSeparator)
        }
    }

    /// `splitOnASCII` with one separator, as `split(separator:maxSplits:omittingEmptySubsequences:)`.
    func splitOnASCII(_ separator: Character, maxSplits: Int = Int.max, omittingEmptySubsequences: Bool = true) -> [Substring] {
        let separatorByte = separator.asciiValue!
        return splitOnASCII(maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences) { $0 == separatorByte }
    }

    /// `firstIndex(of:)` for an ASCII `Character`, found in the bytes: the first such byte
    /// that is a `Character` by itself. The text after it splits as a substring of its own
    /// would, since a whole `Character` ends there.
    func firstIndex(ofASCII separator: Character) -> Index? {
        let separatorByte = separator.asciiValue!
        let offset = withUTF8Bytes { bytes in
            bytes.indices.first { bytes[$0] == separatorByte && isWholeCharacter(atOffset: $0, in: bytes) }
        }
        return offset.map { utf8.index(startIndex, offsetBy: $0) }
    }

    /// Calls `body` with this substring's UTF-8 bytes: native strings hand them out, others
    /// (bridged ones) are copied first.
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        utf8.withContiguousStorageIfAvailable(body) ?? Array(utf8).withUnsafeBufferPointer(body)
    }

    /// Whether the ASCII byte at `offset` of `bytes` (this substring's UTF-8) is a `Character`
    /// by itself here, so that a `Character` search would find it.
    func isWholeCharacter(atOffset offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let byte = bytes[offset]
        // Between ASCII neighbours (or this substring's ends) every ASCII byte is a Character
        // of its own except CR and LF, which join as CR LF: no other rule of UAX #29 joins
        // two ASCII scalars, and the rules that join an ASCII one to a neighbour (Extend,
        // SpacingMark, ZWJ after it; Prepend before it) need a non-ASCII neighbour.
        if byte != 0x0D && byte != 0x0A && (offset == 0 || bytes[offset &- 1] < 0x80)
            && (offset &+ 1 == bytes.count || bytes[offset &+ 1] < 0x80)
        {
            return true
        }
        return isWholeCharacter(at: utf8.index(startIndex, offsetBy: offset))
    }

    /// The split itself, over this substring's UTF-8 bytes; mirrors the standard library's
    /// `split(maxSplits:omittingEmptySubsequences:whereSeparator:)`.
    @inline(__always)
    private func split(
        _ bytes: UnsafeBufferPointer<UInt8>, maxSplits: Int, omittingEmptySubsequences: Bool, isSeparator: (UInt8) -> Bool
    ) -> [Substring] {
        var result: [Substring] = []
        var pieceStart = startIndex

        func appendPiece(end: Index) -> Bool {
            if pieceStart == end && omittingEmptySubsequences { return false }
            result.append(self[pieceStart..<end])
            return true
        }

        if maxSplits == 0 || bytes.isEmpty {
            _ = appendPiece(end: endIndex)
            return result
        }
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte < 0x80, isSeparator(byte), isWholeCharacter(atOffset: offset, in: bytes) {
                let position = utf8.index(startIndex, offsetBy: offset)
                let appended = appendPiece(end: position)
                pieceStart = utf8.index(after: position)
                if appended && result.count == maxSplits { break }
            }
            offset &+= 1
        }
        if pieceStart != endIndex || !omittingEmptySubsequences {
            result.append(self[pieceStart..<endIndex])
        }
        return result
    }

    /// Whether the ASCII byte at `position` is a `Character` by itself here: a cluster starts
    /// there and ends after it. The substring's own ends are always cluster boundaries; in
    /// between, whether a cluster breaks around an ASCII byte depends only on the scalars next
    /// to it, so the base string answers the same.
    private func isWholeCharacter(at position: Index) -> Bool {
        if position != startIndex, String.Index(position, within: base) == nil { return false }
        let next = base.utf8.index(after: position)
        return next == endIndex || String.Index(next, within: base) != nil
    }
}

extension String {
    /// Whether the UTF-8 bytes hold `byte`, read from the string's own storage: the
    /// `utf8` view's iterator costs tens of instructions a byte.
    func containsUTF8Byte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
    }

    /// `Substring.splitOnASCII` over the whole string.
    func splitOnASCII(_ separator: Character, maxSplits: Int = Int.max, omittingEmptySubsequences: Bool = true) -> [Substring] {
        self[...].splitOnASCII(separator, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences)
    }
}
