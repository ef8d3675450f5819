/// What a render has written so far.
///
/// UTF-8 bytes rather than a String: appending bytes is far cheaper than `String +=`, and every
/// piece written is a whole String, so the bytes always decode cleanly at the end. When the
/// output starts with one large piece (`$input.json('$')` on a big body) that String is kept
/// as it is, so a render that writes nothing else hands it back without copying it.
///
/// A class over a buffer of its own rather than an `[UInt8]`: most writes are a few bytes of
/// text or digits, and a capacity check and a copy cost a fraction of the uniqueness and
/// capacity checks of `Array.append(contentsOf:)`. One per render, never shared.
final class RenderedOutput {
    /// Allocated on the first write.
    private var bytes: UnsafeMutablePointer<UInt8>?
    private var capacity = 0
    private var used = 0
    /// The large String the output starts with, if any; `bytes` follow it.
    private var piece: String?
    private var pieceLength = 0
    /// Where the innermost text rendered apart (`beginString`) starts in `bytes`, and how many are open.
    private var start = 0
    private var depth = 0
    /// Below this a piece is copied at once: sharing pays only for large text.
    private static let shareableBytes = 64 * 1024

    deinit {
        bytes?.deallocate()
    }

    /// Bytes written so far: of the text rendered apart, while there is one.
    var count: Int {
        pieceLength + used - start
    }

    @inline(__always)
    func append(_ text: String) {
        if used == 0, text.utf8.count >= RenderedOutput.shareableBytes, piece == nil, depth == 0 {
            piece = text
            pieceLength = text.utf8.count
            return
        }
        // Native strings (everything a template or JSON makes) lend their bytes directly.
        if text.utf8.withContiguousStorageIfAvailable({ write($0) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { write($0) }
        }
    }

    /// `String(value)` without making the String: integers are printed in loops over records.
    func appendDecimal(_ value: Int) {
        let bytes = reserve(20)
        var magnitude = value.magnitude
        var length = value < 0 ? 2 : 1
        var rest = magnitude / 10
        while rest != 0 {
            length += 1
            rest /= 10
        }
        // Digits are produced backwards, straight into their place.
        var position = bytes + used + length
        repeat {
            position -= 1
            position.pointee = UInt8(truncatingIfNeeded: magnitude % 10) &+ UInt8(ascii: "0")
            magnitude /= 10
        } while magnitude != 0
        if value < 0 { (position - 1).pointee = UInt8(ascii: "-") }
        used += length
    }

    @inline(__always)
    private func write(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        let bytes = reserve(buffer.count)
        (bytes + used).initialize(from: base, count: buffer.count)
        used += buffer.count
    }

    /// The buffer, with room for `extra` more bytes; it grows by doubling, so appends are amortised constant time.
    @inline(__always)
    private func reserve(_ extra: Int) -> UnsafeMutablePointer<UInt8> {
        if capacity - used < extra { grow(toHold: used + extra) }
        return bytes.unsafelyUnwrapped
    }

    private func grow(toHold needed: Int) {
        // The first buffer holds a typical mapping template's output (one to three KB)
        // without growing: a small allocation costs as much as this one, each growth a copy.
        var newCapacity = max(capacity * 2, 4096)
        while newCapacity < needed { newCapacity *= 2 }
        let newBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        if let bytes {
            newBytes.initialize(from: bytes, count: used)
            bytes.deallocate()
        }
        bytes = newBytes
        capacity = newCapacity
    }

    // MARK: Text rendered apart

    /// Starts text that is rendered apart from the output (an interpolated string, a `#define`
    /// block's `toString()`): it goes after what is written so far, in the same buffer, and
    /// `endString` takes it back out. Returns what `endString` needs to restore.
    func beginString() -> Int {
        let saved = start
        start = used
        depth += 1
        // Its size is its own: the piece before it does not count.
        pieceLength = 0
        return saved
    }

    /// The text written since the matching `beginString`, removed from the output.
    func endString(_ saved: Int) -> String {
        let text = String(decoding: UnsafeBufferPointer(start: bytes.map { $0 + start }, count: used - start), as: UTF8.self)
        used = start
        start = saved
        depth -= 1
        if depth == 0, let piece { pieceLength = piece.utf8.count }
        return text
    }

    /// Everything written, once the render is over.
    var text: String {
        let written = String(decoding: UnsafeBufferPointer(start: bytes, count: used), as: UTF8.self)
        guard let piece else { return written }
        return used == 0 ? piece : piece + written
    }
}
