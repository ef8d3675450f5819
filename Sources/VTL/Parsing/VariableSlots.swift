/// Every variable name a template mentions, each with a slot number, so the renderer keeps
/// variables in an array instead of hashing a name on every read.
///
/// `#evaluate` may mention new names while rendering; the renderer then adds them to its own copy.
struct VariableSlots: Sendable {
    /// Slots of the loop variables every template has, whether or not it mentions them.
    static let foreach = 0
    static let velocityCount = 1
    /// The body of a `#@name(...)...#end` call, inside the macro.
    static let bodyContent = 2

    /// A name's slot is its index here.
    private var table = StringTable(["foreach", "velocityCount", "bodyContent"])

    var names: [String] { table.strings }

    var count: Int { table.count }

    /// The slot of `name`, given a new one the first time it is seen.
    mutating func slot(for name: String) -> Int {
        table.index(of: name)
    }

    /// The slot of the name spelled by `bytes`, given a new one the first time it is seen; the
    /// parser asks with the template's bytes, so a name already seen makes no string.
    mutating func slot(forUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        table.index(ofUTF8: bytes)
    }

    /// The slot of `name`, or nil when the template never mentions it.
    func existingSlot(_ name: String) -> Int? {
        // Renders ask for each context variable; comparing a few short names beats hashing.
        guard count <= 16 else { return table.existingIndex(of: name) }
        return table.strings.firstIndex(of: name)
    }
}
