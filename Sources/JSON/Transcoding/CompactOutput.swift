/// The transcoder's output: bytes written straight into the storage of the String being made.
///
/// The space is fixed in advance (the caller reserves a guess and retries with more), so a
/// write that does not fit sets `isFull` and is dropped instead of growing a buffer: growing
/// would mean a second full copy of a megabyte body's text, the very cost transcoding avoids.
/// The transcoder checks `isFull` as it goes and gives up this attempt.
struct CompactOutput {
    private let base: UnsafeMutablePointer<UInt8>?
    private let capacity: Int
    /// Bytes written so far.
    private(set) var count = 0
    /// A write did not fit; what was written is incomplete.
    private(set) var isFull = false

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        base = buffer.baseAddress
        capacity = buffer.count
    }

    /// Where `byteCount` bytes may be written, or nil (and `isFull`) when they do not fit;
    /// `commit` then counts them.
    @inline(__always)
    mutating func room(for byteCount: Int) -> UnsafeMutablePointer<UInt8>? {
        guard capacity - count >= byteCount, let base else {
            isFull = true
            return nil
        }
        return base + count
    }

    @inline(__always)
    mutating func commit(_ byteCount: Int) {
        count += byteCount
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        guard let target = room(for: 1) else { return }
        target.pointee = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty, let target = room(for: bytes.count) else { return }
        target.update(from: source, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    /// `String(value)`, without making the String.
    mutating func append(integer value: Int) {
        var magnitude = value.magnitude
        var digitCount = 1
        var rest = magnitude / 10
        while rest > 0 {
            digitCount += 1
            rest /= 10
        }
        let signCount = value < 0 ? 1 : 0
        guard let target = room(for: signCount + digitCount) else { return }
        if signCount == 1 { target.pointee = UInt8(ascii: "-") }
        var position = signCount + digitCount
        repeat {
            position -= 1
            target[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        count += signCount + digitCount
    }
}
