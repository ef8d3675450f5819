/// The variables a render starts with. Each render gets its own mutable copy.
public struct Context: Sendable {
    /// Variables by name without the `$`: `"id"` for `$id`.
    public var variables: [String: Value]

    /// Creates a context with these variables; by default none.
    public init(_ variables: [String: Value] = [:]) {
        self.variables = variables
    }

    /// The variable `name` (without `$`); nil when unset, and setting nil removes it.
    public subscript(name: String) -> Value? {
        get { variables[name] }
        set { variables[name] = newValue }
    }
}
