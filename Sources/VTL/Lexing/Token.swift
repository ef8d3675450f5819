/// A lexeme with its text spelled out: how the lexer tests state what a template lexes to.
/// The parser reads `Lexeme`s and builds strings only where the syntax tree keeps them.
struct Token: Sendable, Equatable {
    var kind: TokenKind
    var range: Range<Int>
}

enum TokenKind: Sendable, Equatable {
    /// Literal text, already unescaped (`#[[...]]#` contents, lone `$`, `#` and backslashes).
    case text(String)
    case comment
    case referenceEscape(backslashes: Int)
    case referenceStart(quiet: Bool, braced: Bool)
    case directive(String)
    case bareMacroCall(String)
    case identifier(String)
    case word(String)
    case string(String, interpolates: Bool)
    case integer(String)
    case floatingPoint(String)
    case `operator`(Operator)
    case dot, comma, colon, range, assign
    case leftParen, leftBracket, leftBrace, rightBracket, rightBrace
    case rightParen(endsDirective: Bool)
    case endOfInput
}

extension Lexer {
    /// All tokens of a template, ending with `.endOfInput`, spelled out.
    static func tokenize(_ source: SourceText) throws(VTLError) -> [Token] {
        try source.bytes.withUnsafeBufferPointer { (buffer) throws(VTLError) -> [Token] in
            var lexer = Lexer(source: source, bytes: buffer, baseOffset: 0)
            var tokens: [Token] = []
            while true {
                let lexeme = try lexer.next()
                tokens.append(Token(kind: lexer.spelling(of: lexeme), range: lexeme.range))
                if lexeme.kind == .endOfInput { return tokens }
            }
        }
    }

    private func spelling(of lexeme: Lexeme) -> TokenKind {
        let text = { String(decoding: bytes(of: lexeme.range), as: UTF8.self) }
        switch lexeme.kind {
        case .text: return .text(text())
        case .unescapedText(let index): return .text(string(at: index))
        case .comment: return .comment
        case .referenceEscape(let backslashes): return .referenceEscape(backslashes: backslashes)
        case .referenceStart(let quiet, let braced): return .referenceStart(quiet: quiet, braced: braced)
        case .directive: return .directive(directiveName(of: lexeme))
        case .bareMacroCall: return .bareMacroCall(directiveName(of: lexeme))
        case .identifier: return .identifier(text())
        case .word: return .word(text())
        case .string(let interpolates, let unescaped):
            let contents = unescaped.map(string(at:))
                ?? String(decoding: contents(ofString: lexeme), as: UTF8.self)
            return .string(contents, interpolates: interpolates)
        case .integer: return .integer(text())
        case .floatingPoint: return .floatingPoint(text())
        case .operator(let op): return .operator(op)
        case .dot: return .dot
        case .comma: return .comma
        case .colon: return .colon
        case .range: return .range
        case .assign: return .assign
        case .leftParen: return .leftParen
        case .leftBracket: return .leftBracket
        case .leftBrace: return .leftBrace
        case .rightBracket: return .rightBracket
        case .rightBrace: return .rightBrace
        case .rightParen(let endsDirective): return .rightParen(endsDirective: endsDirective)
        case .endOfInput: return .endOfInput
        }
    }
}
