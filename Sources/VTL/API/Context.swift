/// The variables a render starts with. Each render gets its own mutable copy.
public struct Context: Sendable {
    /// A variable's value, or what builds it the first time a render needs it.
    enum Entry: Sendable {
        case value(Value)
        case lazy(@Sendable () -> Value)

        var value: Value {
            switch self {
            case .value(let value): value
            case .lazy(let make): make()
            }
        }
    }

    /// A class: the entry holds a `Value`, whose copies and destruction go through slow
    /// generic paths; a reference costs one retain or release.
    final class Named: Sendable {
        let name: String
        let entry: Entry

        init(name: String, entry: Entry) {
            self.name = name
            self.entry = entry
        }
    }

    /// Names and entries in the order set. A context holds a handful of variables, so a
    /// search by name is cheaper than hashing it, which every request would pay for.
    private(set) var entries: [Named] = []

    /// Creates a context with these variables; by default none.
    public init(_ variables: [String: Value] = [:]) {
        entries.reserveCapacity(max(variables.count, 4))
        for (name, value) in variables { entries.append(Named(name: name, entry: .value(value))) }
    }

    /// Variables by name without the `$`: `"id"` for `$id`. Reading builds any variable set
    /// with `setLazily(_:to:)`; setting replaces every variable.
    public var variables: [String: Value] {
        get { Dictionary(entries.map { ($0.name, $0.entry.value) }, uniquingKeysWith: { _, last in last }) }
        set { entries = newValue.map { Named(name: $0.key, entry: .value($0.value)) } }
    }

    /// The variable `name` (without `$`); nil when unset, and setting nil removes it.
    /// Reading a variable set lazily builds its value.
    public subscript(name: String) -> Value? {
        get { entry(name)?.value }
        set {
            if let newValue {
                set(name, .value(newValue))
            } else {
                remove(name)
            }
        }
    }

    /// Sets `name` to the value `make` builds, built only by a render of a template that
    /// mentions `$name` (or by reading it through the subscript), and at most once per render.
    public mutating func setLazily(_ name: String, to make: @escaping @Sendable () -> Value) {
        set(name, .lazy(make))
    }

    func entry(_ name: String) -> Entry? {
        entries.first(where: { $0.name == name })?.entry
    }

    // Entries hold existentials whose copies go through generic witnesses: each is made once,
    // straight into its `Named`, rather than copied through optionals and tuples.
    private mutating func set(_ name: String, _ entry: consuming Entry) {
        let named = Named(name: name, entry: entry)
        if let position = entries.firstIndex(where: { $0.name == name }) {
            entries[position] = named
        } else {
            entries.append(named)
        }
    }

    private mutating func remove(_ name: String) {
        if let position = entries.firstIndex(where: { $0.name == name }) { entries.remove(at: position) }
    }
}
