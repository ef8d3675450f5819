extension Substring {
    /// The pieces `split(maxSplits:omittingEmptySubsequences:whereSeparator:)` gives for
    /// separators that are ASCII characters, found by scanning UTF-8 bytes instead of
    /// breaking the whole text into `Character`s (which costs hundreds of instructions a
    /// byte on a request body).
    ///
    /// The pieces are exactly the `Character` split's: a separator byte splits only where it
    /// is a whole `Character` on its own, so `&` followed by a combining mark (one
    /// `Character`, not equal to `&`) stays inside its piece, and so does the `\n` of `\r\n`.
    /// Only texts that could hold such a cluster pay for that check.
    func splitOnASCII(
        maxSplits: Int = Int.max, omittingEmptySubsequences: Bool = true, whereSeparator isSeparator: (UInt8) -> Bool
    ) -> [Substring] {
        precondition(maxSplits >= 0, "Must take zero or more splits")
        func split(_ bytes: UnsafeBufferPointer<UInt8>) -> [Substring] {
            self.split(bytes, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences, isSeparator: isSeparator)
        }
        // Native strings hand out their bytes; others (bridged ones) are copied first.
        return utf8.withContiguousStorageIfAvailable(split) ?? Array(utf8).withUnsafeBufferPointer(split)
    }

    /// The split itself, over this substring's UTF-8 bytes; mirrors the standard library's
    /// `split(maxSplits:omittingEmptySubsequences:whereSeparator:)`.
    private func split(
        _ bytes: UnsafeBufferPointer<UInt8>, maxSplits: Int, omittingEmptySubsequences: Bool, isSeparator: (UInt8) -> Bool
    ) -> [Substring] {
        // In ASCII text every byte is a whole Character, except CR LF, which is one.
        let everyByteIsACharacter = !isSeparator(0x0D) && !isSeparator(0x0A) && bytes.allSatisfy { $0 < 0x80 }
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
        for offset in bytes.indices {
            let byte = bytes[offset]
            guard byte < 0x80, isSeparator(byte) else { continue }
            let position = utf8.index(startIndex, offsetBy: offset)
            guard everyByteIsACharacter || isWholeCharacter(at: position) else { continue }
            let appended = appendPiece(end: position)
            pieceStart = utf8.index(after: position)
            if appended && result.count == maxSplits { break }
        }
        if pieceStart != endIndex || !omittingEmptySubsequences {
            result.append(self[pieceStart..<endIndex])
        }
        return result
    }

    /// `splitOnASCII` with one separator, as `split(separator:maxSplits:omittingEmptySubsequences:)`.
    func splitOnASCII(_ separator: Character, maxSplits: Int = Int.max, omittingEmptySubsequences: Bool = true) -> [Substring] {
        let separatorByte = separator.asciiValue!
        return splitOnASCII(maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences) { $0 == separatorByte }
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
    /// `Substring.splitOnASCII` over the whole string.
    func splitOnASCII(_ separator: Character, maxSplits: Int = Int.max, omittingEmptySubsequences: Bool = true) -> [Substring] {
        self[...].splitOnASCII(separator, maxSplits: maxSplits, omittingEmptySubsequences: omittingEmptySubsequences)
    }
}
