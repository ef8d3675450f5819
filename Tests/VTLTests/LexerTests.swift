import Testing
@testable import VTL

/// Tokens with the exact byte ranges they cover, in the manner of Stencil's LexerSpec.
/// Whitespace and escaping behaviour follows Velocity 1.7 (checked with the oracle,
/// `/work/shared/oracle/render --aws`); see the README there for the observed pairs.
@Suite("Lexer")
struct LexerTests {
    // MARK: Text

    @Test func plainTextIsOneTokenFollowedByEndOfInput() throws {
        #expect(try lexAll("hello world") == [
            Token(kind: .text("hello world"), range: 0..<11),
            Token(kind: .endOfInput, range: 11..<11),
        ])
    }

    @Test func emptyTemplateIsOnlyEndOfInput() throws {
        #expect(try lexAll("") == [Token(kind: .endOfInput, range: 0..<0)])
    }

    @Test func textAndLineCommentsEndExactlyAtTheirStopByteWhereverItFalls() throws {
        // Both are scanned eight bytes at a time: try every offset across three words, after
        // one-byte and two-byte characters.
        for filler in ["x", "é"] {
            for length in 1..<20 {
                let prefix = String(repeating: filler, count: length)
                let end = prefix.utf8.count
                for stop in ["$a", "#if(true)#end", "\\$a"] {
                    #expect(try lex(prefix + stop + " z").first == Token(.text(prefix), 0..<end), "\(prefix)\(stop)")
                }
                let afterComment = end + 4
                #expect(try lex("## " + prefix + "\nz").last == Token(.text("z"), afterComment..<(afterComment + 1)), "\(prefix)")
            }
        }
    }

    @Test func dollarAndHashThatStartNothingMergeIntoTheSurroundingText() throws {
        #expect(try lex("a $ $1 # #1 $$ b") == [Token(.text("a $ $1 # #1 $$ b"), 0..<16)])
    }

    @Test func quietDollarThatStartsNothingDropsItsBang() throws {
        // Velocity 1.7: `$!1` prints `$1`.
        #expect(try lex("$!1") == [Token(.text("$1"), 0..<3)])
    }

    @Test func textStopsAtAReferenceAndResumesAfterIt() throws {
        #expect(try lex("a$b c") == [
            Token(.text("a"), 0..<1),
            Token(.referenceStart(quiet: false, braced: false), 1..<2),
            Token(.identifier("b"), 2..<3),
            Token(.text(" c"), 3..<5),
        ])
    }

    // MARK: References

    @Test(arguments: [
        ("$a", [
            Token(.referenceStart(quiet: false, braced: false), 0..<1),
            Token(.identifier("a"), 1..<2),
        ]),
        ("$!a", [
            Token(.referenceStart(quiet: true, braced: false), 0..<2),
            Token(.identifier("a"), 2..<3),
        ]),
        ("${a}", [
            Token(.referenceStart(quiet: false, braced: true), 0..<2),
            Token(.identifier("a"), 2..<3),
            Token(.rightBrace, 3..<4),
        ]),
        ("$!{a}", [
            Token(.referenceStart(quiet: true, braced: true), 0..<3),
            Token(.identifier("a"), 3..<4),
            Token(.rightBrace, 4..<5),
        ]),
    ])
    func referenceStarts(source: String, expected: [Token]) throws {
        #expect(try lex(source) == expected)
    }

    @Test func propertyChain() throws {
        #expect(try lex("$a.b.c") == [
            Token(.referenceStart(quiet: false, braced: false), 0..<1),
            Token(.identifier("a"), 1..<2),
            Token(.dot, 2..<3),
            Token(.identifier("b"), 3..<4),
            Token(.dot, 4..<5),
            Token(.identifier("c"), 5..<6),
        ])
    }

    @Test func methodCallWithArguments() throws {
        #expect(try lex("$a.m(1, 'x')") == [
            Token(.referenceStart(quiet: false, braced: false), 0..<1),
            Token(.identifier("a"), 1..<2),
            Token(.dot, 2..<3),
            Token(.identifier("m"), 3..<4),
            Token(.leftParen, 4..<5),
            Token(.integer("1"), 5..<6),
            Token(.comma, 6..<7),
            Token(.string("x", interpolates: false), 8..<11),
            Token(.rightParen(endsDirective: false), 11..<12),
        ])
    }

    @Test func indexStep() throws {
        #expect(try lex("$a[0]") == [
            Token(.referenceStart(quiet: false, braced: false), 0..<1),
            Token(.identifier("a"), 1..<2),
            Token(.leftBracket, 2..<3),
            Token(.integer("0"), 3..<4),
            Token(.rightBracket, 4..<5),
        ])
    }

    @Test func dashIsAnIdentifierCharacter() throws {
        // Velocity 1.7: `#set($a-b = 'x')$a-b` prints `x`.
        #expect(try lex("$a-b") == [
            Token(.referenceStart(quiet: false, braced: false), 0..<1),
            Token(.identifier("a-b"), 1..<4),
        ])
    }

    @Test func dotNotFollowedByANameIsText() throws {
        #expect(try lex("$a. ") == [
            Token(.referenceStart(quiet: false, braced: false), 0..<1),
            Token(.identifier("a"), 1..<2),
            Token(.text(". "), 2..<4),
        ])
    }

    @Test func parenthesisAfterAPlainNameIsText() throws {
        #expect(try lex("$a(1)") == [
            Token(.referenceStart(quiet: false, braced: false), 0..<1),
            Token(.identifier("a"), 1..<2),
            Token(.text("(1)"), 2..<5),
        ])
    }

    @Test func braceWithoutANameIsText() throws {
        #expect(try lex("${1}") == [Token(.text("${1}"), 0..<4)])
    }

    // MARK: Comments and literal blocks

    @Test func lineCommentIncludesItsNewline() throws {
        #expect(try lex("a ## c\nb") == [
            Token(.text("a "), 0..<2),
            Token(.comment, 2..<7),
            Token(.text("b"), 7..<8),
        ])
    }

    @Test func lineCommentAtTheEndRunsToTheEnd() throws {
        #expect(try lex("a ## c") == [Token(.text("a "), 0..<2), Token(.comment, 2..<6)])
    }

    @Test func blockCommentKeepsTheFollowingNewline() throws {
        #expect(try lex("a #* c *#\nb") == [
            Token(.text("a "), 0..<2),
            Token(.comment, 2..<9),
            Token(.text("\nb"), 9..<11),
        ])
    }

    @Test func unclosedBlockCommentRunsToTheEnd() throws {
        // Velocity 1.7 accepts `a #* c` and prints `a `.
        #expect(try lex("a #* c") == [Token(.text("a "), 0..<2), Token(.comment, 2..<6)])
    }

    @Test func literalBlockIsUninterpretedText() throws {
        #expect(try lex("#[[ $x #if ]]#") == [Token(.text(" $x #if "), 0..<14)])
    }

    @Test func literalBlockIsNotMergedWithTheTextBeforeIt() throws {
        #expect(try lex("a#[[b]]#") == [Token(.text("a"), 0..<1), Token(.text("b"), 1..<8)])
    }

    // MARK: Directives

    @Test func setDirectiveParenthesisSwallowsTrailingSpacesAndNewline() throws {
        #expect(try lex("#set( $a = 1 )   \nx") == [
            Token(.directive("set"), 0..<4),
            Token(.leftParen, 4..<5),
            Token(.referenceStart(quiet: false, braced: false), 6..<7),
            Token(.identifier("a"), 7..<8),
            Token(.assign, 9..<10),
            Token(.integer("1"), 11..<12),
            Token(.rightParen(endsDirective: true), 13..<18),
            Token(.text("x"), 18..<19),
        ])
    }

    @Test func directiveParenthesisKeepsSpacesWithoutANewline() throws {
        // Velocity 1.7: `a #set($a = 1) b` prints `a  b`.
        #expect(try lex("#set($a = 1) b") == [
            Token(.directive("set"), 0..<4),
            Token(.leftParen, 4..<5),
            Token(.referenceStart(quiet: false, braced: false), 5..<6),
            Token(.identifier("a"), 6..<7),
            Token(.assign, 8..<9),
            Token(.integer("1"), 10..<11),
            Token(.rightParen(endsDirective: true), 11..<12),
            Token(.text(" b"), 12..<14),
        ])
    }

    @Test func indentationBeforeSetAtTemplateStartIsDropped() throws {
        // Velocity 1.7: `  #set($a = 1)\nx` prints `x`.
        #expect(try lex("  #set($a = 1)\nx") == [
            Token(.comment, 0..<2),
            Token(.directive("set"), 2..<6),
            Token(.leftParen, 6..<7),
            Token(.referenceStart(quiet: false, braced: false), 7..<8),
            Token(.identifier("a"), 8..<9),
            Token(.assign, 10..<11),
            Token(.integer("1"), 12..<13),
            Token(.rightParen(endsDirective: true), 13..<15),
            Token(.text("x"), 15..<16),
        ])
    }

    @Test func indentationBeforeSetAfterTextIsKept() throws {
        // Velocity 1.7: `t\n  #set($a = 1)\nx` prints `t\n  x`.
        let tokens = try lex("t\n  #set($a = 1)\nx")
        #expect(tokens.first == Token(.text("t\n  "), 0..<4))
        #expect(tokens.dropFirst().first == Token(.directive("set"), 4..<8))
    }

    @Test func indentationBeforeSetAfterAReferenceIsDropped() throws {
        // Velocity 1.7: `#set($a = 1)$a #set($b = 2)$b` prints `12`.
        let tokens = try lex("$a #set($b = 2)")
        #expect(Array(tokens.prefix(4)) == [
            Token(.referenceStart(quiet: false, braced: false), 0..<1),
            Token(.identifier("a"), 1..<2),
            Token(.comment, 2..<3),
            Token(.directive("set"), 3..<7),
        ])
    }

    @Test func indentationBeforeIfIsKept() throws {
        #expect(try lex("  #if(true)").prefix(2) == [
            Token(.text("  "), 0..<2),
            Token(.directive("if"), 2..<5),
        ])
    }

    @Test func endAndElseSwallowTrailingSpacesAndOneLineBreak() throws {
        #expect(try lex("#if(true)a#else \nb#end  \n\nc") == [
            Token(.directive("if"), 0..<3),
            Token(.leftParen, 3..<4),
            Token(.word("true"), 4..<8),
            Token(.rightParen(endsDirective: true), 8..<9),
            Token(.text("a"), 9..<10),
            Token(.directive("else"), 10..<17),
            Token(.text("b"), 17..<18),
            Token(.directive("end"), 18..<25),
            Token(.text("\nc"), 25..<27),
        ])
    }

    @Test func endSwallowsACarriageReturnLineFeed() throws {
        #expect(try lex("#end\r\nx") == [Token(.directive("end"), 0..<6), Token(.text("x"), 6..<7)])
    }

    @Test func endKeepsSpacesThatAreNotFollowedByALineBreak() throws {
        #expect(try lex("#end  x") == [Token(.directive("end"), 0..<4), Token(.text("  x"), 4..<7)])
    }

    @Test func bracedDirectiveNames() throws {
        #expect(try lex("#{if}(true)x#{else}y#{end}z") == [
            Token(.directive("if"), 0..<5),
            Token(.leftParen, 5..<6),
            Token(.word("true"), 6..<10),
            Token(.rightParen(endsDirective: true), 10..<11),
            Token(.text("x"), 11..<12),
            Token(.directive("else"), 12..<19),
            Token(.text("y"), 19..<20),
            Token(.directive("end"), 20..<26),
            Token(.text("z"), 26..<27),
        ])
    }

    @Test func spaceBetweenDirectiveNameAndParenthesisIsAllowed() throws {
        #expect(try lex("#if (true)").prefix(2) == [
            Token(.directive("if"), 0..<3),
            Token(.leftParen, 4..<5),
        ])
    }

    @Test func unknownNameWithoutParenthesesIsABareMacroCall() throws {
        #expect(try lex("#foo bar") == [Token(.bareMacroCall("foo"), 0..<4), Token(.text(" bar"), 4..<8)])
    }

    @Test func directiveNeedingArgumentsIsLexedEvenWithoutThem() throws {
        #expect(try lex("#if x") == [Token(.directive("if"), 0..<3), Token(.text(" x"), 3..<5)])
    }

    // MARK: Escapes

    @Test(arguments: [1, 2, 3])
    func backslashesBeforeAReferenceBecomeAnEscapeToken(count: Int) throws {
        #expect(try lex(String(repeating: "\\", count: count) + "$a") == [
            Token(.referenceEscape(backslashes: count), 0..<count),
            Token(.referenceStart(quiet: false, braced: false), count..<(count + 1)),
            Token(.identifier("a"), (count + 1)..<(count + 2)),
        ])
    }

    @Test func escapedDirectiveIsText() throws {
        #expect(try lex("\\#end x") == [Token(.text("#end x"), 0..<7)])
    }

    @Test func doubledBackslashBeforeADirectiveKeepsOneAndTheDirectiveIsLive() throws {
        #expect(try lex("\\\\#stop") == [Token(.text("\\"), 0..<2), Token(.directive("stop"), 2..<7)])
    }

    @Test func backslashesBeforeOtherTextStayAsWritten() throws {
        #expect(try lex("a\\b\\\\# x") == [Token(.text("a\\b\\\\# x"), 0..<8)])
    }

    // MARK: Expressions

    @Test func singleQuotedStringDoublesItsQuoteAndDoesNotInterpolate() throws {
        #expect(try lexExpression("'a''b$c'") == [Token(.string("a'b$c", interpolates: false), 0..<8)])
    }

    @Test func doubleQuotedStringDoublesItsQuote() throws {
        #expect(try lexExpression(#""a""b""#) == [Token(.string(#"a"b"#, interpolates: false), 0..<6)])
    }

    @Test func doubleQuotedStringDecodesUnicodeEscapesOnly() throws {
        #expect(try lexExpression(#""\u0041\n""#) == [Token(.string(#"A\n"#, interpolates: false), 0..<10)])
    }

    @Test func singleQuotedStringKeepsUnicodeEscapes() throws {
        #expect(try lexExpression(#"'\u0041'"#) == [Token(.string(#"\u0041"#, interpolates: false), 0..<8)])
    }

    @Test(arguments: [##""$a""##, ##""#if(true)x#end""##, ##""${a}b""##])
    func doubleQuotedStringWithDollarOrHashInterpolates(literal: String) throws {
        guard case .string(_, let interpolates) = try lexExpression(literal).first?.kind else {
            Issue.record("not a string")
            return
        }
        #expect(interpolates)
    }

    @Test(arguments: [
        ("1", TokenKind.integer("1")),
        ("42", .integer("42")),
        ("-7", .integer("-7")),
        ("1.5", .floatingPoint("1.5")),
        ("1.5e3", .floatingPoint("1.5e3")),
        ("2E-2", .floatingPoint("2E-2")),
        ("-0.5", .floatingPoint("-0.5")),
        ("99999999999999999999", .integer("99999999999999999999")),
    ])
    func numbers(literal: String, kind: TokenKind) throws {
        #expect(try lexExpression(literal) == [Token(kind, 0..<literal.utf8.count)])
    }

    @Test func minusFollowedBySpaceSubtracts() throws {
        // Velocity 1.7: `#set($a = 5)#set($x = $a - 1)$x` prints `4`.
        #expect(try lexExpression("$a - 1") == [
            Token(.referenceStart(quiet: false, braced: false), 0..<1),
            Token(.identifier("a"), 1..<2),
            Token(.operator(.minus), 3..<4),
            Token(.integer("1"), 5..<6),
        ])
    }

    @Test func minusAfterAnOperatorStartsANumber() throws {
        #expect(try lexExpression("1 * -2") == [
            Token(.integer("1"), 0..<1),
            Token(.operator(.times), 2..<3),
            Token(.integer("-2"), 4..<6),
        ])
    }

    @Test func rangeLiteral() throws {
        #expect(try lexExpression("[1..3]") == [
            Token(.leftBracket, 0..<1),
            Token(.integer("1"), 1..<2),
            Token(.range, 2..<4),
            Token(.integer("3"), 4..<5),
            Token(.rightBracket, 5..<6),
        ])
    }

    @Test func mapLiteral() throws {
        #expect(try lexExpression("{'k': $v}") == [
            Token(.leftBrace, 0..<1),
            Token(.string("k", interpolates: false), 1..<4),
            Token(.colon, 4..<5),
            Token(.referenceStart(quiet: false, braced: false), 6..<7),
            Token(.identifier("v"), 7..<8),
            Token(.rightBrace, 8..<9),
        ])
    }

    @Test(arguments: [
        ("+", Operator.plus), ("-", .minus), ("*", .times), ("/", .divide), ("%", .remainder),
        ("==", .equal), ("!=", .notEqual), ("<", .less), ("<=", .lessOrEqual), (">", .greater),
        (">=", .greaterOrEqual), ("&&", .and), ("||", .or),
    ])
    func binaryOperators(spelling: String, op: Operator) throws {
        let width = spelling.utf8.count
        #expect(try lexExpression("$a \(spelling) $b") == [
            Token(.referenceStart(quiet: false, braced: false), 0..<1),
            Token(.identifier("a"), 1..<2),
            Token(.operator(op), 3..<(3 + width)),
            Token(.referenceStart(quiet: false, braced: false), (4 + width)..<(5 + width)),
            Token(.identifier("b"), (5 + width)..<(6 + width)),
        ])
    }

    @Test func notOperator() throws {
        #expect(try lexExpression("!$a") == [
            Token(.operator(.not), 0..<1),
            Token(.referenceStart(quiet: false, braced: false), 1..<2),
            Token(.identifier("a"), 2..<3),
        ])
    }

    @Test func wordOperatorsAreWords() throws {
        #expect(try lexExpression("1 eq 2 and not true") == [
            Token(.integer("1"), 0..<1),
            Token(.word("eq"), 2..<4),
            Token(.integer("2"), 5..<6),
            Token(.word("and"), 7..<10),
            Token(.word("not"), 11..<14),
            Token(.word("true"), 15..<19),
        ])
    }

    @Test func nestedParenthesesInsideADirective() throws {
        #expect(try lexExpression("($a)") == [
            Token(.leftParen, 0..<1),
            Token(.referenceStart(quiet: false, braced: false), 1..<2),
            Token(.identifier("a"), 2..<3),
            Token(.rightParen(endsDirective: false), 3..<4),
        ])
    }

    @Test func newlinesInsideADirectiveAreWhitespace() throws {
        #expect(try lexExpression("1\n+\t2") == [
            Token(.integer("1"), 0..<1),
            Token(.operator(.plus), 2..<3),
            Token(.integer("2"), 4..<5),
        ])
    }

    // MARK: Errors

    @Test(arguments: [
        ("${a", 1, 1, "unclosed '${'"),
        ("x\n#if(true", 2, 4, "expected ')' before the end of the template"),
        ("$a.m(1", 1, 5, "expected ')' before the end of the template"),
        ("$a[0", 1, 3, "expected ']' before the end of the template"),
        ("#set($m = {'a': 1", 1, 11, "expected '}' before the end of the template"),
        ("#set($m = {'a': 1)", 1, 18, "unexpected ')'"),
        ("ab#[[ x", 1, 3, "unclosed '#[['"),
        ("#set($s = 'abc)", 1, 11, "unterminated string literal"),
        ("#set($s = \"abc)", 1, 11, "unterminated string literal"),
        ("#if($a ] )", 1, 8, "unexpected ']'"),
        ("#if($a & $b)", 1, 8, "unexpected '&'"),
        ("#if($a | $b)", 1, 8, "unexpected '|'"),
        ("#if(1 . 2)", 1, 7, "unexpected '.'"),
        ("#if(1 @ 2)", 1, 7, "unexpected character '@'"),
        ("#if($ )", 1, 5, "expected a reference name after '$'"),
        ("a$", 1, 2, "a '$' cannot end the template"),
        ("a$!", 1, 2, "a '$' cannot end the template"),
    ])
    func unclosedAndInvalidInputThrowsWithItsLocation(source: String, line: Int, column: Int, message: String) {
        #expect {
            _ = try Lexer.tokenize(SourceText(name: "t.vm", text: source))
        } throws: { error in
            guard let error = error as? VTLError else { return false }
            return error.kind == .syntax && error.line == line && error.column == column && error.message.hasPrefix(message)
        }
    }
}

// MARK: Helpers

extension Token {
    /// `Token(.text("a"), 0..<1)`: a token as the tables above read.
    fileprivate init(_ kind: TokenKind, _ range: Range<Int>) {
        self.init(kind: kind, range: range)
    }
}

private func lexAll(_ source: String) throws -> [Token] {
    try Lexer.tokenize(SourceText(name: "t.vm", text: source))
}

/// The tokens of a template without the final `.endOfInput`.
private func lex(_ source: String) throws -> [Token] {
    let tokens = try lexAll(source)
    #expect(tokens.last?.kind == .endOfInput)
    return Array(tokens.dropLast())
}

/// The tokens of an expression, lexed as the condition of `#if(...)`, with ranges relative to the expression.
private func lexExpression(_ expression: String) throws -> [Token] {
    let prefix = "#if("
    let tokens = try lex(prefix + expression + ")")
    let inner = tokens.dropFirst(2).dropLast()
    #expect(tokens.last?.kind == .rightParen(endsDirective: true))
    let shift = prefix.utf8.count
    return inner.map { Token(kind: $0.kind, range: ($0.range.lowerBound - shift)..<($0.range.upperBound - shift)) }
}
