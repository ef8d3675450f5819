import Foundation

/// A regular expression with no syntax in it, such as `'` or `fish & chips`, which matches only
/// its own text. Searching for its bytes finds exactly the matches ICU would (UTF-8 and UTF-16
/// agree on where a whole-character match starts), in one pass, without copying the input to
/// UTF-16 or spending the render's regex time: `replaceAll("'", "")` on a 10 MB body is a
/// `memchr` loop.
struct LiteralPattern {
    private let needle: [UInt8]

    init?(_ pattern: String) {
        guard !pattern.isEmpty, !pattern.utf8.contains(where: Self.isSyntax) else { return nil }
        needle = Array(pattern.utf8)
    }

    /// Characters that mean something in a Java pattern outside a class; `]` and `}` are plain
    /// there, but a pattern with one is rare enough to leave to ICU.
    private static func isSyntax(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "."), UInt8(ascii: "|"),
            UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            true
        default: false
        }
    }

    /// `String.matches`: the whole text is the pattern, byte for byte (Java compares code
    /// units, so canonically equivalent spellings differ).
    func matchesEntirely(_ string: String) -> Bool {
        string.utf8.elementsEqual(needle)
    }

    /// The byte offsets where non-overlapping matches start, left to right; at most `limit`.
    private func matchStarts(in bytes: UnsafeBufferPointer<UInt8>, limit: Int = .max) -> [Int] {
        guard let base = bytes.baseAddress, bytes.count >= needle.count else { return [] }
        return needle.withUnsafeBufferPointer { needle in
            var starts: [Int] = []
            var position = 0
            let lastStart = bytes.count - needle.count
            while position <= lastStart && starts.count < limit {
                guard let found = memchr(base + position, Int32(needle[0]), lastStart - position + 1) else { break }
                let start = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + start, needle.baseAddress!, needle.count) == 0 {
                    starts.append(start)
                    position = start + needle.count
                } else {
                    position = start + 1
                }
            }
            return starts
        }
    }

    /// `replaceAll` / `replaceFirst` with an already expanded replacement (a literal pattern
    /// has no groups but `$0`, which is the pattern itself); nil when nothing matches. Fails
    /// once the result would pass `maximumUnits` UTF-16 units.
    func replace(in string: String, with replacement: String, all: Bool, maximumUnits: Int) throws(JavaRegex.Failure) -> String? {
        var source = string
        var inserted = replacement
        let result: String?? = source.withUTF8 { bytes in
            let starts = matchStarts(in: bytes, limit: all ? .max : 1)
            guard !starts.isEmpty else { return String??.some(nil) }
            return inserted.withUTF8 { inserted in
                let length = bytes.count + starts.count * (inserted.count - needle.count)
                // UTF-16 is never longer than UTF-8, so only a long result needs counting.
                if length > maximumUnits && Self.utf16Length(bytes, replacing: starts, count: needle.count, with: inserted) > maximumUnits {
                    return nil
                }
                return String(unsafeUninitializedCapacity: length) { output in
                    var written = 0
                    var position = 0
                    for start in starts {
                        copy(bytes, from: position, to: start, into: output, at: &written)
                        copy(inserted, from: 0, to: inserted.count, into: output, at: &written)
                        position = start + needle.count
                    }
                    copy(bytes, from: position, to: bytes.count, into: output, at: &written)
                    return written
                }
            }
        }
        guard let result else { throw JavaRegex.Failure(message: "the result would pass the outputBytes limit", isTooLarge: true) }
        return result
    }

    /// `String.split` on the pattern: with `limit` above 0 at most that many pieces, with 0
    /// trailing empty pieces dropped.
    func split(_ string: String, limit: Int) -> [String] {
        var source = string
        return source.withUTF8 { bytes in
            let starts = matchStarts(in: bytes, limit: limit > 0 ? limit - 1 : .max)
            var pieces: [String] = []
            pieces.reserveCapacity(starts.count + 1)
            var position = 0
            for start in starts {
                pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<start]), as: UTF8.self))
                position = start + needle.count
            }
            pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[position...]), as: UTF8.self))
            if limit == 0 {
                while pieces.last?.isEmpty == true { pieces.removeLast() }
                // Java gives the one empty string for empty input, which matched nothing.
                if pieces.isEmpty && bytes.isEmpty { return [""] }
            }
            return pieces
        }
    }

    private static func utf16Length(_ bytes: UnsafeBufferPointer<UInt8>, replacing starts: [Int], count: Int, with inserted: UnsafeBufferPointer<UInt8>) -> Int {
        func units(_ slice: UnsafeBufferPointer<UInt8>) -> Int {
            String(decoding: slice, as: UTF8.self).utf16.count
        }
        let removed = units(UnsafeBufferPointer(rebasing: bytes[starts[0]..<(starts[0] + count)]))
        return units(bytes) + starts.count * (units(inserted) - removed)
    }
}

private func copy(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, into output: UnsafeMutableBufferPointer<UInt8>, at written: inout Int
) {
    guard end > start else { return }
    memcpy(output.baseAddress! + written, bytes.baseAddress! + start, end - start)
    written += end - start
}
