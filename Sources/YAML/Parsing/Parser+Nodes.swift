/// The parser's main loop. A node is either finished as soon as it starts (a scalar,
/// an alias, an empty value) or opens a collection, which goes on a stack until its
/// closing token. Each open collection decides what its next child is
/// (`Parser+BlockCollections.swift`, `Parser+FlowCollections.swift`).
extension Parser {
    /// A collection that has started but not yet closed.
    struct OpenCollection {
        enum Shape {
            case blockSequence
            /// `- item` lines at the same column as the mapping key that owns them.
            case indentlessSequence
            case blockMapping
            case flowSequence
            case flowMapping
            /// `[a: 1]`: a one-pair mapping written as an item of a flow sequence.
            case flowPair
        }

        /// Which part of an entry comes next.
        enum Phase {
            case entry
            case key
            case value
            /// `{a, b}`: a key without `:`, whose empty value sits at the mark.
            case keyWithoutValue(Mark)
        }

        var shape: Shape
        var phase: Phase
        var tag: String?
        var anchor: String?
        var start: Mark
        /// Where the `[` or `{` of a flow collection is, for "unterminated" errors; a flow
        /// pair has its sequence's.
        var opening: Mark?
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        var keyStart: Mark

        init(_ shape: Shape, phase: Phase = .entry, tag: String?, anchor: String?, start: Mark, opening: Mark? = nil) {
            self.shape = shape
            self.phase = phase
            self.tag = tag
            self.anchor = anchor
            self.start = start
            self.opening = opening
            self.keyStart = start
        }

        /// Takes a finished child: an item, a key, or the value that completes a pair.
        mutating func accept(_ node: YAMLNode, emptyValueAt mark: Mark? = nil) {
            switch shape {
            case .blockSequence, .indentlessSequence, .flowSequence:
                items.append(node)
            case .blockMapping, .flowMapping, .flowPair:
                switch phase {
                case .key:
                    pendingKey = node
                    phase = .value
                case .keyWithoutValue(let valueMark):
                    pairs.append(YAMLPair(key: node, value: YAMLNode(.scalar("", style: .plain), location: valueMark.location)))
                    phase = shape == .blockMapping ? .key : .entry
                case .value, .entry:
                    pairs.append(YAMLPair(key: pendingKey ?? node, value: node))
                    pendingKey = nil
                    phase = shape == .blockMapping ? .key : .entry
                }
            }
        }
    }

    /// What an open collection wants next.
    enum Step {
        /// Read a child node from the tokens.
        case child(block: Bool, indentlessSequence: Bool)
        /// The child is missing (`key:` with nothing after it); use an empty scalar.
        case empty(Mark)
        /// A flow pair (`[a: 1]`), which has no token of its own to start it, starting at
        /// its key.
        case openFlowPair(Mark)
        /// The closing token has been read.
        case close
    }

    mutating func parseRootNode() throws(YAMLError) -> YAMLNode {
        var stack: [OpenCollection] = []
        var request = Step.child(block: true, indentlessSequence: false)
        while true {
            var finished: YAMLNode?
            switch request {
            case .child(let block, let indentless):
                finished = try startNode(block: block, indentlessSequence: indentless, opening: &stack)
            case .empty(let mark):
                finished = emptyScalar(at: mark)
            case .openFlowPair(let keyStart):
                let pair = OpenCollection(
                    .flowPair, phase: .key, tag: nil, anchor: nil, start: keyStart, opening: stack[stack.count - 1].opening)
                try push(pair, onto: &stack)
            case .close:
                finished = try close(stack.removeLast())
            }
            if let node = finished {
                guard !stack.isEmpty else { return node }
                stack[stack.count - 1].accept(node)
            }
            request = try nextStep(for: &stack[stack.count - 1])
        }
    }

    private mutating func push(_ collection: OpenCollection, onto stack: inout [OpenCollection]) throws(YAMLError) {
        guard stack.count < YAML.maximumDepth else {
            throw error(
                .nestingTooDeep, "collections are nested more than \(YAML.maximumDepth) levels deep", at: collection.start)
        }
        if let anchor = collection.anchor { openAnchors.insert(anchor) }
        stack.append(collection)
    }

    private mutating func nextStep(for collection: inout OpenCollection) throws(YAMLError) -> Step {
        switch collection.shape {
        case .blockSequence: try nextBlockSequenceStep(&collection)
        case .indentlessSequence: try nextIndentlessSequenceStep(&collection)
        case .blockMapping: try nextBlockMappingStep(&collection)
        case .flowSequence: try nextFlowSequenceStep(&collection)
        case .flowMapping, .flowPair: try nextFlowMappingStep(&collection)
        }
    }

    private mutating func close(_ collection: OpenCollection) throws(YAMLError) -> YAMLNode {
        let node: YAMLNode
        switch collection.shape {
        case .blockSequence, .indentlessSequence, .flowSequence:
            node = YAMLNode(.sequence(collection.items), tag: collection.tag, location: collection.start.location)
        case .blockMapping, .flowMapping, .flowPair:
            node = try makeMapping(collection.pairs, tag: collection.tag, location: collection.start.location)
        }
        register(node, anchor: collection.anchor)
        return node
    }

    private mutating func register(_ node: YAMLNode, anchor: String?) {
        guard let anchor else { return }
        openAnchors.remove(anchor)
        anchors[anchor] = node
    }

    /// Reads an alias, or a node's anchor and tag and then either its whole content (a
    /// scalar), which it returns, or the token that opens its collection, which it
    /// pushes onto `stack`.
    private mutating func startNode(
        block: Bool, indentlessSequence: Bool, opening stack: inout [OpenCollection]
    ) throws(YAMLError) -> YAMLNode? {
        let first = try scanner.peekToken()
        if first.kind == .alias {
            let name = first.text
            try scanner.skipToken()
            // The copy takes the alias's place, so errors about it (a duplicate key, say)
            // point at the alias; the nodes inside keep the locations of their text.
            if var node = anchors[name] {
                node.location = first.start.location
                return node
            }
            if openAnchors.contains(name) {
                throw error(.unknownAlias, "alias '*\(name)' refers to a node that contains it", at: first.start)
            }
            throw error(.unknownAlias, "unknown alias '*\(name)': no '&\(name)' earlier in this document", at: first.start)
        }

        var anchor: String?
        var tag: String?
        for _ in 0..<2 {
            let token = try scanner.peekToken()
            if token.kind == .anchor, anchor == nil {
                try scanner.skipToken()
                anchor = token.text
            } else if token.kind == .tag, tag == nil {
                try scanner.skipToken()
                tag = try resolveTag(handle: token.text, suffix: token.suffix, at: token.start)
            }
        }

        let start = first.start
        let token = try scanner.peekToken()
        switch token.kind {
        case .scalar:
            try scanner.skipToken()
            let node = YAMLNode(.scalar(token.text, style: token.style), tag: tag, location: start.location)
            register(node, anchor: anchor)
            return node
        case .flowSequenceStart:
            try scanner.skipToken()
            try push(OpenCollection(.flowSequence, tag: tag, anchor: anchor, start: start, opening: token.start), onto: &stack)
        case .flowMappingStart:
            try scanner.skipToken()
            try push(OpenCollection(.flowMapping, tag: tag, anchor: anchor, start: start, opening: token.start), onto: &stack)
        case .blockEntry where indentlessSequence:
            try push(OpenCollection(.indentlessSequence, tag: tag, anchor: anchor, start: start), onto: &stack)
        case .blockSequenceStart where block:
            try scanner.skipToken()
            try push(OpenCollection(.blockSequence, tag: tag, anchor: anchor, start: start), onto: &stack)
        case .blockMappingStart where block:
            try scanner.skipToken()
            try push(OpenCollection(.blockMapping, phase: .key, tag: tag, anchor: anchor, start: start), onto: &stack)
        case .anchor, .tag:
            throw error(.invalidSyntax, "a node can have only one anchor and one tag", at: token.start)
        default:
            guard anchor != nil || tag != nil else {
                throw error(.invalidSyntax, "expected a value, found \(token.description)", at: token.start)
            }
            let node = YAMLNode(.scalar("", style: .plain), tag: tag, location: start.location)
            register(node, anchor: anchor)
            return node
        }
        return nil
    }
}
