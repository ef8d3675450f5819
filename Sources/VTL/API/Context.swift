/// The variables a render starts with. Each render gets its own mutable copy.
public struct Context: Sendable {
    /// Variables by name without the `$`: `"id"` for `$id`. Variables set with
    /// `setLazily(_:to:)` are not here until read through the subscript.
    public var variables: [String: Value]
    /// Variables made only when a render needs them, for values that cost something to build.
    private var providers: [String: @Sendable () -> Value] = [:]

    /// Creates a context with these variables; by default none.
    public init(_ variables: [String: Value] = [:]) {
        self.variables = variables
    }

    /// The variable `name` (without `$`); nil when unset, and setting nil removes it.
    /// Reading a variable set lazily builds its value.
    public subscript(name: String) -> Value? {
        get { variables[name] ?? providers[name]?() }
        set {
            providers[name] = nil
            variables[name] = newValue
        }
    }

    /// Sets `name` to the value `make` builds, built only by a render of a template that
    /// mentions `$name` (or by reading it through the subscript), and at most once per render.
    public mutating func setLazily(_ name: String, to make: @escaping @Sendable () -> Value) {
        variables[name] = nil
        providers[name] = make
    }

    /// Every variable name, set either way.
    var names: [String] { Array(variables.keys) + providers.keys.filter { variables[$0] == nil } }
}
