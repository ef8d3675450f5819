/// Flow collections: `[a, b]` and `{a: 1}`, which include all of JSON.
extension Parser {
    mutating func nextFlowSequenceStep(_ collection: inout OpenCollection) throws(YAMLError) -> Step {
        if try closeFlowCollection(collection, isFirst: collection.items.isEmpty) { return .close }
        let token = try scanner.peekToken()
        guard case .key = token.kind else { return .child(block: false, indentlessSequence: false) }
        // `[a: 1]` is a sequence holding the one-pair mapping {a: 1}.
        try scanner.skipToken()
        return .openFlowPair(token.start)
    }

    mutating func nextFlowMappingStep(_ collection: inout OpenCollection) throws(YAMLError) -> Step {
        switch collection.phase {
        case .entry:
            if collection.shape == .flowPair { return .close }
            if try closeFlowCollection(collection, isFirst: collection.pairs.isEmpty) { return .close }
            let token = try scanner.peekToken()
            collection.keyStart = token.start
            switch token.kind {
            case .key:
                try scanner.skipToken()
                collection.phase = .key
                return try flowKeyStep(collection)
            case .value:
                collection.phase = .key
                return .empty(token.start)
            default:
                // `{a, b}`: keys without values.
                collection.phase = .keyWithoutValue(token.start)
                return .child(block: false, indentlessSequence: false)
            }
        case .key, .keyWithoutValue:
            return try flowKeyStep(collection)
        case .value:
            let valueToken = try scanner.peekToken()
            guard case .value = valueToken.kind else { return .empty(valueToken.start) }
            try scanner.skipToken()
            let next = try scanner.peekToken()
            switch next.kind {
            case .flowEntry, .flowSequenceEnd, .flowMappingEnd:
                return .empty(valueToken.start)
            default:
                try checkTerminated(next, collection)
                return .child(block: false, indentlessSequence: false)
            }
        }
    }

    /// The key of a flow pair, which may be missing (`{: v}`).
    private mutating func flowKeyStep(_ collection: OpenCollection) throws(YAMLError) -> Step {
        let token = try scanner.peekToken()
        switch token.kind {
        case .value, .flowEntry, .flowSequenceEnd, .flowMappingEnd:
            return .empty(collection.keyStart)
        default:
            try checkTerminated(token, collection)
            return .child(block: false, indentlessSequence: false)
        }
    }

    /// Consumes the closing bracket, or the comma before the next entry. Returns whether
    /// the collection is finished.
    private mutating func closeFlowCollection(_ collection: OpenCollection, isFirst: Bool) throws(YAMLError) -> Bool {
        let closing: Token.Kind = collection.shape == .flowSequence ? .flowSequenceEnd : .flowMappingEnd
        let closingText = closing == .flowSequenceEnd ? "]" : "}"
        var token = try scanner.peekToken()
        try checkTerminated(token, collection)
        if token.kind == closing {
            try scanner.skipToken()
            return true
        }
        if !isFirst {
            guard token.kind == .flowEntry else {
                throw error(.invalidSyntax, "expected ',' or '\(closingText)', found \(token.description)", at: token.start)
            }
            try scanner.skipToken()
            token = try scanner.peekToken()
            try checkTerminated(token, collection)
            if token.kind == closing {
                try scanner.skipToken()
                return true
            }
        }
        if token.kind == .flowEntry {
            throw error(.invalidSyntax, "expected a value before ','", at: token.start)
        }
        return false
    }

    /// A flow collection still open when the document ends was never closed.
    private func checkTerminated(_ token: Token, _ collection: OpenCollection) throws(YAMLError) {
        switch token.kind {
        case .streamEnd, .documentStart, .documentEnd:
            guard let opening = collection.opening else { return }
            // A flow pair sits in a sequence and has the sequence's opening.
            let isSequence = collection.shape != .flowMapping
            let (name, open, close) = isSequence ? ("sequence", "[", "]") : ("mapping", "{", "}")
            throw error(
                .unterminated, "unterminated flow \(name): no closing '\(close)' for the '\(open)' that opens here",
                at: opening)
        default:
            return
        }
    }
}
