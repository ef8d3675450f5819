/// Strings looked up by their UTF-8 bytes, each made once: the parser finds a variable's name
/// straight from the template's bytes, and every mention of it shares one string.
///
/// (Sharing references' source text the same way measured no faster: in small templates most
/// of it is unique, and a miss costs more than the string it would have saved.)
///
/// Open addressing on a hash of the bytes: each entry holds the hash in its high 32 bits and
/// index + 1 in the low ones, 0 when empty.
struct StringTable: Sendable {
    private(set) var strings: [String] = []
    private var entries: [UInt64] = Array(repeating: 0, count: 32)
    /// The strings' bytes back to back, compared a word at a time on a hash match.
    private var spellings: [UInt8] = []
    /// Where each string's bytes end in `spellings`.
    private var ends: [Int] = []

    init(_ initial: [String] = []) {
        for string in initial { _ = index(of: string) }
    }

    var count: Int { strings.count }

    /// The index of `string`, added the first time it is seen.
    mutating func index(of string: String) -> Int {
        var string = string
        return string.withUTF8 { index(ofUTF8: $0) }
    }

    /// The index of the string spelled by `bytes` (valid UTF-8), added the first time it is seen.
    mutating func index(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = StringTable.hash(UnsafeRawBufferPointer(bytes))
        if let index = find(bytes, hash: hash) { return index }
        strings.append(String(decoding: bytes, as: UTF8.self))
        spellings.append(contentsOf: bytes)
        ends.append(spellings.count)
        if strings.count * 2 > entries.count { grow() }
        insert(strings.count - 1, hash: hash)
        return strings.count - 1
    }

    /// The index of `string`, or nil when it was never added.
    func existingIndex(of string: String) -> Int? {
        var string = string
        return string.withUTF8 { find($0, hash: StringTable.hash(UnsafeRawBufferPointer($0))) }
    }

    private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int? {
        entries.withUnsafeBufferPointer { entries in
            let mask = entries.count - 1
            var slot = Int(hash) & mask
            while true {
                let entry = entries[slot]
                if entry == 0 { return nil }
                if UInt32(truncatingIfNeeded: entry >> 32) == hash {
                    let index = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                    if spells(index, bytes) { return index }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private func spells(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = index == 0 ? 0 : ends[index - 1]
        guard ends[index] - start == bytes.count else { return false }
        return spellings.withUnsafeBytes { spellings in
            let candidate = UnsafeRawBufferPointer(rebasing: spellings[start..<(start + bytes.count)])
            let wanted = UnsafeRawBufferPointer(bytes)
            guard wanted.count >= 8 else {
                // By index: `elementsEqual` went through the generic sequence iterators.
                for position in 0..<wanted.count where candidate[position] != wanted[position] { return false }
                return true
            }
            var offset = 0
            while true {
                // The last word overlaps the one before it rather than going a byte at a time.
                let word = min(offset, wanted.count - 8)
                guard candidate.loadUnaligned(fromByteOffset: word, as: UInt64.self) == wanted.loadUnaligned(fromByteOffset: word, as: UInt64.self)
                else { return false }
                offset += 8
                if offset >= wanted.count { return true }
            }
        }
    }

    private mutating func insert(_ index: Int, hash: UInt32) {
        let mask = entries.count - 1
        var slot = Int(hash) & mask
        while entries[slot] != 0 { slot = (slot + 1) & mask }
        entries[slot] = UInt64(hash) << 32 | UInt64(index + 1)
    }

    private mutating func grow() {
        let old = entries
        entries = Array(repeating: 0, count: old.count * 2)
        for entry in old where entry != 0 {
            insert(Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1, hash: UInt32(truncatingIfNeeded: entry >> 32))
        }
    }

    /// A multiply-and-fold hash over eight bytes at a time, the last word overlapping the one
    /// before it, so no name costs a step per byte.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(bytes.count) &* multiplier
        if bytes.count < 8 {
            var word: UInt64 = 0
            for position in 0..<bytes.count { word |= UInt64(bytes[position]) << (8 * UInt64(position)) }
            hash = (hash ^ word) &* multiplier
        } else {
            var offset = 0
            while true {
                let word = min(offset, bytes.count - 8)
                hash = (hash ^ bytes.loadUnaligned(fromByteOffset: word, as: UInt64.self)) &* multiplier
                hash ^= hash >> 29
                offset += 8
                if offset >= bytes.count { break }
            }
        }
        hash ^= hash >> 32
        return UInt32(truncatingIfNeeded: hash)
    }
}
