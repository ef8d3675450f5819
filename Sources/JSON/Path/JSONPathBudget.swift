import Synchronization

/// Values that several JSONPath evaluations may still visit, together. One evaluation is
/// bounded by `JSONPathLimits.values`, but a template can evaluate a different path on every
/// iteration of nested loops (`$input.path("$..a$i$j")`), each walking the whole document: a
/// million walks of an 80 KB body ran for minutes. A request's evaluations share one budget.
public final class JSONPathBudget: Sendable {
    private let left: Mutex<Int>
    /// What the budget started with, for messages.
    public let values: Int

    public init(values: Int) {
        self.values = values
        left = Mutex(values)
    }

    /// Values not yet spent.
    public var remaining: Int { left.withLock { $0 } }

    func spend(_ count: Int) {
        left.withLock { $0 = max($0 - count, 0) }
    }
}
