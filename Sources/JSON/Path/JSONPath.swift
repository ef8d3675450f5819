/// A compiled JSONPath in Jayway JsonPath 2.0.0's dialect, as `$input.json` and `$input.path` use.
///
/// Supported: `$`, `.name`, `['name']`, `['a','b']`, `[0]`, `[0,2]`, `[1:3]`, `[:2]`, `[-2:]`,
/// `[*]`, `.*`, `..name`, `..*`, `..[0]`, and filters `[?(@.price > 10)]` with
/// `== != < <= > >= && || !`, parentheses, `=~ /regex/i`, `@.a.b`, `@['a']`, `$.root.paths`,
/// existence `[?(@.isbn)]`, and `'string'`, number, `true`, `false`, `null` literals.
/// A path without a leading `$` or `@` is read as if it had `$.` (Jayway does the same).
/// Not in 2.0.0, so not here: double-quoted names (`["a b"]` is an error), negative single
/// indexes (`[-1]` never matches), `.length()` and other functions (read as a property name).
public struct JSONPath: Sendable, Hashable {
    /// The text the path was compiled from.
    public let text: String
    let steps: [PathStep]

    /// Compiles a path, or reports where Jayway would refuse it.
    public init(_ text: String) throws(JSONPathError) {
        self.text = text
        var parser = PathParser(text: text)
        self.steps = try parser.parsePath()
    }

    /// True when the path selects at most one value (no `..`, `*`, filter, slice or index list);
    /// such a path gives `.value` or `.notFound`, never `.list`.
    public var isDefinite: Bool { steps.allSatisfy(\.isDefinite) }

    /// Evaluates the path against a document, within `limits`, spending the values it visits
    /// from `budget` when several evaluations share one.
    public func evaluate(_ root: JSONValue, limits: JSONPathLimits = JSONPathLimits(), budget: JSONPathBudget? = nil) -> JSONPathResult {
        if root == .null { return .failure("root can not be null") }
        let shared = SharedEvaluation(limits: limits, budget: budget)
        defer { budget?.spend(shared.visited) }
        var evaluator = PathEvaluator(steps: steps, root: root, shared: shared)
        do {
            try evaluator.evaluate(step: 0, model: root, origin: "$")
        } catch {
            switch error {
            case .notFound(let message): return .notFound(message)
            case .invalid(let message): return .failure(message)
            case .limitExceeded(let message): return .limitExceeded(message)
            }
        }
        guard isDefinite else { return .list(evaluator.results) }
        guard let last = evaluator.results.last else { return .notFound("No results for path: $" + steps.map(\.fragment).joined()) }
        return .value(last)
    }
}

/// Bounds on one evaluation, which Jayway does not have: a hostile path or document would
/// otherwise run for hours or exhaust memory.
public struct JSONPathLimits: Sendable, Equatable {
    /// Values visited or returned. A scan inside a scan or a filter visits a subtree per node:
    /// `$..*..*` returns about 45 million values from a 1.4 MB document 300 levels deep. One
    /// scan of a 10 MB body (`$..*` on five million numbers) counts about 15 million.
    public var values: Int = 20_000_000
    /// Time the `=~` patterns of the path's filters may spend matching, all together. ICU
    /// backtracks exponentially on patterns such as `(a|a)+$`.
    public var regexTime: Duration = .seconds(10)

    /// The defaults shown on each property.
    public init() {}
}
