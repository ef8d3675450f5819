/// Elements of the arrays being built while parsing, each nested array's above its parent's on
/// one stack the parser keeps, so each array is made once at its final size rather than regrown
/// append by append (most hold one to three elements, where growing costs an allocation each).
struct PendingElements<Element> {
    private var stack: [Element] = []

    /// Where an array about to be built starts; give it back to `take(from:)`.
    var mark: Int { stack.count }

    mutating func append(_ element: Element) {
        stack.append(element)
    }

    /// The elements appended since `mark`, taken off the stack.
    mutating func take(from mark: Int) -> [Element] {
        let count = stack.count - mark
        guard count > 0 else { return [] }
        let elements = Array(stack[mark...])
        stack.removeLast(count)
        return elements
    }
}
