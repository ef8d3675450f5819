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
        /// The `[` or `{` of a flow collection, for "unterminated" errors.
        var opening: Token?
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        var keyStart: Mark

        init(_ shape: Shape, phase: Phase = .entry, tag: String?, anchor: String?, start: Mark, opening: Token? = nil) {
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
        /// A nested collection without a node of its own start (a flow pair).
        case open(OpenCollection)
        /// The closing token has been read.
        case close
    }

    /// What starting a node produced.
    private enum Started {
        case node(YAMLNode)
        case collection(OpenCollection)
    }

    mutating func parseRootNode() throws(YAMLError) -> YAMLNode {
        var stack: [OpenCollection] = []
        var request = Step.child(block: true, indentlessSequence: false)
        while true {
            var finished: YAMLNode?
            switch request {
            case .child(let block, let indentless):
                switch try startNode(block: block, indentlessSequence: indentless) {
                case .node(let node): finished = node
                case .collection(let collection): try push(collection, onto: &stack)
                }
            case .empty(let mark):
                finished = emptyScalar(at: mark)
            case .open(let collection):
                try push(collection, onto: &stack)
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
    /// scalar) or the token that opens its collection.
    private mutating func startNode(block: Bool, indentlessSequence: Bool) throws(YAMLError) -> Started {
        let first = try scanner.peekToken()
        if case .alias(let name) = first.kind {
            _ = try scanner.nextToken()
            // The copy takes the alias's place, so errors about it (a duplicate key, say)
            // point at the alias; the nodes inside keep the locations of their text.
            if var node = anchors[name] {
                node.location = first.start.location
                return .node(node)
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
            if case .anchor(let name) = token.kind, anchor == nil {
                _ = try scanner.nextToken()
                anchor = name
            } else if case .tag(let handle, let suffix) = token.kind, tag == nil {
                _ = try scanner.nextToken()
                tag = try resolveTag(handle: handle, suffix: suffix, at: token.start)
            }
        }

        let start = first.start
        let token = try scanner.peekToken()
        switch token.kind {
        case .scalar(let text, let style):
            _ = try scanner.nextToken()
            let node = YAMLNode(.scalar(text, style: style), tag: tag, location: start.location)
            register(node, anchor: anchor)
            return .node(node)
        case .flowSequenceStart:
            _ = try scanner.nextToken()
            return .collection(OpenCollection(.flowSequence, tag: tag, anchor: anchor, start: start, opening: token))
        case .flowMappingStart:
            _ = try scanner.nextToken()
            return .collection(OpenCollection(.flowMapping, tag: tag, anchor: anchor, start: start, opening: token))
        case .blockEntry where indentlessSequence:
            return .collection(OpenCollection(.indentlessSequence, tag: tag, anchor: anchor, start: start))
        case .blockSequenceStart where block:
            _ = try scanner.nextToken()
            return .collection(OpenCollection(.blockSequence, tag: tag, anchor: anchor, start: start))
        case .blockMappingStart where block:
            _ = try scanner.nextToken()
            return .collection(OpenCollection(.blockMapping, phase: .key, tag: tag, anchor: anchor, start: start))
        case .anchor, .tag:
            throw error(.invalidSyntax, "a node can have only one anchor and one tag", at: token.start)
        default:
            guard anchor != nil || tag != nil else {
                throw error(.invalidSyntax, "expected a value, found \(token.description)", at: token.start)
            }
            let node = YAMLNode(.scalar("", style: .plain), tag: tag, location: start.location)
            register(node, anchor: anchor)
            return .node(node)
        }
    }
}
