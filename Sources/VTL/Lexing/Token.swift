/// One token of a template, with the byte range it covers in the source.
struct Token: Sendable, Equatable {
    var kind: TokenKind
    var range: Range<Int>
}

enum TokenKind: Sendable, Equatable {
    /// Literal text, already unescaped (`#[[...]]#` contents, lone `$`, `#` and backslashes).
    case text(String)
    /// `## ...` or `#* ... *#`: prints nothing, but ends a text run.
    case comment
    /// Backslashes right before a reference; what they print depends on whether it is defined.
    case referenceEscape(backslashes: Int)
    /// `$`, `$!`, `${`, `$!{`
    case referenceStart(quiet: Bool, braced: Bool)
    /// `#name` or `#{name}`; `#end` and `#else` include the line break they swallow.
    case directive(String)
    /// `#name` without arguments: a call when a macro of that name is defined, otherwise text.
    case bareMacroCall(String)
    case identifier(String)
    /// Bare words inside expressions: `true`, `in`, `and`, `eq`, ...
    case word(String)
    case string(String, interpolates: Bool)
    case integer(String)
    case floatingPoint(String)
    case `operator`(Operator)
    case dot, comma, colon, range, assign
    case leftParen, leftBracket, leftBrace, rightBracket, rightBrace
    /// `)`; `endsDirective` when it closes a directive's arguments (it may have swallowed a line break).
    case rightParen(endsDirective: Bool)
    case endOfInput
}

enum Operator: String, Sendable, Equatable {
    case plus = "+", minus = "-", times = "*", divide = "/", remainder = "%"
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case and = "&&", or = "||", not = "!"
}
