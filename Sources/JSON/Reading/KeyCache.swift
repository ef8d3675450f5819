/// The short keys already read in this parse, by their bytes, so that a key repeated in every
/// record of an array (`{"id":..,"name":..}` a hundred times) is made into a String once.
///
/// Making a String costs far more than recognising sixteen bytes seen before: keys of up
/// to 16 bytes are compared as two words and a length. The table is direct-mapped (a new key
/// replaces whatever shared its slot), which is all a body's handful of distinct keys needs.
struct KeyCache: ~Copyable {
    /// A key up to 16 bytes long as two little-endian words, zero past its end.
    struct Spelling: Equatable {
        var low: UInt64
        var high: UInt64
        var length: Int
    }

    private struct Slot {
        var spelling: Spelling
        var key: String
    }

    private static let slotCount = 64
    private let slots: UnsafeMutablePointer<Slot>

    init() {
        slots = .allocate(capacity: Self.slotCount)
        // Length 0 never matches: empty keys are not looked up.
        slots.initialize(repeating: Slot(spelling: Spelling(low: 0, high: 0, length: 0), key: ""), count: Self.slotCount)
    }

    deinit {
        slots.deinitialize(count: Self.slotCount)
        slots.deallocate()
    }

    /// The String for `spelling`, made from `bytes` (the same key) only when this spelling is
    /// not in its slot.
    @inline(__always)
    func key(for spelling: Spelling, bytes: UnsafeBufferPointer<UInt8>) -> String {
        let mixed = (spelling.low &+ spelling.high &* 31 &+ UInt64(truncatingIfNeeded: spelling.length)) &* 0x9E37_79B9_7F4A_7C15
        let slot = slots + Int(truncatingIfNeeded: mixed >> 58)
        if slot.pointee.spelling == spelling { return slot.pointee.key }
        let key = String(decoding: bytes, as: UTF8.self)
        slot.pointee = Slot(spelling: spelling, key: key)
        return key
    }
}
