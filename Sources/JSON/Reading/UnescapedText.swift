/// Collects a string from UTF-8 bytes and UTF-16 escapes. Java strings may hold lone
/// surrogates (`"\ud83d"`); Swift strings cannot, so each lone surrogate becomes "?", the
/// byte Java's UTF-8 encoder writes for one when the template's output is sent.
///
/// One instance serves a whole parse and keeps its storage between strings, so a body full
/// of escaped strings allocates only for the Strings it produces. The storage is a plain
/// buffer rather than an `[UInt8]`: appending a run is then one copy, with no uniqueness or
/// capacity bookkeeping of an array in the way. Noncopyable, so it frees that buffer once.
struct UnescapedText: ~Copyable {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private var pendingHigh: UInt16?
    /// What a lone surrogate becomes: "?".
    private static let loneSurrogate: UInt32 = 0x3F
    /// Set when a dropped escape left part of a multi-byte character behind: only
    /// `finish()`, which repairs it as `String(decoding:)` does, may then read the bytes.
    private(set) var mayBeInvalid = false

    init() {
        capacity = 256
        storage = .allocate(capacity: capacity)
    }

    deinit { storage.deallocate() }

    mutating func removeAll() {
        count = 0
        pendingHigh = nil
        mayBeInvalid = false
    }

    mutating func markMaybeInvalid() { mayBeInvalid = true }

    @inline(__always)
    mutating func append(byte: UInt8) {
        if pendingHigh != nil { flushPending() }
        reserve(1)
        storage[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(bytes run: UnsafeBufferPointer<UInt8>) {
        if pendingHigh != nil { flushPending() }
        guard let source = run.baseAddress else { return }
        reserve(run.count)
        (storage + count).update(from: source, count: run.count)
        count += run.count
    }

    /// Copies the plain bytes of a quoted string from `start` (a plain byte) up to the next
    /// byte `QuotedScan.notPlain` stops at, and returns that byte's offset. Works a word at a
    /// time and stores whole words, keeping only the plain bytes of the last: the runs between
    /// escapes are short, and a scan followed by a copy cost more than the run itself.
    @inline(__always)
    mutating func appendPlainRun(of bytes: UnsafeBufferPointer<UInt8>, from start: Int, quote: UInt8) -> Int {
        if pendingHigh != nil { flushPending() }
        var index = start
        let end = bytes.count
        if let base = bytes.baseAddress, end >= 8 {
            let raw = UnsafeRawPointer(base)
            while index <= end - 8 {
                let word = QuotedScan.word(at: index, of: raw)
                reserve(8)
                UnsafeMutableRawPointer(storage + count).storeBytes(of: word.littleEndian, as: UInt64.self)
                let found = QuotedScan.notPlain(in: word, quote: quote)
                if found != 0 {
                    let plain = found.trailingZeroBitCount / 8
                    count += plain
                    return index + plain
                }
                count += 8
                index += 8
            }
        }
        while index < end, PermissiveReader.isPlainQuoted(bytes[index], quote: quote) {
            append(byte: bytes[index])
            index += 1
        }
        return index
    }

    mutating func append(unit: UInt16) {
        if let high = pendingHigh, (0xDC00...0xDFFF).contains(unit) {
            pendingHigh = nil
            let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
            appendScalar(scalar)
            return
        }
        flushPending()
        if (0xD800...0xDBFF).contains(unit) {
            pendingHigh = unit
        } else {
            appendScalar((0xDC00...0xDFFF).contains(unit) ? Self.loneSurrogate : UInt32(unit))
        }
    }

    mutating func finish() -> String {
        flushPending()
        return String(decoding: UnsafeBufferPointer(start: storage, count: count), as: UTF8.self)
    }

    /// The collected bytes, lent without making a String; valid UTF-8 unless `mayBeInvalid`.
    mutating func withFinishedBytes<Result, Failure>(
        _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        flushPending()
        return try body(UnsafeBufferPointer(start: storage, count: count))
    }

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStorage.update(from: storage, count: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }

    private mutating func flushPending() {
        if pendingHigh != nil {
            pendingHigh = nil
            appendScalar(Self.loneSurrogate)
        }
    }

    /// UTF-8 by hand: `append(unit:)` never passes a surrogate, and nothing above U+10FFFF
    /// can come out of one or two UTF-16 units.
    private mutating func appendScalar(_ value: UInt32) {
        reserve(4)
        switch value {
        case 0..<0x80:
            storage[count] = UInt8(value)
            count += 1
        case 0x80..<0x800:
            storage[count] = UInt8(0xC0 | value >> 6)
            storage[count + 1] = UInt8(0x80 | value & 0x3F)
            count += 2
        case 0x800..<0x10000:
            storage[count] = UInt8(0xE0 | value >> 12)
            storage[count + 1] = UInt8(0x80 | value >> 6 & 0x3F)
            storage[count + 2] = UInt8(0x80 | value & 0x3F)
            count += 3
        default:
            storage[count] = UInt8(0xF0 | value >> 18)
            storage[count + 1] = UInt8(0x80 | value >> 12 & 0x3F)
            storage[count + 2] = UInt8(0x80 | value >> 6 & 0x3F)
            storage[count + 3] = UInt8(0x80 | value & 0x3F)
            count += 4
        }
    }
}
