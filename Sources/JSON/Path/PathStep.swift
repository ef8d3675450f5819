/// One step of a compiled JSONPath, as Jayway's path tokens.
enum PathStep: Sendable, Hashable {
    /// `.name`, `['name']`, or `['a','b']` (several names: a map of those present, leaf only).
    case property([String])
    /// `[0]` or `[0,2]`; negative indexes never match in Jayway 2.0.0.
    case index([Int])
    /// `[from:to]`, `[from:]`, `[:to]`; a step (`[0:5:2]`) is ignored.
    case slice(from: Int?, to: Int?)
    /// `.*` or `[*]`.
    case wildcard
    /// `..`: the following step is applied at every level.
    case scan
    /// `[?(...)]`.
    case filter(FilterExpression)

    /// Definite steps select at most one value.
    var isDefinite: Bool {
        switch self {
        case .property: return true
        case .index(let indexes): return indexes.count == 1
        case .slice, .wildcard, .scan, .filter: return false
        }
    }

    /// The step as Jayway spells it in messages, e.g. `['a']`, `[0]`.
    var fragment: String {
        switch self {
        case .property(let names): return "[" + names.map { "'\($0)'" }.joined(separator: ", ") + "]"
        case .index(let indexes): return "[" + indexes.map(String.init).joined(separator: ",") + "]"
        case .slice(let from, let to): return "[\(from.map(String.init) ?? ""):\(to.map(String.init) ?? "")]"
        case .wildcard: return "[*]"
        case .scan: return ".."
        case .filter: return "[?]"
        }
    }
}

/// A filter condition inside `[?( )]`.
indirect enum FilterExpression: Sendable, Hashable {
    case and(FilterExpression, FilterExpression)
    case or(FilterExpression, FilterExpression)
    case not(FilterExpression)
    /// `@.isbn`: the path exists and is not null.
    case exists(FilterOperand)
    case compare(FilterOperand, ComparisonOperator, FilterOperand)
    /// `@.name =~ /pattern/i`: the whole string must match (Java `Matcher.matches`).
    case matches(FilterOperand, pattern: String, caseInsensitive: Bool)
}

/// A side of a filter comparison.
enum FilterOperand: Sendable, Hashable {
    /// `@...`: relative to the element being tested.
    case current([PathStep])
    /// `$...`: from the document root.
    case root([PathStep])
    case literal(JSONValue)
}

/// The comparison operators Jayway 2.0.0 filters know.
enum ComparisonOperator: String, Sendable, Hashable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}
