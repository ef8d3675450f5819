/// What a render has written so far.
///
/// UTF-8 bytes rather than a String: appending bytes is far cheaper than `String +=`, and every
/// piece written is a whole String, so the bytes always decode cleanly at the end. While the
/// output is one large piece (`$input.json('$')` on a big body) it is kept as that String, so
/// the render hands it back without copying it into bytes and out again.
struct RenderedOutput {
    private var bytes: [UInt8] = []
    private var piece: String?
    /// Below this a piece is copied at once: sharing pays only for large text.
    private static let shareableBytes = 64 * 1024

    /// Bytes written so far.
    private(set) var count = 0

    mutating func append(_ text: String) {
        let length = text.utf8.count
        if count == 0, length >= RenderedOutput.shareableBytes {
            piece = text
        } else {
            if let piece {
                appendBytes(of: piece)
                self.piece = nil
            }
            appendBytes(of: text)
        }
        count += length
    }

    /// `String(value)` without making the String: integers are printed in loops over records.
    mutating func appendDecimal(_ value: Int) {
        if let piece {
            appendBytes(of: piece)
            self.piece = nil
        }
        // Digits are produced backwards into a buffer large enough for Int.min.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var magnitude = value.magnitude
            var start = 20
            repeat {
                start -= 1
                buffer[start] = UInt8(truncatingIfNeeded: magnitude % 10) &+ UInt8(ascii: "0")
                magnitude /= 10
            } while magnitude != 0
            if value < 0 {
                start -= 1
                buffer[start] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...]))
            count += 20 - start
        }
    }

    private mutating func appendBytes(of text: String) {
        // Appending the UTF-8 view element by element costs several times a copy of its bytes.
        if text.utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: text.utf8)
        }
    }

    var text: String {
        if let piece { return piece }
        return String(decoding: bytes, as: UTF8.self)
    }
}
