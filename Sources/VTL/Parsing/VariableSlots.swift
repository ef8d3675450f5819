/// Every variable name a template mentions, each with a slot number, so the renderer keeps
/// variables in an array instead of hashing a name on every read.
///
/// `#evaluate` may mention new names while rendering; the renderer then adds them to its own copy.
struct VariableSlots: Sendable {
    /// Slots of the loop variables every template has, whether or not it mentions them.
    static let foreach = 0
    static let velocityCount = 1

    private(set) var names: [String] = ["foreach", "velocityCount"]
    private var slots: [String: Int] = ["foreach": foreach, "velocityCount": velocityCount]

    var count: Int { names.count }

    /// The slot of `name`, given a new one the first time it is seen.
    mutating func slot(for name: String) -> Int {
        if let slot = slots[name] { return slot }
        names.append(name)
        slots[name] = names.count - 1
        return names.count - 1
    }

    /// The slot of `name`, or nil when the template never mentions it.
    func existingSlot(_ name: String) -> Int? {
        // Renders ask for each context variable; comparing a few short names beats hashing.
        guard names.count <= 16 else { return slots[name] }
        return names.firstIndex(of: name)
    }
}
