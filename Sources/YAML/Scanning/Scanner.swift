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
    let text: [Unicode.Scalar]
    var index = 0
    var line = 0
    var column = 0

    /// Tokens scanned but not yet taken; short, because the parser takes them promptly.
    var pending: [Token] = []
    var tokensTaken = 0
    var streamStarted = false
    var streamEnded = false

    var flowLevel = 0
    var indent = -1
    var indents: [Int] = []
    var allowSimpleKey = true
    var possibleSimpleKeys: [Int: SimpleKey] = [:]
    /// Whether the last token was a JSON-like node (quoted scalar, flow collection,
    /// alias); in flow context a `:` right after one needs no space (`{"a":1}`).
    var lastTokenWasJSONLike = false
    /// The line of the latest scalar, so a misplaced `:` can tell a multi-line scalar
    /// (an indentation mistake) from a one-line `a: b: c` (a missing quote).
    var lastScalarStartLine: Int?

    init(source: Source) {
        self.source = source
        self.text = source.scalars
    }

    // MARK: - Taking tokens

    mutating func peekToken() throws(YAMLError) -> Token {
        while needMoreTokens { try fetchMoreTokens() }
        return pending[0]
    }

    mutating func nextToken() throws(YAMLError) -> Token {
        let token = try peekToken()
        pending.removeFirst()
        tokensTaken += 1
        return token
    }

    /// A token may not leave while a simple key before it is undecided, because a
    /// `key` token might still have to be inserted in front of it.
    private var needMoreTokens: Bool {
        if streamEnded && !pending.isEmpty { return false }
        if pending.isEmpty { return true }
        return possibleSimpleKeys.values.contains { $0.tokenNumber == tokensTaken }
    }

    // MARK: - Reading characters

    var atEnd: Bool { index >= text.count }

    func peek(_ offset: Int = 0) -> Unicode.Scalar {
        index + offset < text.count ? text[index + offset] : "\0"
    }

    var mark: Mark { Mark(offset: index, line: line, column: column) }

    mutating func forward(_ count: Int = 1) {
        for _ in 0..<count where index < text.count {
            if text[index] == "\n" {
                line += 1
                column = 0
            } else {
                column += 1
            }
            index += 1
        }
    }

    func string(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(text[range]))
    }

    func error(_ kind: YAMLError.Kind, _ message: String, at mark: Mark? = nil) -> YAMLError {
        source.error(kind, message, at: mark ?? self.mark)
    }

    static func isBlankOrEnd(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\0"
    }

    static func isBreakOrEnd(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\0"
    }

    static func isFlowIndicator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "," || scalar == "[" || scalar == "]" || scalar == "{" || scalar == "}"
    }

    /// `---` or `...` at the start of a line, which ends whatever was being read.
    var atDocumentBoundary: Bool {
        column == 0
            && ((peek() == "-" && peek(1) == "-" && peek(2) == "-") || (peek() == "." && peek(1) == "." && peek(2) == "."))
            && Self.isBlankOrEnd(peek(3))
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
        if ch == "%" && column == 0 { return try fetchDirective() }
        if atDocumentBoundary {
            return try fetchDocumentIndicator(ch == "-" ? .documentStart : .documentEnd)
        }
        switch ch {
        case "[": return try fetchFlowCollectionStart(.flowSequenceStart)
        case "{": return try fetchFlowCollectionStart(.flowMappingStart)
        case "]": return try fetchFlowCollectionEnd(.flowSequenceEnd)
        case "}": return try fetchFlowCollectionEnd(.flowMappingEnd)
        case ",": return try fetchFlowEntry()
        case "-" where Self.isBlankOrEnd(next): return try fetchBlockEntry()
        case "?" where Self.isBlankOrEnd(next) || flowLevel > 0 && Self.isFlowIndicator(next): return try fetchKey()
        case ":" where isValueIndicator(afterJSONLikeNode: afterJSONLikeNode): return try fetchValue()
        case "*": return try fetchAlias()
        case "&": return try fetchAnchor()
        case "!": return try fetchTag()
        case "|" where flowLevel == 0, ">" where flowLevel == 0: return try fetchBlockScalar(folded: ch == ">")
        case "'", "\"": return try fetchQuotedScalar(double: ch == "\"")
        default: break
        }
        if canStartPlainScalar { return try fetchPlainScalar() }
        throw unexpectedCharacterError(ch)
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
        if "-?:".unicodeScalars.contains(ch) {
            return !Self.isBlankOrEnd(next) && !(flowLevel > 0 && Self.isFlowIndicator(next))
        }
        return !"-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(ch)
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
            while peek() == " " || peek() == "\t" {
                if peek() == "\t" && atLineStart && flowLevel == 0 && tabInIndentation == nil {
                    tabInIndentation = mark
                }
                forward()
            }
            if peek() == "#" {
                while !Self.isBreakOrEnd(peek()) { forward() }
            }
            if peek() == "\n" {
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
        guard let key = possibleSimpleKeys.removeValue(forKey: flowLevel) else { return }
        if key.required { throw missingColonError(key) }
    }

    /// A simple key must end on the line it starts on (and within 1024 characters).
    private mutating func removeStaleSimpleKeys() throws(YAMLError) {
        for (level, key) in possibleSimpleKeys where key.mark.line != line || index - key.mark.offset > 1024 {
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
