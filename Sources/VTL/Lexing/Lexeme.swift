/// One token as the lexer hands it to the parser: what it is and the bytes it covers, no text.
///
/// A plain value with no strings inside: passing one along costs no reference counting, and
/// the parser builds a string only where the syntax tree keeps one (`Lexer.bytes(of:)`).
struct Lexeme: Sendable, Equatable {
    var kind: Kind
    /// Template offsets; inside a string literal, offsets into the template as well.
    var range: Range<Int>

    enum Kind: Sendable, Equatable {
        /// Literal text that is exactly the bytes of `range`.
        case text
        /// Literal text that differs from its bytes (`#[[...]]#`, a lone `$!`, escaped directives):
        /// the lexer keeps it, `Lexer.string(at:)` gives it back.
        case unescapedText(Int)
        /// `## ...` or `#* ... *#`: prints nothing, but ends a text run.
        case comment
        /// Backslashes right before a reference; what they print depends on whether it is defined.
        case referenceEscape(backslashes: Int)
        /// `$`, `$!`, `${`, `$!{`
        case referenceStart(quiet: Bool, braced: Bool)
        /// `#name` or `#{name}`; `#end` and `#else` include the line break they swallow.
        case directive(Directive)
        /// `#name` without arguments: a call when a macro of that name is defined, otherwise text.
        case bareMacroCall
        case identifier
        /// Bare words inside expressions: `true`, `in`, `and`, `eq`, ...
        case word(Word)
        /// The contents are the bytes between the quotes unless `unescaped` names the lexer's copy.
        case string(interpolates: Bool, unescaped: Int?)
        case integer
        case floatingPoint
        case `operator`(Operator)
        case dot, comma, colon, range, assign
        case leftParen, leftBracket, leftBrace, rightBracket, rightBrace
        /// `)`; `endsDirective` when it closes a directive's arguments (it may have swallowed a line break).
        case rightParen(endsDirective: Bool)
        case endOfInput
    }
}

/// The directives Velocity 1.7 builds in; any other `#name` is a macro call.
enum Directive: String, Sendable, Equatable {
    case `if`, elseif, `else`, end, set, foreach, `break`, stop, define, macro, evaluate, include, parse
    case macroCall
    /// `#@name(...)`: a macro call with a body, which the macro prints as `$bodyContent`.
    case blockMacroCall

    /// Recognises a name without building a string for it.
    init(spelling name: UnsafeBufferPointer<UInt8>) {
        func spells(_ literal: StaticString) -> Bool {
            literal.withUTF8Buffer { name.hasSameBytes(as: $0) }
        }
        self =
            switch name.count {
            case 2: spells("if") ? .if : .macroCall
            case 3: spells("set") ? .set : spells("end") ? .end : .macroCall
            case 4: spells("else") ? .else : spells("stop") ? .stop : .macroCall
            case 5: spells("break") ? .break : spells("macro") ? .macro : spells("parse") ? .parse : .macroCall
            case 6: spells("elseif") ? .elseif : spells("define") ? .define : .macroCall
            case 7: spells("foreach") ? .foreach : spells("include") ? .include : .macroCall
            case 8: spells("evaluate") ? .evaluate : .macroCall
            default: .macroCall
            }
    }

    /// `else`, `end` and `stop`.
    var takesNoArguments: Bool { self == .else || self == .end || self == .stop }

    /// Followed by parenthesised arguments: `set`, `if`, `elseif`, `foreach`, `define`, `macro`,
    /// `evaluate`, `include`, `parse`.
    var takesArguments: Bool { !takesNoArguments && self != .break && self != .macroCall && self != .blockMacroCall }
}

/// The bare words an expression gives a meaning to; any other word (`in`, a macro's name) is `other`.
enum Word: Sendable, Equatable {
    case `true`, `false`, not, and, or, eq, ne, lt, le, gt, ge
    case other

    init(spelling word: UnsafeBufferPointer<UInt8>) {
        func spells(_ literal: StaticString) -> Bool {
            literal.withUTF8Buffer { word.hasSameBytes(as: $0) }
        }
        switch word.count {
        case 2:
            let first = word[0]
            let second = word[1]
            self =
                switch (first, second) {
                case (UInt8(ascii: "o"), UInt8(ascii: "r")): .or
                case (UInt8(ascii: "e"), UInt8(ascii: "q")): .eq
                case (UInt8(ascii: "n"), UInt8(ascii: "e")): .ne
                case (UInt8(ascii: "l"), UInt8(ascii: "t")): .lt
                case (UInt8(ascii: "l"), UInt8(ascii: "e")): .le
                case (UInt8(ascii: "g"), UInt8(ascii: "t")): .gt
                case (UInt8(ascii: "g"), UInt8(ascii: "e")): .ge
                default: .other
                }
        case 3: self = spells("not") ? .not : spells("and") ? .and : .other
        case 4: self = spells("true") ? .true : .other
        case 5: self = spells("false") ? .false : .other
        default: self = .other
        }
    }
}

enum Operator: String, Sendable, Equatable {
    case plus = "+", minus = "-", times = "*", divide = "/", remainder = "%"
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case and = "&&", or = "||", not = "!"
}
