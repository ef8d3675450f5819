import VTL

/// `Object.toString()` of a template value: the text a `$util` function receives, because
/// API Gateway's functions take any object and turn it into a string first.
enum JavaToString {
    /// Nil for a null, which the functions pass on as a null result.
    static func string(_ value: Value) -> String? {
        switch value {
        case .null: nil
        // Most arguments are already text; `javaText` would give the same string, with a detour.
        case .string(let text): text
        default: value.javaText
        }
    }
}
