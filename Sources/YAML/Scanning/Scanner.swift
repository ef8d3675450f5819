/// Turns YAML text into tokens, making indentation explicit.
///
/// The design follows PyYAML's scanner (itself after libyaml), adjusted to YAML 1.2 where
/// API definitions notice: `:` inside flow plain scalars (`[http://x]`), `"key":value`
/// written JSON-style, and no YAML 1.1 extras. The trick that makes a one-pass scanner
/// work is the *simple key*: a scalar or collection that might be a mapping key is
/// remembered, and when a `:` follows on the same line a `key` token (and, if it opens
/// a new block, a `blockMappingStart`) is inserted in front of it after the fact.
struct Scanner {
    struct SimpleKey {
        var tokenNumber: Int
        /// A key at the block's own column must be a key: if no `:` follows, the line
        /// is an error rather than a continuation.
        var required: Bool
        var mark: Mark
    }

    let source: Source
    let text: [UInt8]
    var index = 0
    var line = 0
    var column = 0

    /// Tokens scanned but not yet taken; short, because the parser takes them promptly.
    var pending = TokenQueue()
    var tokensTaken = 0
    var streamStarted = false
    var streamEnded = false

    var flowLevel = 0
    var indent = -1
    var indents: [Int] = []
    var allowSimpleKey = true
    /// The possible simple key of each flow level, the block level at 0; one per level
    /// at most, and none above the current level.
    var possibleSimpleKeys: [SimpleKey?] = [nil]
    /// Whether the last token was a JSON-like node (quoted scalar, flow collection,
    /// alias); in flow context a `:` right after one needs no space (`{"a":1}`).
    var lastTokenWasJSONLike = false
    /// The line of the latest scalar, so a misplaced `:` can tell a multi-line scalar
    /// (an indentation mistake) from a one-line `a: b: c` (a missing quote).
    var lastScalarStartLine: Int?

    init(source: Source) {
        self.source = source
        self.text = source.bytes
    }

    // MARK: - Taking tokens

    mutating func peekToken() throws(YAMLError) -> Token {
        while needMoreTokens { try fetchMoreTokens() }
        return pending.first
    }

    /// The next token's kind, without copying the token.
    mutating func peekKind() throws(YAMLError) -> Token.Kind {
        while needMoreTokens { try fetchMoreTokens() }
        return pending.firstKind
    }

    mutating func nextToken() throws(YAMLError) -> Token {
        let token = try peekToken()
        pending.removeFirst()
        tokensTaken += 1
        return token
    }

    /// Takes the next token without handing it over, for a parser that has peeked at it.
    mutating func skipToken() throws(YAMLError) {
        while needMoreTokens { try fetchMoreTokens() }
        pending.removeFirst()
        tokensTaken += 1
    }

    /// A token may not leave while a simple key before it is undecided, because a
    /// `key` token might still have to be inserted in front of it.
    private var needMoreTokens: Bool {
        if streamEnded && !pending.isEmpty { return false }
        if pending.isEmpty { return true }
        return possibleSimpleKeys.contains { $0?.tokenNumber == tokensTaken }
    }

    // MARK: - Reading characters

    var atEnd: Bool { index >= text.count }

    /// The byte `offset` bytes ahead, or NUL past the end.
    func peek(_ offset: Int = 0) -> UInt8 {
        index + offset < text.count ? text[index + offset] : .nul
    }

    /// The whole character at the current position, for messages that quote it.
    var currentScalar: Unicode.Scalar {
        guard !atEnd else { return "\0" }
        var bytes = text[index...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&bytes) else { return "\u{FFFD}" }
        return scalar
    }

    var mark: Mark { Mark(offset: index, line: line, column: column) }

    /// Steps over one byte; a column ends with the last byte of a character.
    mutating func forward() {
        guard index < text.count else { return }
        let byte = text[index]
        if byte == .lineFeed {
            line += 1
            column = 0
        } else if byte.startsScalar {
            column += 1
        }
        index += 1
    }

    mutating func forward(_ count: Int) {
        for _ in 0..<count { forward() }
    }

    /// Steps over bytes up to `end` on the current line (no line feed among them).
    mutating func forwardWithinLine(to end: Int) {
        while index < end {
            if text[index].startsScalar { column += 1 }
            index += 1
        }
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: text[range], as: UTF8.self)
    }

    func error(_ kind: YAMLError.Kind, _ message: String, at mark: Mark? = nil) -> YAMLError {
        source.error(kind, message, at: mark ?? self.mark)
    }

    static func isBlankOrEnd(_ byte: UInt8) -> Bool {
        byte == .space || byte == .tab || byte == .lineFeed || byte == .nul
    }

    static func isBreakOrEnd(_ byte: UInt8) -> Bool {
        byte == .lineFeed || byte == .nul
    }

    static func isFlowIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"): true
        default: false
        }
    }

    /// `---` or `...` at the start of a line, which ends whatever was being read.
    var atDocumentBoundary: Bool {
        guard column == 0 else { return false }
        let first = peek()
        guard first == UInt8(ascii: "-") || first == UInt8(ascii: ".") else { return false }
        return peek(1) == first && peek(2) == first && Self.isBlankOrEnd(peek(3))
    }

    // MARK: - Dispatch

    private mutating func fetchMoreTokens() throws(YAMLError) {
        if !streamStarted {
            streamStarted = true
            pending.append(Token(kind: .streamStart, start: mark))
            return
        }
        try scanToNextToken()
        let afterJSONLikeNode = lastTokenWasJSONLike
        lastTokenWasJSONLike = false
        try removeStaleSimpleKeys()
        try unwindIndent(to: column)

        if atEnd { return try fetchStreamEnd() }
        let ch = peek()
        let next = peek(1)
        if ch == UInt8(ascii: "%") && column == 0 { return try fetchDirective() }
        if atDocumentBoundary {
            return try fetchDocumentIndicator(ch == UInt8(ascii: "-") ? .documentStart : .documentEnd)
        }
        switch ch {
        case UInt8(ascii: "["): return try fetchFlowCollectionStart(.flowSequenceStart)
        case UInt8(ascii: "{"): return try fetchFlowCollectionStart(.flowMappingStart)
        case UInt8(ascii: "]"): return try fetchFlowCollectionEnd(.flowSequenceEnd)
        case UInt8(ascii: "}"): return try fetchFlowCollectionEnd(.flowMappingEnd)
        case UInt8(ascii: ","): return try fetchFlowEntry()
        case UInt8(ascii: "-") where Self.isBlankOrEnd(next): return try fetchBlockEntry()
        case UInt8(ascii: "?") where Self.isBlankOrEnd(next) || flowLevel > 0 && Self.isFlowIndicator(next):
            return try fetchKey()
        case UInt8(ascii: ":") where isValueIndicator(afterJSONLikeNode: afterJSONLikeNode): return try fetchValue()
        case UInt8(ascii: "*"): return try fetchAlias()
        case UInt8(ascii: "&"): return try fetchAnchor()
        case UInt8(ascii: "!"): return try fetchTag()
        case UInt8(ascii: "|") where flowLevel == 0, UInt8(ascii: ">") where flowLevel == 0:
            return try fetchBlockScalar(folded: ch == UInt8(ascii: ">"))
        case UInt8(ascii: "'"), UInt8(ascii: "\""): return try fetchQuotedScalar(double: ch == UInt8(ascii: "\""))
        default: break
        }
        if canStartPlainScalar { return try fetchPlainScalar() }
        throw unexpectedCharacterError(currentScalar)
    }

    private func isValueIndicator(afterJSONLikeNode: Bool) -> Bool {
        let next = peek(1)
        if Self.isBlankOrEnd(next) { return true }
        guard flowLevel > 0 else { return false }
        return Self.isFlowIndicator(next) || afterJSONLikeNode
    }

    private var canStartPlainScalar: Bool {
        let ch = peek()
        let next = peek(1)
        if Self.isBlankOrEnd(ch) { return false }
        switch ch {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
            return !Self.isBlankOrEnd(next) && !(flowLevel > 0 && Self.isFlowIndicator(next))
        case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
            UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
            UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
            UInt8(ascii: "`"):
            return false
        default:
            return true
        }
    }

    private func unexpectedCharacterError(_ ch: Unicode.Scalar) -> YAMLError {
        switch ch {
        case "\0":
            error(.invalidSyntax, "NUL characters are not allowed in YAML")
        case "@", "`":
            error(.invalidSyntax, "'\(ch)' is reserved and cannot start a plain scalar; quote the value")
        case "|", ">":
            error(.invalidSyntax, "block scalar indicator '\(ch)' is not allowed inside a flow collection")
        case "%":
            error(.invalidSyntax, "'%' cannot start a plain scalar; quote the value")
        default:
            error(.invalidSyntax, "unexpected character '\(ch)'")
        }
    }

    // MARK: - Whitespace and comments

    /// Skips spaces, comments and line breaks, rejecting tabs that indent a block line.
    private mutating func scanToNextToken() throws(YAMLError) {
        var tabInIndentation: Mark?
        while true {
            let atLineStart = column == 0
            while peek() == .space || peek() == .tab {
                if peek() == .tab && atLineStart && flowLevel == 0 && tabInIndentation == nil {
                    tabInIndentation = mark
                }
                forward()
            }
            if peek() == UInt8(ascii: "#") {
                while !Self.isBreakOrEnd(peek()) { forward() }
            }
            if peek() == .lineFeed {
                forward()
                tabInIndentation = nil
                if flowLevel == 0 { allowSimpleKey = true }
                continue
            }
            if let tab = tabInIndentation, !atEnd {
                throw error(.tabIndentation, "tabs are not allowed for indentation; use spaces", at: tab)
            }
            return
        }
    }

    // MARK: - Indentation

    /// Closes every block indented deeper than `column`. A line that then sits between
    /// two block columns belongs to neither, which is the usual indentation mistake.
    mutating func unwindIndent(to column: Int) throws(YAMLError) {
        guard flowLevel == 0 else { return }
        var closed: [Int] = []
        while indent > column {
            pending.append(Token(kind: .blockEnd, start: mark))
            closed.append(indent)
            indent = indents.removeLast()
        }
        if !closed.isEmpty && column > indent && !atEnd {
            let columns = ([indent] + closed.reversed()).filter { $0 >= 0 }.map { String($0 + 1) }
            throw error(
                .badIndentation,
                "bad indentation: this line starts at column \(column + 1), which lines up with no enclosing block "
                    + "(they start at column \(columns.joined(separator: " or ")))")
        }
    }

    /// Opens a block at `column` if it is deeper than the current one.
    mutating func addIndent(_ column: Int) -> Bool {
        guard indent < column else { return false }
        indents.append(indent)
        indent = column
        return true
    }

    // MARK: - Simple keys

    mutating func savePossibleSimpleKey() throws(YAMLError) {
        guard allowSimpleKey else { return }
        try removePossibleSimpleKey()
        let required = flowLevel == 0 && indent == column
        possibleSimpleKeys[flowLevel] = SimpleKey(tokenNumber: tokensTaken + pending.count, required: required, mark: mark)
    }

    mutating func removePossibleSimpleKey() throws(YAMLError) {
        guard let key = takePossibleSimpleKey() else { return }
        if key.required { throw missingColonError(key) }
    }

    /// Removes and returns the current level's possible simple key.
    mutating func takePossibleSimpleKey() -> SimpleKey? {
        defer { possibleSimpleKeys[flowLevel] = nil }
        return possibleSimpleKeys[flowLevel]
    }

    /// A simple key must end on the line it starts on (and within 1024 characters; on
    /// one line that is a difference of columns, which count characters).
    private mutating func removeStaleSimpleKeys() throws(YAMLError) {
        for level in possibleSimpleKeys.indices {
            guard let key = possibleSimpleKeys[level], key.mark.line != line || column - key.mark.column > 1024 else {
                continue
            }
            if key.required { throw missingColonError(key) }
            possibleSimpleKeys[level] = nil
        }
    }

    func missingColonError(_ key: SimpleKey) -> YAMLError {
        error(
            .invalidSyntax,
            "expected ':' after this mapping key; every line at a mapping's indentation must be a 'key: value' entry",
            at: key.mark)
    }
}
