/// The directives that end a block: the parser stops before them and hands the name back.
enum BlockTerminators {
    /// The template body: only the end of input ends it.
    case endOfInput
    /// `#foreach`, `#define` and `#macro` bodies, and `#else` branches.
    case end
    /// `#if` and `#elseif` branches.
    case elseOrEnd

    func includes(_ directive: Directive) -> Bool {
        switch self {
        case .endOfInput: false
        case .end: directive == .end
        case .elseOrEnd: directive == .end || directive == .else || directive == .elseif
        }
    }
}

/// A block's nodes, where adjacent text (split by comments, macro definitions or unknown `#name`s)
/// becomes one text node. Text is held back until another node arrives, so merging appends in place
/// instead of copying the run so far each time.
///
/// The nodes wait on a stack the parser shares between blocks (a nested block's above its
/// parent's), so each block's array is made once, at its final size, rather than regrown.
struct TextMergingNodes {
    /// Where this block's nodes start on the stack.
    private let base: Int
    private var text: String?
    private var textOffset = 0

    init(on stack: [Node]) {
        base = stack.count
    }

    mutating func appendText(_ piece: String, at offset: Int) {
        if text == nil {
            text = piece
            textOffset = offset
        } else {
            text! += piece
        }
    }

    mutating func append(_ node: Node, to stack: inout [Node]) {
        flushText(to: &stack)
        stack.append(node)
    }

    /// The block's nodes, taken off the stack.
    mutating func finish(_ stack: inout [Node]) -> [Node] {
        flushText(to: &stack)
        let count = stack.count - base
        guard count > 0 else { return [] }
        // Moved rather than copied: copying would retain each node here and release it again
        // when the stack shrinks. `.stop` holds nothing, so the slots left behind cost nothing to drop.
        // Reserved and appended, not `init(unsafeUninitializedCapacity:)`, which looks up the array's type at run time.
        var nodes: [Node] = []
        nodes.reserveCapacity(count)
        stack.withUnsafeMutableBufferPointer { stack in
            let block = stack.baseAddress! + base
            for index in 0..<count {
                nodes.append((block + index).move())
                (block + index).initialize(to: .stop)
            }
        }
        // One at a time: `removeLast(count)` goes through the generic `replaceSubrange`, which cost more.
        for _ in 0..<count { stack.removeLast() }
        return nodes
    }

    private mutating func flushText(to stack: inout [Node]) {
        guard let pending = text else { return }
        text = nil
        stack.append(.text(pending, offset: Int32(clamping: textOffset)))
    }
}
