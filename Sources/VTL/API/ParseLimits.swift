/// Bounds checked while a template is parsed, so a hostile template fails with an error
/// instead of exhausting memory or the stack.
public struct ParseLimits: Sendable, Equatable {
    /// Bytes of template text (UTF-8). API Gateway refuses mapping templates over 300 KB.
    public var templateBytes: Int = 300 * 1024
    /// Nesting of blocks, parentheses and literals; the parser and renderer recurse per level.
    public var nestingDepth: Int = 100

    /// Creates the default limits: API Gateway's 300 KB and a nesting depth no real template reaches.
    public init() {}
}
