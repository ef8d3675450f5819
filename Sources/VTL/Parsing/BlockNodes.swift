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
struct TextMergingNodes {
    private var nodes: [Node] = []
    private var text: String?

    mutating func appendText(_ piece: String) {
        if text == nil {
            text = piece
        } else {
            text! += piece
        }
    }

    mutating func append(_ node: Node) {
        flushText()
        nodes.append(node)
    }

    mutating func finish() -> [Node] {
        flushText()
        return nodes
    }

    private mutating func flushText() {
        guard let pending = text else { return }
        text = nil
        nodes.append(.text(pending))
    }
}
