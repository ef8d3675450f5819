/// Anchors, aliases, tags and directives: the short tokens that name or label a node.
extension Scanner {
    mutating func fetchAlias() throws(YAMLError) {
        try savePossibleSimpleKey()
        allowSimpleKey = false
        let start = mark
        let name = try scanAnchorName(indicator: "*")
        // `*a: value` uses an alias as a key; like a quoted key, `:` may follow directly.
        lastTokenWasJSONLike = true
        pending.append(Token(kind: .alias, start: start, text: name))
    }

    mutating func fetchAnchor() throws(YAMLError) {
        try savePossibleSimpleKey()
        allowSimpleKey = false
        let start = mark
        let name = try scanAnchorName(indicator: "&")
        pending.append(Token(kind: .anchor, start: start, text: name))
    }

    /// Anchor names run to the next space or flow indicator.
    private mutating func scanAnchorName(indicator: Character) throws(YAMLError) -> String {
        let start = mark
        forward()
        let nameStart = index
        while !Self.isBlankOrEnd(peek()) && !Self.isFlowIndicator(peek()) { forward() }
        guard index > nameStart else {
            throw error(.invalidSyntax, "expected a name after '\(indicator)'", at: start)
        }
        return string(nameStart..<index)
    }

    mutating func fetchTag() throws(YAMLError) {
        try savePossibleSimpleKey()
        allowSimpleKey = false
        let start = mark
        let (handle, suffix) = try scanTag()
        pending.append(Token(kind: .tag, start: start, text: handle, suffix: suffix))
    }

    /// Reads `!local`, `!!standard`, `!named!suffix`, `!<verbatim>` or a lone `!`.
    private mutating func scanTag() throws(YAMLError) -> (handle: String, suffix: String) {
        let start = mark
        if peek(1) == UInt8(ascii: "<") {
            forward(2)
            let uriStart = index
            while peek() != UInt8(ascii: ">") && !Self.isBlankOrEnd(peek()) { forward() }
            guard peek() == UInt8(ascii: ">"), index > uriStart else {
                throw error(.invalidSyntax, "a verbatim tag '!<...>' must end with '>'", at: start)
            }
            let uri = string(uriStart..<index)
            forward()
            try expectSeparatorAfterTag(start: start)
            return ("", uri)
        }
        forward()
        let wordStart = index
        while !Self.isBlankOrEnd(peek()) && !Self.isFlowIndicator(peek()) && peek() != UInt8(ascii: "!") { forward() }
        var handle = "!"
        if peek() == UInt8(ascii: "!") {
            // `!!str` or `!name!suffix`: what came before the second `!` is the handle.
            handle = "!" + string(wordStart..<index) + "!"
            forward()
        } else {
            index = wordStart
            column = start.column + 1
        }
        let suffixStart = index
        while !Self.isBlankOrEnd(peek()) && !Self.isFlowIndicator(peek()) { forward() }
        let suffix = string(suffixStart..<index)
        try expectSeparatorAfterTag(start: start)
        return (handle, suffix)
    }

    private func expectSeparatorAfterTag(start: Mark) throws(YAMLError) {
        let ch = peek()
        if Self.isBlankOrEnd(ch) || (flowLevel > 0 && Self.isFlowIndicator(ch)) { return }
        throw error(.invalidSyntax, "expected a space after the tag", at: mark)
    }

    /// `%TAG` directives matter for tag names; `%YAML` and anything else are skipped.
    mutating func fetchDirective() throws(YAMLError) {
        try unwindIndent(to: -1)
        try removePossibleSimpleKey()
        allowSimpleKey = false
        let start = mark
        forward()
        let nameStart = index
        while !Self.isBlankOrEnd(peek()) { forward() }
        let name = string(nameStart..<index)
        var token = Token(kind: .ignoredDirective, start: start)
        if name == "TAG" {
            let words = directiveWords()
            guard words.count == 2 else {
                throw error(.invalidSyntax, "a %TAG directive needs a handle and a prefix", at: start)
            }
            token = Token(kind: .tagDirective, start: start, text: words[0], suffix: words[1])
        }
        while !Self.isBreakOrEnd(peek()) { forward() }
        pending.append(token)
    }

    private mutating func directiveWords() -> [String] {
        var words: [String] = []
        while true {
            while peek() == .space || peek() == .tab { forward() }
            if Self.isBreakOrEnd(peek()) || peek() == UInt8(ascii: "#") { return words }
            let wordStart = index
            while !Self.isBlankOrEnd(peek()) { forward() }
            words.append(string(wordStart..<index))
        }
    }
}
