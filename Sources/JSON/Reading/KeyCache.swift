/// The short keys already read in this parse, by their bytes, so that a key repeated in every
/// record of an array (`{"id":..,"name":..}` a hundred times) is made into a String once.
///
/// Making a String costs far more than recognising sixteen bytes seen before: keys of up
/// to 16 bytes are compared as two words and a length. The table is direct-mapped (a new key
/// replaces whatever shared its slot), which is all a body's handful of distinct keys needs.
/// It is kept under 1 KiB: glibc's malloc merges all its recently freed small blocks whenever
/// a larger block is asked for, and doing that at the start of every parse made each String
/// and array of the parse take malloc's slow path instead of reusing the last tree's blocks.
struct KeyCache: ~Copyable {
    /// A key up to 16 bytes long as two little-endian words, zero past its end.
    struct Spelling: Equatable {
        var low: UInt64
        var high: UInt64
        var length: Int

        init(low: UInt64, high: UInt64, length: Int) {
            self.low = low
            self.high = high
            self.length = length
        }

        /// Equal to no spelling read from input: stands for a key that has none.
        static let none = Spelling(low: 0, high: 0, length: -1)

        /// The spelling of `key`, or `none` when it is empty or longer than 16 bytes (the
        /// reader never makes a spelling for those).
        init(_ key: String) {
            var key = key
            self = key.withUTF8 { bytes in
                guard !bytes.isEmpty, bytes.count <= 16 else { return .none }
                var words: (UInt64, UInt64) = (0, 0)
                withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
                return Spelling(low: UInt64(littleEndian: words.0), high: UInt64(littleEndian: words.1), length: bytes.count)
            }
        }
    }

    private struct Slot {
        var spelling: Spelling
        var key: String
    }

    /// 16 slots of 40 bytes: 640 bytes.
    private static let slotCount = 16
    /// Slots are made on first use, and `used` has a bit for each one made: most bodies use a
    /// few, and making and destroying all of them cost more than parsing a small body.
    private let slots: UnsafeMutablePointer<Slot>
    private var used: UInt64 = 0

    init() {
        slots = .allocate(capacity: Self.slotCount)
    }

    deinit {
        var remaining = used
        while remaining != 0 {
            (slots + remaining.trailingZeroBitCount).deinitialize(count: 1)
            remaining &= remaining &- 1
        }
        slots.deallocate()
    }

    /// The String for `spelling`, made from `bytes` (the same key) only when this spelling is
    /// not in its slot.
    @inline(__always)
    mutating func key(for spelling: Spelling, bytes: UnsafeBufferPointer<UInt8>) -> String {
        let mixed = (spelling.low &+ spelling.high &* 31 &+ UInt64(truncatingIfNeeded: spelling.length)) &* 0x9E37_79B9_7F4A_7C15
        let index = Int(truncatingIfNeeded: mixed >> 60)
        let slot = slots + index
        let bit: UInt64 = 1 << UInt64(index)
        let key: String
        if used & bit != 0 {
            if slot.pointee.spelling == spelling { return slot.pointee.key }
            key = String(decoding: bytes, as: UTF8.self)
            slot.pointee = Slot(spelling: spelling, key: key)
        } else {
            key = String(decoding: bytes, as: UTF8.self)
            slot.initialize(to: Slot(spelling: spelling, key: key))
            used |= bit
        }
        return key
    }
}
