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
        // Copied into an array of its own: `Array(stack[mark...])` would share the stack's buffer
        // when `mark` is 0, and the stack would then reallocate on its next change. Reserving
        // rather than `init(unsafeUninitializedCapacity:)`, which looks up the array's type at run time.
        var elements: [Element] = []
        elements.reserveCapacity(count)
        // One at a time: `append(contentsOf:)` took a slower generic path.
        for index in mark..<stack.count { elements.append(stack[index]) }
        // One at a time: `removeLast(count)` goes through the generic `replaceSubrange`, which cost more.
        for _ in 0..<count { stack.removeLast() }
        return elements
    }
}
