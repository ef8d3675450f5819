/// RFC 1321 MD5, for `MD5OfMessageBody`: SQS reports the MD5 of the message's UTF-8 bytes
/// as 32 lower-case hex digits (SQS SendMessage API reference). Not for security.
///
/// The message is read in place, block by block, and may come in parts (a prefix and a
/// body) that are never joined; the 64 steps are written out as in RFC 1321's reference
/// code, so each constant, shift and word index is fixed where it is used.
enum MD5 {
    /// The digest of the text's UTF-8 bytes as lower-case hex.
    static func hex(_ text: String) -> String {
        let digest = digest(utf8Of: [text])
        return String(unsafeUninitializedCapacity: 32) { output in
            for (index, byte) in digest.enumerated() { writeHex(byte, to: output, at: 2 * index) }
            return 32
        }
    }

    /// Writes the byte's two lower-case hex digits, as UTF-8, at `offset` of `output`.
    @inline(__always)
    static func writeHex(_ byte: UInt8, to output: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        func digit(_ value: UInt8) -> UInt8 { value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10 }
        output[offset] = digit(byte >> 4)
        output[offset + 1] = digit(byte & 0x0F)
    }

    /// The digest of the texts' UTF-8 bytes one after another, as if joined.
    static func digest(utf8Of parts: [String]) -> [UInt8] {
        var state = State()
        var length = 0
        // Bytes of a block that a part ended in the middle of, then the padding: at most two blocks.
        let words = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { pending in
            let pendingStart = pending.baseAddress!
            var pendingCount = 0
            for var part in parts {
                part.withUTF8 { bytes in
                    length += bytes.count
                    var offset = 0
                    if pendingCount > 0 {
                        offset = min(64 - pendingCount, bytes.count)
                        (pendingStart + pendingCount).initialize(from: bytes.baseAddress!, count: offset)
                        pendingCount += offset
                        if pendingCount == 64 {
                            state.compress(UnsafeRawPointer(pendingStart))
                            pendingCount = 0
                        }
                    }
                    while bytes.count - offset >= 64 {
                        state.compress(UnsafeRawPointer(bytes.baseAddress! + offset))
                        offset += 64
                    }
                    if offset < bytes.count {
                        (pendingStart + pendingCount).initialize(from: bytes.baseAddress! + offset, count: bytes.count - offset)
                        pendingCount += bytes.count - offset
                    }
                }
            }
            // The padding: 0x80, zeros, then the length in bits, to a multiple of 64 bytes.
            pending[pendingCount] = 0x80
            pendingCount += 1
            while pendingCount % 64 != 56 {
                pending[pendingCount] = 0
                pendingCount += 1
            }
            let bitLength = UInt64(length) &* 8
            for shift in stride(from: 0, to: 64, by: 8) {
                pending[pendingCount] = UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))
                pendingCount += 1
            }
            for block in stride(from: 0, to: pendingCount, by: 64) { state.compress(UnsafeRawPointer(pendingStart + block)) }
            return (state.a, state.b, state.c, state.d)
        }
        var output: [UInt8] = []
        output.reserveCapacity(16)
        for word in [words.0, words.1, words.2, words.3] {
            for shift in stride(from: 0, to: 32, by: 8) { output.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
        }
        return output
    }

    /// The four words of the running digest.
    private struct State {
        var a: UInt32 = 0x6745_2301, b: UInt32 = 0xefcd_ab89, c: UInt32 = 0x98ba_dcfe, d: UInt32 = 0x1032_5476

        /// Folds one 64-byte block in. The constants are `floor(abs(sin(i + 1)) * 2^32)`,
        /// written out so nothing depends on floating point.
        mutating func compress(_ block: UnsafeRawPointer) {
            func x(_ index: Int) -> UInt32 { block.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self).littleEndian }
            var a = self.a, b = self.b, c = self.c, d = self.d
            // Round 1: F, the words in order.
            a = f(a, b, c, d, x(0), 7, 0xd76a_a478); d = f(d, a, b, c, x(1), 12, 0xe8c7_b756)
            c = f(c, d, a, b, x(2), 17, 0x2420_70db); b = f(b, c, d, a, x(3), 22, 0xc1bd_ceee)
            a = f(a, b, c, d, x(4), 7, 0xf57c_0faf); d = f(d, a, b, c, x(5), 12, 0x4787_c62a)
            c = f(c, d, a, b, x(6), 17, 0xa830_4613); b = f(b, c, d, a, x(7), 22, 0xfd46_9501)
            a = f(a, b, c, d, x(8), 7, 0x6980_98d8); d = f(d, a, b, c, x(9), 12, 0x8b44_f7af)
            c = f(c, d, a, b, x(10), 17, 0xffff_5bb1); b = f(b, c, d, a, x(11), 22, 0x895c_d7be)
            a = f(a, b, c, d, x(12), 7, 0x6b90_1122); d = f(d, a, b, c, x(13), 12, 0xfd98_7193)
            c = f(c, d, a, b, x(14), 17, 0xa679_438e); b = f(b, c, d, a, x(15), 22, 0x49b4_0821)
            // Round 2: G, words 1, 6, 11, ... (5i + 1 mod 16).
            a = g(a, b, c, d, x(1), 5, 0xf61e_2562); d = g(d, a, b, c, x(6), 9, 0xc040_b340)
            c = g(c, d, a, b, x(11), 14, 0x265e_5a51); b = g(b, c, d, a, x(0), 20, 0xe9b6_c7aa)
            a = g(a, b, c, d, x(5), 5, 0xd62f_105d); d = g(d, a, b, c, x(10), 9, 0x0244_1453)
            c = g(c, d, a, b, x(15), 14, 0xd8a1_e681); b = g(b, c, d, a, x(4), 20, 0xe7d3_fbc8)
            a = g(a, b, c, d, x(9), 5, 0x21e1_cde6); d = g(d, a, b, c, x(14), 9, 0xc337_07d6)
            c = g(c, d, a, b, x(3), 14, 0xf4d5_0d87); b = g(b, c, d, a, x(8), 20, 0x455a_14ed)
            a = g(a, b, c, d, x(13), 5, 0xa9e3_e905); d = g(d, a, b, c, x(2), 9, 0xfcef_a3f8)
            c = g(c, d, a, b, x(7), 14, 0x676f_02d9); b = g(b, c, d, a, x(12), 20, 0x8d2a_4c8a)
            // Round 3: H, words 5, 8, 11, ... (3i + 5 mod 16).
            a = h(a, b, c, d, x(5), 4, 0xfffa_3942); d = h(d, a, b, c, x(8), 11, 0x8771_f681)
            c = h(c, d, a, b, x(11), 16, 0x6d9d_6122); b = h(b, c, d, a, x(14), 23, 0xfde5_380c)
            a = h(a, b, c, d, x(1), 4, 0xa4be_ea44); d = h(d, a, b, c, x(4), 11, 0x4bde_cfa9)
            c = h(c, d, a, b, x(7), 16, 0xf6bb_4b60); b = h(b, c, d, a, x(10), 23, 0xbebf_bc70)
            a = h(a, b, c, d, x(13), 4, 0x289b_7ec6); d = h(d, a, b, c, x(0), 11, 0xeaa1_27fa)
            c = h(c, d, a, b, x(3), 16, 0xd4ef_3085); b = h(b, c, d, a, x(6), 23, 0x0488_1d05)
            a = h(a, b, c, d, x(9), 4, 0xd9d4_d039); d = h(d, a, b, c, x(12), 11, 0xe6db_99e5)
            c = h(c, d, a, b, x(15), 16, 0x1fa2_7cf8); b = h(b, c, d, a, x(2), 23, 0xc4ac_5665)
            // Round 4: I, words 0, 7, 14, ... (7i mod 16).
            a = i(a, b, c, d, x(0), 6, 0xf429_2244); d = i(d, a, b, c, x(7), 10, 0x432a_ff97)
            c = i(c, d, a, b, x(14), 15, 0xab94_23a7); b = i(b, c, d, a, x(5), 21, 0xfc93_a039)
            a = i(a, b, c, d, x(12), 6, 0x655b_59c3); d = i(d, a, b, c, x(3), 10, 0x8f0c_cc92)
            c = i(c, d, a, b, x(10), 15, 0xffef_f47d); b = i(b, c, d, a, x(1), 21, 0x8584_5dd1)
            a = i(a, b, c, d, x(8), 6, 0x6fa8_7e4f); d = i(d, a, b, c, x(15), 10, 0xfe2c_e6e0)
            c = i(c, d, a, b, x(6), 15, 0xa301_4314); b = i(b, c, d, a, x(13), 21, 0x4e08_11a1)
            a = i(a, b, c, d, x(4), 6, 0xf753_7e82); d = i(d, a, b, c, x(11), 10, 0xbd3a_f235)
            c = i(c, d, a, b, x(2), 15, 0x2ad7_d2bb); b = i(b, c, d, a, x(9), 21, 0xeb86_d391)
            self.a = self.a &+ a; self.b = self.b &+ b; self.c = self.c &+ c; self.d = self.d &+ d
        }
    }
}

// The four auxiliary functions of RFC 1321 §3.4, each with its add and rotate.

@inline(__always)
private func rotated(_ value: UInt32, _ shift: UInt32) -> UInt32 { value << shift | value >> (32 - shift) }

@inline(__always)
private func f(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ x: UInt32, _ s: UInt32, _ t: UInt32) -> UInt32 {
    b &+ rotated(a &+ ((b & c) | (~b & d)) &+ x &+ t, s)
}

@inline(__always)
private func g(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ x: UInt32, _ s: UInt32, _ t: UInt32) -> UInt32 {
    b &+ rotated(a &+ ((b & d) | (c & ~d)) &+ x &+ t, s)
}

@inline(__always)
private func h(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ x: UInt32, _ s: UInt32, _ t: UInt32) -> UInt32 {
    b &+ rotated(a &+ (b ^ c ^ d) &+ x &+ t, s)
}

@inline(__always)
private func i(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ x: UInt32, _ s: UInt32, _ t: UInt32) -> UInt32 {
    b &+ rotated(a &+ (c ^ (b | ~d)) &+ x &+ t, s)
}
