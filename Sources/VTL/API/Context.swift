/// The variables a render starts with. Each render gets its own mutable copy.
public struct Context: Sendable {
    public var variables: [String: Value]

    public init(_ variables: [String: Value] = [:]) {
        self.variables = variables
    }

    public subscript(name: String) -> Value? {
        get { variables[name] }
        set { variables[name] = newValue }
    }
}
