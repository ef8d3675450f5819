/// The indicator characters that structure a document: document markers, brackets,
/// `,`, `- `, `? ` and `: `. The last is where simple keys pay off: `fetchValue`
/// inserts the `key` token (and a `blockMappingStart`) in front of the key it belongs to.
extension Scanner {
    mutating func fetchStreamEnd() throws(YAMLError) {
        try unwindIndent(to: -1)
        try removePossibleSimpleKey()
        allowSimpleKey = false
        possibleSimpleKeys = Array(repeating: nil, count: flowLevel + 1)
        pending.append(Token(kind: .streamEnd, start: mark))
        streamEnded = true
    }

    mutating func fetchDocumentIndicator(_ kind: Token.Kind) throws(YAMLError) {
        try unwindIndent(to: -1)
        try removePossibleSimpleKey()
        allowSimpleKey = false
        let start = mark
        forward(3)
        pending.append(Token(kind: kind, start: start))
    }

    mutating func fetchFlowCollectionStart(_ kind: Token.Kind) throws(YAMLError) {
        // A flow collection can be a key ({a: 1}: x), though only JSON-ish files do that.
        try savePossibleSimpleKey()
        flowLevel += 1
        possibleSimpleKeys.append(nil)
        allowSimpleKey = true
        let start = mark
        forward()
        pending.append(Token(kind: kind, start: start))
    }

    mutating func fetchFlowCollectionEnd(_ kind: Token.Kind) throws(YAMLError) {
        guard flowLevel > 0 else {
            throw error(.invalidSyntax, "'\(currentScalar)' closes a flow collection that was never opened")
        }
        try removePossibleSimpleKey()
        possibleSimpleKeys.removeLast()
        flowLevel -= 1
        allowSimpleKey = false
        let start = mark
        forward()
        lastTokenWasJSONLike = true
        pending.append(Token(kind: kind, start: start))
    }

    mutating func fetchFlowEntry() throws(YAMLError) {
        if flowLevel == 0 {
            throw error(.invalidSyntax, "',' is only allowed inside a flow collection ([...] or {...}); quote the value")
        }
        allowSimpleKey = true
        try removePossibleSimpleKey()
        let start = mark
        forward()
        pending.append(Token(kind: .flowEntry, start: start))
    }

    mutating func fetchBlockEntry() throws(YAMLError) {
        if flowLevel == 0 {
            guard allowSimpleKey else {
                throw error(.invalidSyntax, "a sequence item ('- ') is not allowed here; start it on its own line")
            }
            if addIndent(column) {
                pending.append(Token(kind: .blockSequenceStart, start: mark))
            }
        }
        allowSimpleKey = true
        try removePossibleSimpleKey()
        let start = mark
        forward()
        pending.append(Token(kind: .blockEntry, start: start))
    }

    mutating func fetchKey() throws(YAMLError) {
        if flowLevel == 0 {
            guard allowSimpleKey else {
                throw error(.invalidSyntax, "an explicit key ('? ') is not allowed here")
            }
            if addIndent(column) {
                pending.append(Token(kind: .blockMappingStart, start: mark))
            }
        }
        allowSimpleKey = flowLevel == 0
        try removePossibleSimpleKey()
        let start = mark
        forward()
        pending.append(Token(kind: .key, start: start))
    }

    mutating func fetchValue() throws(YAMLError) {
        if let key = takePossibleSimpleKey() {
            let position = key.tokenNumber - tokensTaken
            pending.insert(Token(kind: .key, start: key.mark), at: position)
            if flowLevel == 0 && addIndent(key.mark.column) {
                pending.insert(Token(kind: .blockMappingStart, start: key.mark), at: position)
            }
            allowSimpleKey = false
        } else {
            if flowLevel == 0 {
                guard allowSimpleKey else { throw misplacedValueError() }
                if addIndent(column) {
                    pending.append(Token(kind: .blockMappingStart, start: mark))
                }
            }
            allowSimpleKey = flowLevel == 0
            try removePossibleSimpleKey()
        }
        let start = mark
        forward()
        pending.append(Token(kind: .value, start: start))
    }

    /// A `:` that cannot end a key. Either the value itself contains `: ` (needs quotes)
    /// or the "key" began on an earlier line, which means a continuation line is
    /// indented so deep that it was read as part of the previous value.
    private func misplacedValueError() -> YAMLError {
        if let start = lastScalarStartLine, start != line {
            return error(
                .badIndentation,
                "mapping key on a continuation line: this line is indented deeper than the key above it, "
                    + "so it was read as part of the previous value")
        }
        return error(.invalidSyntax, "mapping values are not allowed here; quote a value that contains ': '")
    }
}
