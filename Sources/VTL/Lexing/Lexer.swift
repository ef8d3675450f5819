/// Turns template text into lexemes, switching lexical states as Velocity 1.7's lexer does:
/// text, reference chains (`$a.b[0].c(...)`), and expressions inside parentheses, brackets and braces.
///
/// The parser pulls one lexeme at a time (`next()`), so no token array is ever built. Velocity
/// lexes a whole template before parsing it, so a syntax error the lexer finds wins over any the
/// parser found earlier in the text: the parser calls `drain()` before it reports its own.
struct Lexer {
    fileprivate enum Mode: Equatable {
        case text
        /// After `$name`: `.name`, `.name(`, `[` continue the chain; braced ones end at `}`.
        case reference(braced: Bool)
        /// Inside `(`, `[` or `{` until the matching closer; `directive` marks a directive's own parentheses.
        case expression(closer: UInt8, directive: Bool)
    }

    private let source: SourceText
    /// The bytes being lexed, borrowed from the caller: indexing a buffer skips the array's
    /// uniqueness and bounds bookkeeping on every byte.
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Added to every lexeme offset, so lexemes of a string literal's contents point into the template.
    private let baseOffset: Int
    /// Inside a string literal that had escapes (or one nested in such), how offsets map to the
    /// template instead; nil everywhere else, so most lexers only add `baseOffset`.
    private let literalOffsets: LiteralOffsets?
    private var position = 0
    /// Open reference chains and expressions, innermost last; empty in text.
    private var modes: [Mode]
    /// Offsets of the `(`, `[`, `{` and `${` not yet closed, for "unclosed" errors.
    private var openers: [Int]
    /// Lexemes found but not yet handed out: one step of lexing may find several.
    private var queue = LexemeQueue()
    /// Text not yet emitted, so adjacent pieces merge without rebuilding a string per piece.
    private var pendingText = PendingText()
    /// Texts of `unescapedText` and escaped `string` lexemes.
    private var strings: [String]
    /// Where the escapes were in escaped `string` lexemes that interpolate, by index in `strings`.
    private var stringEscapes: [Int: EscapeMarks]
    private var isFinished = false
    /// Whether the reference being lexed last took a property (`.name` with no call); a
    /// property's index (`$a.b[0]`) keeps it.
    private var referenceEndsInProperty = false
    /// Where an unbraced reference that ended in a property ended (see `lexHash`), or -1.
    private var propertyReferenceEnd = -1
    /// Set once `next()` has thrown; the lexer then has nothing more to say.
    private(set) var hasFailed = false

    /// A lexer over `bytes`, which must stay valid while it runs; `offset` is where they start in the template.
    /// `storage` is a finished lexer's arrays (see `takeStorage()`), reused rather than allocated again.
    init(source: SourceText, bytes: UnsafeBufferPointer<UInt8>, baseOffset offset: Int, storage: Storage = Storage()) {
        self.init(source: source, bytes: bytes, baseOffset: offset, literalOffsets: nil, storage: storage)
    }

    private init(source: SourceText, bytes: UnsafeBufferPointer<UInt8>, baseOffset: Int, literalOffsets: LiteralOffsets?, storage: Storage) {
        self.source = source
        self.bytes = bytes
        self.baseOffset = baseOffset
        self.literalOffsets = literalOffsets
        modes = storage.modes
        openers = storage.openers
        strings = storage.strings
        stringEscapes = storage.stringEscapes
    }

    /// A lexer over the contents of the double-quoted `string` lexeme `literal`: `bytes`, which are
    /// this lexer's own bytes between the quotes unless the literal had escapes, then its decoded text.
    func lexer(forContentsOf literal: Lexeme, bytes: UnsafeBufferPointer<UInt8>, storage: Storage) -> Lexer {
        var escapes: EscapeMarks?
        if case .string(_, let unescaped?) = literal.kind { escapes = stringEscapes[unescaped] }
        guard literalOffsets != nil || escapes != nil else {
            return Lexer(source: source, bytes: bytes, baseOffset: literal.range.lowerBound + 1, literalOffsets: nil, storage: storage)
        }
        // The outermost layer starts in the template, where this lexer's offsets are its own plus `baseOffset`.
        let contentsStart = literalOffsets == nil ? literal.range.lowerBound + 1 : localOffset(of: literal.range.lowerBound) + 1
        let offsets = (literalOffsets ?? LiteralOffsets()).entering(literalAt: contentsStart, escapes: escapes ?? EscapeMarks())
        return Lexer(source: source, bytes: bytes, baseOffset: 0, literalOffsets: offsets, storage: storage)
    }

    /// The arrays a lexer grows. Each string literal with references inside gets a lexer of its own;
    /// handing it the emptied arrays of the last one saves allocating and regrowing them every time.
    struct Storage {
        fileprivate var modes: [Mode] = []
        fileprivate var openers: [Int] = []
        fileprivate var strings: [String] = []
        fileprivate var stringEscapes: [Int: EscapeMarks] = [:]
    }

    /// This lexer's arrays, emptied for another lexer; this one must not be used afterwards.
    mutating func takeStorage() -> Storage {
        var storage = Storage()
        swap(&storage.modes, &modes)
        swap(&storage.openers, &openers)
        swap(&storage.strings, &strings)
        swap(&storage.stringEscapes, &stringEscapes)
        storage.modes.removeAll(keepingCapacity: true)
        storage.openers.removeAll(keepingCapacity: true)
        storage.strings.removeAll(keepingCapacity: true)
        storage.stringEscapes.removeAll(keepingCapacity: true)
        return storage
    }

    /// The next lexeme; after `.endOfInput`, `.endOfInput` again.
    mutating func next() throws(VTLError) -> Lexeme {
        while queue.isEmpty {
            if isFinished { return Lexeme(kind: .endOfInput, range: templateOffset(of: position)..<templateOffset(of: position)) }
            do {
                try step()
            } catch {
                hasFailed = true
                throw error
            }
        }
        return queue.removeFirst()
    }

    /// Lexes the rest of the input, throwing the first error the lexer finds in it.
    mutating func drain() throws(VTLError) {
        guard !hasFailed else { return }
        while try next().kind != .endOfInput {}
    }

    /// The bytes a lexeme covers, given template offsets (inside a string literal, its unescaped contents).
    /// Inlined: a call on the parser's lexer would copy the whole lexer first.
    @inline(__always)
    func bytes(of range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[localOffset(of: range.lowerBound)..<localOffset(of: range.upperBound)])
    }

    /// The bytes between the quotes of a `string` lexeme, as lexed (before its own escapes are decoded).
    @inline(__always)
    func contents(ofString lexeme: Lexeme) -> UnsafeBufferPointer<UInt8> {
        // Inside a decoded literal the quotes may have been escapes: step over them in this lexer's bytes.
        UnsafeBufferPointer(rebasing: bytes[(localOffset(of: lexeme.range.lowerBound) + 1)..<(localOffset(of: lexeme.range.upperBound) - 1)])
    }

    /// The text of an `unescapedText` or escaped `string` lexeme.
    func string(at index: Int) -> String { strings[index] }

    /// Whether the bytes are a decoded copy of a string literal, or lie inside one, rather than template bytes.
    var readsDecodedLiteral: Bool { literalOffsets != nil }

    /// The name of a `directive` or `bareMacroCall` lexeme, without `#`, braces or swallowed line break.
    func directiveName(of lexeme: Lexeme) -> String {
        var start = localOffset(of: lexeme.range.lowerBound) + 1
        if bytes[start] == UInt8(ascii: "{") || bytes[start] == UInt8(ascii: "@") { start += 1 }
        var end = start
        while end < bytes.count, Lexer.isWordCharacter(bytes[end]) { end += 1 }
        return string(start, end)
    }

    private mutating func step() throws(VTLError) {
        guard position < bytes.count else { return try finish() }
        switch modes.last ?? .text {
        case .text: try lexText()
        case .reference(let braced): lexReferenceContinuation(braced: braced)
        case .expression(let closer, let directive): try lexExpression(closer: closer, directive: directive)
        }
    }

    private mutating func finish() throws(VTLError) {
        switch modes.last ?? .text {
        case .text, .reference(braced: false):
            break
        case .reference(braced: true):
            throw error("unclosed '${': expected '}'", at: openerOffset())
        case .expression(let closer, _):
            throw error("expected '\(Character(Unicode.Scalar(closer)))' before the end of the template", at: openerOffset())
        }
        emit(.endOfInput, from: position, to: position)
        isFinished = true
    }

    // MARK: Text

    private mutating func lexText() throws(VTLError) {
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "#"):
            try lexHash()
        case UInt8(ascii: "$"):
            if let length = bytes.referenceStartLength(at: position) {
                startReference(at: position, length: length)
            } else if lexDollarsBeforeHash(from: position) {
                return
            } else if baseOffset == 0 && literalOffsets == nil && (position == bytes.count - 1 || (position == bytes.count - 2 && bytes[position + 1] == UInt8(ascii: "!"))) {
                // Velocity 1.7 rejects a template whose last characters are a lone `$` or `$!`.
                throw error("a '$' cannot end the template", at: position)
            } else if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "!") {
                // Velocity drops the `!` of a `$!` that starts no reference.
                appendText("$", from: position, to: position + 2)
                position += 2
            } else {
                appendText(from: position, to: position + 1)
            }
        case UInt8(ascii: "\\"):
            lexBackslashes()
        default:
            lexTextRun()
        }
    }

    /// A run of plain text. Velocity's `#set` token includes the spaces before it, so where a new
    /// token starts (not after text), indentation before `#set` disappears.
    private mutating func lexTextRun() {
        let start = position
        if !previousTokenIsText, let setStart = bytes.setDirectiveAfterWhitespace(at: position) {
            position = setStart
            if setStart > start { emit(.comment, from: start, to: setStart) }
            return
        }
        let end = bytes.firstOffset(of: UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "\\"), from: position)
        appendText(from: start, to: end)
    }

    private var previousTokenIsText: Bool {
        pendingText.isOpen
    }

    private mutating func lexHash() throws(VTLError) {
        let start = position
        // The second byte tells the cases apart.
        let second = start + 1 < bytes.count ? bytes[start + 1] : 0
        if second == UInt8(ascii: "["), bytes.matches("#[[", at: start) {
            guard let close = bytes.find("]]#", from: start + 3) else {
                throw error("unclosed '#[[': expected ']]#'", at: start)
            }
            appendText(string(start + 3, close), from: start, to: close + 3, mergeable: false)
            position = close + 3
        } else if second == UInt8(ascii: "#"), start == propertyReferenceEnd,
            start + 2 >= bytes.count || bytes[start + 2] != UInt8(ascii: "#")
        {
            // Velocity's lexer, still in a reference after `$a.b`, reads `##` there as text: the
            // comment is printed, up to and with its line break (`$a.b## note` prints "## note").
            var end = bytes.firstOffset(of: UInt8(ascii: "\n"), UInt8(ascii: "\n"), UInt8(ascii: "\n"), from: start + 2)
            if end < bytes.count { end += 1 }
            appendText(from: start, to: end)
            position = end
        } else if second == UInt8(ascii: "#") {
            var index = start + 2
            index = bytes.firstOffset(of: UInt8(ascii: "\n"), UInt8(ascii: "\n"), UInt8(ascii: "\n"), from: index)
            if index < bytes.count { index += 1 }
            emit(.comment, from: start, to: index)
            position = index
        } else if second == UInt8(ascii: "*") {
            // Velocity lets an unclosed block comment run to the end of the template.
            let end = bytes.find("*#", from: start + 2).map { $0 + 2 } ?? bytes.count
            emit(.comment, from: start, to: end)
            position = end
        } else if let (directive, nameEnd) = bytes.directiveName(at: start) {
            lexDirective(directive, start: start, nameEnd: nameEnd)
        } else if second == UInt8(ascii: "@"), let (_, nameEnd) = bytes.directiveName(at: start + 1), bytes.isFollowedByParenthesis(nameEnd) {
            lexDirective(.blockMacroCall, start: start, nameEnd: nameEnd)
        } else {
            appendText(from: start, to: start + 1)
        }
    }

    private mutating func lexDirective(_ directive: Directive, start: Int, nameEnd: Int) {
        if directive.takesNoArguments {
            var end = nameEnd
            if directive == .else || directive == .end { end = bytes.lineBreakAfterSpaces(from: nameEnd) ?? nameEnd }
            emit(.directive(directive), from: start, to: end)
            position = end
            return
        }
        var index = nameEnd
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        let hasArguments = index < bytes.count && bytes[index] == UInt8(ascii: "(")
        if hasArguments {
            emit(.directive(directive), from: start, to: nameEnd)
            emitOpener(.leftParen, closer: UInt8(ascii: ")"), directive: true, at: index)
        } else if directive == .set {
            // Velocity's `#set` token includes its parenthesis; without one, `#set` is text.
            appendText(from: start, to: nameEnd)
            position = nameEnd
        } else if directive != .macroCall {
            // The parser reports a missing parenthesis.
            emit(.directive(directive), from: start, to: nameEnd)
            position = nameEnd
        } else {
            emit(.bareMacroCall, from: start, to: nameEnd)
            position = nameEnd
        }
    }

    /// Velocity's lexer, after `$`s that start no reference (`$`, `$!`, `\\$`, `$$`), still reads
    /// a block comment, a `\\#` escape and the directives it has tokens of (`#if #elseif #else
    /// #end #set`), and the `$`s vanish: `$#if(true)y#end` prints "y". Any other `#name` there is
    /// text with them: `$#stop` prints as written, and `$#foreach(...)` leaves its `#end` unmatched.
    /// False when what follows the `$`s is none of these: they are then text as usual.
    private mutating func lexDollarsBeforeHash(from start: Int) -> Bool {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "$") || byte == UInt8(ascii: "\\") {
                index += 1
            } else if byte == UInt8(ascii: "!"), index > start, bytes[index - 1] == UInt8(ascii: "$") {
                index += 1
            } else {
                break
            }
        }
        // Backslashes right before the `#` escape it; the `$`s before them vanish.
        var hash = index
        while hash > start, bytes[hash - 1] == UInt8(ascii: "\\") { hash -= 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "#"), bytes[start..<hash].contains(UInt8(ascii: "$")) else { return false }
        if hash < index {
            position = hash
            return true
        }
        let second = index + 1 < bytes.count ? bytes[index + 1] : 0
        if second == UInt8(ascii: "*") {
            position = index
            return true
        }
        guard let (directive, nameEnd) = bytes.directiveName(at: index) else { return false }
        switch directive {
        case .if, .elseif, .else, .end:
            position = index
        case .set where bytes.isFollowedByParenthesis(nameEnd):
            position = index
        default:
            appendText(from: start, to: nameEnd)
            position = nameEnd
        }
        return true
    }

    /// Backslashes escape a following reference (decided at render time) or directive (decided here).
    private mutating func lexBackslashes() {
        let start = position
        var index = start
        while index < bytes.count, bytes[index] == UInt8(ascii: "\\") { index += 1 }
        let count = index - start
        if index < bytes.count, bytes[index] == UInt8(ascii: "$") {
            if bytes.referenceStartLength(at: index) != nil {
                emit(.referenceEscape(backslashes: count), from: start, to: index)
                position = index
                return
            }
            if lexDollarsBeforeHash(from: start) { return }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "#"), let (directive, nameEnd) = bytes.directiveName(at: index),
            directive != .macroCall || bytes.isFollowedByParenthesis(nameEnd)
        {
            let kept = String(repeating: "\\", count: count / 2)
            if count % 2 == 1 {
                // An odd count: the directive is text.
                appendText(kept + string(index, nameEnd), from: start, to: nameEnd)
                position = nameEnd
            } else {
                appendText(kept, from: start, to: index)
                position = index
            }
            return
        }
        appendText(from: start, to: index)
        position = index
    }

    // MARK: References

    private mutating func startReference(at offset: Int, length: Int) {
        let quiet = bytes[offset + 1] == UInt8(ascii: "!")
        let braced = bytes[offset + length - 1] == UInt8(ascii: "{")
        emit(.referenceStart(quiet: quiet, braced: braced), from: offset, to: offset + length)
        if braced { openers.append(offset) }
        position = offset + length
        lexIdentifier()
        modes.append(.reference(braced: braced))
        referenceEndsInProperty = false
    }

    private mutating func lexIdentifier() {
        // A local index: stepping `position` itself stored it back to the lexer on every byte.
        var end = position
        while end < bytes.count, Lexer.isIdentifierCharacter(bytes[end]) { end += 1 }
        emit(.identifier, from: position, to: end)
        position = end
    }

    private mutating func lexReferenceContinuation(braced: Bool) {
        let byte = bytes[position]
        if byte == UInt8(ascii: "."), position + 1 < bytes.count, Lexer.isIdentifierStart(bytes[position + 1]) {
            emit(.dot, from: position, to: position + 1)
            position += 1
            lexIdentifier()
            referenceEndsInProperty = true
            if position < bytes.count, bytes[position] == UInt8(ascii: "(") {
                emitOpener(.leftParen, closer: UInt8(ascii: ")"), at: position)
                referenceEndsInProperty = false
            }
        } else if byte == UInt8(ascii: "[") {
            emitOpener(.leftBracket, closer: UInt8(ascii: "]"), at: position)
        } else if braced, byte == UInt8(ascii: "}") {
            emit(.rightBrace, from: position, to: position + 1)
            position += 1
            modes.removeLast()
            openers.removeLast()
        } else {
            if !braced && referenceEndsInProperty { propertyReferenceEnd = position }
            modes.removeLast()
        }
    }

    // MARK: Expressions

    private mutating func lexExpression(closer: UInt8, directive: Bool) throws(VTLError) {
        let byte = bytes[position]
        let start = position
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            // The whole run at once: a step per byte would go through `next()` for each.
            position += 1
            while position < bytes.count, Lexer.isExpressionSpace(bytes[position]) { position += 1 }
        case UInt8(ascii: "("): emitOpener(.leftParen, closer: UInt8(ascii: ")"), at: start)
        case UInt8(ascii: "["): emitOpener(.leftBracket, closer: UInt8(ascii: "]"), at: start)
        case UInt8(ascii: "{"): emitOpener(.leftBrace, closer: UInt8(ascii: "}"), at: start)
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            guard byte == closer else {
                throw error("unexpected '\(Character(Unicode.Scalar(byte)))'", at: start)
            }
            modes.removeLast()
            openers.removeLast()
            switch byte {
            case UInt8(ascii: ")"):
                // A directive's `)` swallows trailing spaces and one line break, as Velocity's RPAREN does.
                let end = directive ? (bytes.lineBreakAfterSpaces(from: start + 1) ?? start + 1) : start + 1
                emit(.rightParen(endsDirective: directive), from: start, to: end)
                position = end
            case UInt8(ascii: "]"):
                emit(.rightBracket, from: start, to: start + 1)
                position += 1
            default:
                emit(.rightBrace, from: start, to: start + 1)
                position += 1
            }
        case UInt8(ascii: ","): emitSingle(.comma)
        case UInt8(ascii: ":"): emitSingle(.colon)
        case UInt8(ascii: "."):
            guard bytes.matches("..", at: start) else { throw error("unexpected '.'", at: start) }
            emit(.range, from: start, to: start + 2)
            position += 2
        case UInt8(ascii: "$"):
            guard let length = bytes.referenceStartLength(at: start) else { throw error("expected a reference name after '$'", at: start) }
            startReference(at: start, length: length)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            try lexString(quote: byte)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            lexNumber(negative: false)
        case UInt8(ascii: "-") where position + 1 < bytes.count && Lexer.isDigit(bytes[position + 1]):
            // Velocity's number token includes a leading minus, so `2-1` is two numbers (a syntax error).
            lexNumber(negative: true)
        case UInt8(ascii: "="):
            if bytes.matches("==", at: start) { emitOperator(.equal, length: 2) } else { emitSingle(.assign) }
        case UInt8(ascii: "!"):
            if bytes.matches("!=", at: start) { emitOperator(.notEqual, length: 2) } else { emitOperator(.not, length: 1) }
        case UInt8(ascii: "<"):
            if bytes.matches("<=", at: start) { emitOperator(.lessOrEqual, length: 2) } else { emitOperator(.less, length: 1) }
        case UInt8(ascii: ">"):
            if bytes.matches(">=", at: start) { emitOperator(.greaterOrEqual, length: 2) } else { emitOperator(.greater, length: 1) }
        case UInt8(ascii: "&"):
            guard bytes.matches("&&", at: start) else { throw error("unexpected '&' (did you mean '&&'?)", at: start) }
            emitOperator(.and, length: 2)
        case UInt8(ascii: "|"):
            guard bytes.matches("||", at: start) else { throw error("unexpected '|' (did you mean '||'?)", at: start) }
            emitOperator(.or, length: 2)
        case UInt8(ascii: "+"): emitOperator(.plus, length: 1)
        case UInt8(ascii: "-"): emitOperator(.minus, length: 1)
        case UInt8(ascii: "*"): emitOperator(.times, length: 1)
        case UInt8(ascii: "/"): emitOperator(.divide, length: 1)
        case UInt8(ascii: "%"): emitOperator(.remainder, length: 1)
        default:
            guard Lexer.isLetter(byte) || byte == UInt8(ascii: "_") else {
                throw error("unexpected character '\(characterDescription(at: start))'", at: start)
            }
            while position < bytes.count, Lexer.isWordCharacter(bytes[position]) { position += 1 }
            emit(.word(Word(spelling: UnsafeBufferPointer(rebasing: bytes[start..<position]))), from: start, to: position)
        }
    }

    private mutating func lexNumber(negative: Bool) {
        let start = position
        if negative { position += 1 }
        while position < bytes.count, Lexer.isDigit(bytes[position]) { position += 1 }
        var isFloat = false
        if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "."), Lexer.isDigit(bytes[position + 1]) {
            isFloat = true
            position += 1
            while position < bytes.count, Lexer.isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            var index = position + 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            if index < bytes.count, Lexer.isDigit(bytes[index]) {
                isFloat = true
                position = index
                while position < bytes.count, Lexer.isDigit(bytes[position]) { position += 1 }
            }
        }
        emit(isFloat ? .floatingPoint : .integer, from: start, to: position)
    }

    /// A string literal: the quote character doubled is an escape, and in double quotes `\uXXXX` (see `UnescapedLiteral`).
    private mutating func lexString(quote: UInt8) throws(VTLError) {
        let start = position
        let contentsStart = start + 1
        // Most literals have no doubled quote and no `\u` escape: their text is the source bytes.
        var plainEnd = contentsStart
        var mayEscape = false
        while plainEnd < bytes.count, bytes[plainEnd] != quote {
            if bytes[plainEnd] == UInt8(ascii: "\\") { mayEscape = true }
            plainEnd += 1
        }
        if plainEnd < bytes.count, plainEnd + 1 >= bytes.count || bytes[plainEnd + 1] != quote,
            quote == UInt8(ascii: "'") || !mayEscape
        {
            var interpolates = false
            if quote == UInt8(ascii: "\"") {
                for offset in contentsStart..<plainEnd where bytes[offset] == UInt8(ascii: "$") || bytes[offset] == UInt8(ascii: "#") {
                    interpolates = true
                    break
                }
            }
            try checkNoEscapedQuote(closingAt: plainEnd)
            emit(.string(interpolates: interpolates, unescaped: nil), from: start, to: plainEnd + 1)
            position = plainEnd + 1
            return
        }
        guard let literal = UnescapedLiteral(in: bytes, quoteAt: start) else { throw error("unterminated string literal", at: start) }
        try checkNoEscapedQuote(closingAt: literal.end)
        let interpolates = quote == UInt8(ascii: "\"")
            && literal.bytes.contains { $0 == UInt8(ascii: "$") || $0 == UInt8(ascii: "#") }
        strings.append(String(decoding: literal.bytes, as: UTF8.self))
        // A `\` that starts no `\u` escape leaves the text as in the source, with no offsets to map.
        if interpolates, !literal.escapes.isEmpty { stringEscapes[strings.count - 1] = literal.escapes }
        emit(.string(interpolates: interpolates, unescaped: strings.count - 1), from: start, to: literal.end + 1)
        position = literal.end + 1
    }

    /// `"say \"hi\""`: Velocity strings have no backslash escapes, so the string ends at the
    /// quote after the backslash and what follows is a syntax error there, as Velocity reports
    /// it. Said here with the reason, since the writer meant an escaped quote.
    private func checkNoEscapedQuote(closingAt close: Int) throws(VTLError) {
        guard close > 0, bytes[close - 1] == UInt8(ascii: "\\"), close + 1 < bytes.count else { return }
        let next = bytes[close + 1]
        let quote = bytes[close]
        guard Lexer.isIdentifierCharacter(next) || next == UInt8(ascii: "$") || next == UInt8(ascii: "\\")
            || ((next == UInt8(ascii: "\"") || next == UInt8(ascii: "'")) && next != quote)
        else { return }
        let doubled = quote == UInt8(ascii: "\"") ? "\"\"" : "''"
        throw error(
            "the string ended at the quote after '\\': a backslash does not escape a quote in Velocity (write \(doubled) for a quote inside the string)",
            at: close + 1)
    }

    // MARK: Helpers

    private mutating func emit(_ kind: Lexeme.Kind, from start: Int, to end: Int) {
        if pendingText.isOpen { flushText() }
        queue.append(Lexeme(kind: kind, range: templateOffset(of: start)..<templateOffset(of: end)))
    }

    /// The template offset of `offset` in `bytes`. Kept to an addition and a test where no literal
    /// had escapes: every lexeme goes through here.
    @inline(__always)
    private func templateOffset(of offset: Int) -> Int {
        if literalOffsets == nil { return baseOffset + offset }
        return Lexer.templateOffset(of: offset, through: literalOffsets!)
    }

    /// The offset in `bytes` of template offset `offset`, which must be at an edge of a lexeme.
    @inline(__always)
    private func localOffset(of offset: Int) -> Int {
        if literalOffsets == nil { return offset - baseOffset }
        return Lexer.localOffset(of: offset, through: literalOffsets!)
    }

    // Out of line, so the common path above stays small enough to inline everywhere.
    @inline(never)
    private static func templateOffset(of offset: Int, through offsets: LiteralOffsets) -> Int { offsets.templateOffset(of: offset) }

    @inline(never)
    private static func localOffset(of offset: Int, through offsets: LiteralOffsets) -> Int { offsets.localOffset(of: offset) }

    /// `(`, `[` or `{` at `offset`: what follows is an expression up to `closer`.
    private mutating func emitOpener(_ kind: Lexeme.Kind, closer: UInt8, directive: Bool = false, at offset: Int) {
        emit(kind, from: offset, to: offset + 1)
        modes.append(.expression(closer: closer, directive: directive))
        openers.append(offset)
        position = offset + 1
    }

    /// The bytes `start..<end` as a string.
    private func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    private mutating func emitSingle(_ kind: Lexeme.Kind) {
        emit(kind, from: position, to: position + 1)
        position += 1
    }

    private mutating func emitOperator(_ op: Operator, length: Int) {
        emit(.operator(op), from: position, to: position + length)
        position += length
    }

    /// Text that is exactly the source bytes `start..<end`.
    private mutating func appendText(from start: Int, to end: Int) {
        if pendingText.isOpen, pendingText.end == start {
            if pendingText.unescaped != nil {
                pendingText.unescaped! += string(start, end)
            }
            pendingText.end = end
        } else {
            flushText()
            pendingText = PendingText(start: start, end: end, unescaped: nil)
        }
        position = end
    }

    /// Adjacent text merges into one token, as Velocity's greedy text token does.
    private mutating func appendText(_ text: String, from start: Int, to end: Int, mergeable: Bool = true) {
        if mergeable, pendingText.isOpen, pendingText.end == start {
            var merged = pendingText.unescaped ?? string(pendingText.start, pendingText.end)
            pendingText.unescaped = nil
            merged += text
            pendingText.unescaped = merged
            pendingText.end = end
        } else {
            flushText()
            pendingText = PendingText(start: start, end: end, unescaped: text)
        }
    }

    private mutating func flushText() {
        guard pendingText.isOpen else { return }
        let text = pendingText
        pendingText = PendingText()
        var kind = Lexeme.Kind.text
        if let unescaped = text.unescaped {
            strings.append(unescaped)
            kind = .unescapedText(strings.count - 1)
        }
        queue.append(Lexeme(kind: kind, range: templateOffset(of: text.start)..<templateOffset(of: text.end)))
    }

    /// Where the innermost open construct began, for "unclosed" errors.
    private func openerOffset() -> Int {
        openers.last ?? 0
    }

    private func characterDescription(at offset: Int) -> String {
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[offset..<end], as: UTF8.self)
    }

    private func error(_ message: String, at offset: Int) -> VTLError {
        source.error(.syntax, message, at: templateOffset(of: offset))
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        // Setting bit 5 turns `A`-`Z` into `a`-`z` and no other byte into a letter.
        (byte | 0x20) &- UInt8(ascii: "a") < 26
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    static func isExpressionSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    static func isIdentifierStart(_ byte: UInt8) -> Bool { isLetter(byte) || byte == UInt8(ascii: "_") }

    /// Velocity 1.7 allows `-` inside identifiers: `$a-b` is one name.
    static func isIdentifierCharacter(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    static func isWordCharacter(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") }
}

/// A text token still growing: `unescaped` holds its text once it differs from the source bytes.
private struct PendingText {
    var start = -1
    var end = -1
    var unescaped: String?

    var isOpen: Bool { start >= 0 }
}

/// The few lexemes one step of lexing finds (at most three: text, `$`, a name), stored inline:
/// the lexer hands out every lexeme through here, and an array would check its uniqueness each time.
private struct LexemeQueue {
    private var slots: (Lexeme, Lexeme, Lexeme, Lexeme)
    private var head = 0
    private var count = 0

    init() {
        let unused = Lexeme(kind: .endOfInput, range: 0..<0)
        slots = (unused, unused, unused, unused)
    }

    var isEmpty: Bool { head == count }

    mutating func append(_ lexeme: Lexeme) {
        precondition(count < 4, "one lexing step found more than four lexemes")
        withUnsafeMutableBytes(of: &slots) { $0.storeBytes(of: lexeme, toByteOffset: count * MemoryLayout<Lexeme>.stride, as: Lexeme.self) }
        count += 1
    }

    /// The oldest lexeme; the queue must not be empty.
    mutating func removeFirst() -> Lexeme {
        let lexeme = withUnsafeBytes(of: &slots) { $0.load(fromByteOffset: head * MemoryLayout<Lexeme>.stride, as: Lexeme.self) }
        head += 1
        if head == count {
            head = 0
            count = 0
        }
        return lexeme
    }
}
