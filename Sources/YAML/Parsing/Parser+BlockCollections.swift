/// Block collections: the indentation-based sequences and mappings. The scanner has
/// already turned indentation into start and end tokens, so only order is checked here.
extension Parser {
    mutating func nextBlockSequenceStep(_ collection: inout OpenCollection) throws(YAMLError) -> Step {
        if case .blockEntry = try scanner.peekKind() {
            return try sequenceEntryStep(indentless: false)
        }
        let end = try scanner.nextToken()
        switch end.kind {
        case .blockEnd:
            return .close
        case .key:
            throw error(
                .invalidSyntax,
                "a mapping key cannot appear at the same indentation as the items ('- ') of a sequence",
                at: end.start)
        default:
            throw error(.invalidSyntax, "expected '- ' or the end of the sequence, found \(end.description)", at: end.start)
        }
    }

    /// `key:` followed by `- item` lines at the key's own column: YAML lets a sequence
    /// that is a mapping value skip the extra indentation, and most templates do. It
    /// ends at the first token that is not `-`, without consuming it.
    mutating func nextIndentlessSequenceStep(_ collection: inout OpenCollection) throws(YAMLError) -> Step {
        guard case .blockEntry = try scanner.peekKind() else { return .close }
        return try sequenceEntryStep(indentless: true)
    }

    private mutating func sequenceEntryStep(indentless: Bool) throws(YAMLError) -> Step {
        let entry = try scanner.nextToken()
        switch try scanner.peekKind() {
        case .blockEntry, .blockEnd:
            return .empty(entry.start)
        case .key where indentless, .value where indentless:
            // The next key of the enclosing mapping: this entry was empty.
            return .empty(entry.start)
        default:
            return .child(block: true, indentlessSequence: false)
        }
    }

    mutating func nextBlockMappingStep(_ collection: inout OpenCollection) throws(YAMLError) -> Step {
        let token = try scanner.peekToken()
        if case .value = collection.phase {
            guard case .value = token.kind else { return .empty(token.start) }
            try scanner.skipToken()
            return try blockMappingPartStep(orEmptyAt: token.start)
        }
        switch token.kind {
        case .key:
            try scanner.skipToken()
            return try blockMappingPartStep(orEmptyAt: token.start)
        case .value:
            // `: value` with no key (an explicit empty key); rare but valid.
            return .empty(token.start)
        default:
            let end = try scanner.nextToken()
            switch end.kind {
            case .blockEnd:
                return .close
            case .blockEntry:
                throw error(
                    .invalidSyntax,
                    "a sequence item ('- ') cannot appear at the same indentation as the keys of a mapping",
                    at: end.start)
            default:
                throw error(
                    .invalidSyntax, "expected a mapping key or the end of the mapping, found \(end.description)",
                    at: end.start)
            }
        }
    }

    /// A key or value, which may be missing (`key:` alone on its line).
    private mutating func blockMappingPartStep(orEmptyAt mark: Mark) throws(YAMLError) -> Step {
        switch try scanner.peekKind() {
        case .key, .value, .blockEnd:
            return .empty(mark)
        default:
            return .child(block: true, indentlessSequence: true)
        }
    }
}
