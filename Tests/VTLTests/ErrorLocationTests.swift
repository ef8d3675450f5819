import Testing
@testable import VTL

/// Every kind of error, with the line and column it reports, in the manner of swift-mustache's
/// ErrorTests. Where Velocity 1.7 reports the same spot, the comment quotes the oracle's
/// `[line, column]`; for unclosed constructs Velocity points at the end of the template,
/// and we point at the construct that is left open instead.
@Suite("Error locations")
struct ErrorLocationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var source: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { source.debugDescription }

        init(_ source: String, _ line: Int, _ column: Int, _ message: String) {
            self.source = source
            self.line = line
            self.column = column
            self.message = message
        }
    }

    // MARK: Syntax

    @Test(arguments: [
        Case("a\n#if($x)\nb", 2, 1, "#if has no matching #end"),
        Case("#if($x)a#else b", 1, 1, "#if has no matching #end"),
        Case("x #foreach($i in $l)\n$i", 1, 3, "#foreach has no matching #end"),
        Case("#foreach($i in $l)#if(true)#end", 1, 1, "#foreach has no matching #end"),
        Case("\n\n  #macro(m)body", 3, 3, "#macro has no matching #end"),
        Case("#define($d)body", 1, 1, "#define has no matching #end"),
        Case("a ${b", 1, 3, "unclosed '${': expected '}'"),
        Case("a\n  #[[ raw", 2, 3, "unclosed '#[[': expected ']]#'"),
        Case("#set($a = 'x)", 1, 11, "unterminated string literal"),
        Case("#set($a = \"x\n)", 1, 11, "unterminated string literal"),
        Case("#if(($a)", 1, 4, "expected ')' before the end of the template"),
        Case("$a.b(1,", 1, 5, "expected ')' before the end of the template"),
    ])
    func unclosedConstruct(_ example: Case) {
        expectError(example, kind: .syntax)
    }

    /// Velocity's parser ends a line at `\n`, `\r\n` or a lone `\r`: the oracle reports
    /// `a\rb\r#if($x` at line 3, as it does the `\n` and `\r\n` forms.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func everyLineBreakCounts(lineBreak: String) {
        let source = ["a", "b", "x #end", "c"].joined(separator: lineBreak)
        expectError(Case(source, 3, 3, "#end without a matching"), kind: .syntax)
        // The line shown under the message is the line alone, without its break.
        #expect(captureError({ _ = try Template(source: source).render() })?.sourceLine == "x #end")
    }

    @Test(arguments: [
        Case("a#end", 1, 2, "#end without a matching #if, #foreach, #macro or #define"),
        Case("x\n #else\ny", 2, 2, "#else without a matching #if"),
        Case("#elseif(true)", 1, 1, "#elseif without a matching #if"),
        Case("#foreach($i in $l)#end#end", 1, 23, "#end without a matching"),
    ])
    func strayBlockDirective(_ example: Case) {
        expectError(example, kind: .syntax)
    }

    @Test(arguments: [
        // Velocity 1.7: [line 1, column 9] Was expecting: "=".
        Case("#set($a 1)", 1, 9, "expected '=' after the reference in #set, found '1'"),
        // Velocity 1.7: [line 1, column 6].
        Case("#set(1 = 2)", 1, 6, "#set needs a reference to assign to"),
        Case("#set($a = 1", 1, 5, "expected ')' before the end of the template"),
        Case("#set($a = 1 2)", 1, 13, "expected ')' to close #set, found '2'"),
    ])
    func malformedSet(_ example: Case) {
        expectError(example, kind: .syntax)
    }

    @Test(arguments: [
        Case("#foreach(in $l)x#end", 1, 10, "expected a reference"),
        // Velocity 1.7 fails too (ArrayIndexOutOfBoundsException).
        Case("#foreach($a)x#end", 1, 12, "expected a value, found ')'"),
        // Velocity 1.7: "Invalid first arg in #macro() directive" at [line 1, column 7].
        Case("#macro($a)x#end", 1, 8, "#macro needs a name"),
        Case("#define()x#end", 1, 9, "expected a reference"),
        // Velocity 1.7: [line 1, column 8].
        Case("#if($a $b)#end", 1, 8, "expected ')' to close #if"),
        // Velocity 1.7: Was expecting: "(" at [line 1, column 5].
        Case("#if x", 1, 4, "expected '(' after #if, found text"),
        Case("\n#macro x", 2, 7, "expected '(' after #macro, found text"),
    ])
    func malformedDirectiveArguments(_ example: Case) {
        expectError(example, kind: .syntax)
    }

    @Test(arguments: [
        // Velocity 1.7: [line 1, column 15], at the '..' after a non-integer lower bound.
        Case("#set($r = [1.5..2])", 1, 15, "a range's bounds must be integers or references"),
        Case("#set($r = ['a'..2])", 1, 15, "a range's bounds must be integers or references"),
        Case("#set($r = [1..2", 1, 11, "expected ']' before the end of the template"),
    ])
    func badRangeBounds(_ example: Case) {
        expectError(example, kind: .syntax)
    }

    @Test func badUpperRangeBoundIsReportedAtTheBound() {
        // Velocity 1.7: `#set($r = [1..'b'])` fails with Encountered "'b'" at [line 1, column 15];
        // `['a'..2]` with Encountered ".." at column 15.
        expectError(Case("#set($r = [1..'b'])", 1, 15, "a range's bounds must be integers or references"), kind: .syntax)
        expectError(Case("#set($r = [1..[2]])", 1, 15, "a range's bounds must be integers or references"), kind: .syntax)
    }

    @Test(arguments: [
        // Velocity 1.7: Lexical error, Encountered: "~" at [line 1, column 8].
        Case("#if($a ~ 1)x#end", 1, 8, "unexpected character '~'"),
        Case("#if($a & $b)#end", 1, 8, "unexpected '&' (did you mean '&&'?)"),
        Case("#if($a | $b)#end", 1, 8, "unexpected '|' (did you mean '||'?)"),
        Case("#if($a.)#end", 1, 7, "unexpected '.'"),
        Case("#set($a = [1, 2)", 1, 16, "unexpected ')'"),
        Case("#set($a = {'k' 1})", 1, 16, "expected ':' after the map key, found '1'"),
        Case("#set($a = [1 2])", 1, 14, "expected ',' or ']' in the list, found '2'"),
        // Velocity 1.7: Lexical error, Encountered: "+" at [line 1, column 8].
        Case("$s.m(1 + 2)", 1, 8, "expected ',' or ')' in the argument list, found '+'"),
        Case("#if($ == 1)#end", 1, 5, "expected a reference name after '$'"),
        Case("#if()#end", 1, 5, "expected a value, found ')'"),
        Case("#if(é)#end", 1, 5, "unexpected character 'é'"),
    ])
    func unexpectedCharacterInAnExpression(_ example: Case) {
        expectError(example, kind: .syntax)
    }

    @Test(arguments: [
        // Velocity 1.7: Encountered "-1" at [line 1, column 12] / [line 1, column 16].
        Case("#set($x = 2-1)", 1, 12, ""),
        Case("#set($a = 5)#set($x = $a -1)", 1, 26, ""),
    ])
    func minusGluedToDigitsAfterAValueIsANegativeNumber(_ example: Case) throws {
        // Velocity's lexer takes `-1` as one integer wherever it appears, so `2-1` is two numbers in a row.
        try expectErrorThrowing(example, kind: .syntax)
    }

    @Test(arguments: [
        Case("abc$", 1, 4, "a '$' cannot end the template"),
        Case("x\ny$!", 2, 2, "a '$' cannot end the template"),
    ])
    func dollarAtTheEnd(_ example: Case) {
        expectError(example, kind: .syntax)
    }

    // MARK: Inside string literals with escapes

    /// A double-quoted literal is lexed again from its decoded text, where `""` and `\uXXXX` are
    /// one character: errors after them must still point at the spot in the template. Velocity 1.7
    /// reports these at the literal's opening quote ("Failed to parse String literal").
    @Test(arguments: [
        Case(#"#set($a = "x""y${b")"#, 1, 16, "unclosed '${': expected '}'"),
        Case(#"#set($a = "x""y $b.c(")"#, 1, 21, "expected ')' before the end of the template"),
        Case(#"#set($a = "\u0041 $b.c(")"#, 1, 23, "expected ')' before the end of the template"),
        Case(#"#set($a = "\ud83d\ude00 $b.c(")"#, 1, 29, "expected ')' before the end of the template"),
        Case("#set($a = \"x\"\"y\n  #if($b) $b.c(\")", 2, 15, "expected ')' before the end of the template"),
        Case("x\n#set($a = \"\\u00e9\\u0041$b.c(\")", 2, 28, "expected ')' before the end of the template"),
        // A parser error, and the lexeme it names is the decoded one.
        Case(#"#set($a = "x"" #foo $b.c(""q"" 1)")"#, 1, 32, "expected ',' or ')' in the argument list, found '1'"),
        // `""""` is `""` in the outer literal and `"` in the one inside it.
        Case(#"#set($a = "$b.c(""x"""" $d.e("")")"#, 1, 29, "expected ')' before the end of the template"),
    ])
    func syntaxErrorAfterAnEscapeInAString(_ example: Case) {
        expectError(example, kind: .syntax)
    }

    @Test(arguments: [
        Case("#set($b = 'abc')\n#set($a = \"x\"\"y\\u0041 $b.substring(9)\")", 2, 26, "substring failed"),
        Case(#"#set($b = 'abc')#set($a = "$b.c(""x"""" $b.substring(9)"")")"#, 1, 44, "substring failed"),
    ])
    func renderTimeFailureAfterAnEscapeInAString(_ example: Case) {
        expectError(example, kind: .evaluation)
    }

    // MARK: Unsupported directives

    @Test(arguments: [
        Case("#include('x.vm')", 1, 1, "#include is not supported"),
        Case("a\n  #parse('x.vm')", 2, 3, "#parse is not supported"),
    ])
    func includeAndParseAreRejectedWhenParsing(_ example: Case) {
        expectError(example, kind: .unsupportedDirective)
    }

    // MARK: Evaluation

    @Test(arguments: [
        // Velocity 1.7: Error invoking method 'get(java.lang.Integer)' at [line 2, column 3].
        Case("#set($l = [1, 2])\n$l[5]", 2, 3, "index 5 is out of bounds for a list of 2 elements"),
        Case("#set($l = [1, 2])#set($l[-3] = 0)", 1, 25, "index -3 is out of bounds for a list of 2 elements"),
        // Velocity 1.7: StringIndexOutOfBoundsException: begin 5, end 3, length 3 at [line 1, column 20].
        Case("#set($s = 'abc')$s.substring(5)", 1, 20, "substring failed: begin 5, end 3, length 3"),
        // Velocity 1.7: PatternSyntaxException: Unclosed group near index 1 at [line 1, column 20].
        Case("#set($s = 'abc')$s.replaceAll('(', 'x')", 1, 20, "invalid regular expression '('"),
        // Velocity 1.7: IllegalArgumentException: wrong number of arguments at [line 1, column 20].
        Case("#set($s = 'abc')$s.length(1)", 1, 20, "length failed: java.lang.IllegalArgumentException: wrong number of arguments"),
        Case("#set($s = 'abc')\n#if($s.charAt(3) == 'x')#end", 2, 8, "charAt failed: index 3 is out of range for a string of length 3"),
        Case("#set($s = 'abc')#set($t = \"<$s.substring(9)>\")", 1, 32, "substring failed"),
    ])
    func renderTimeFailure(_ example: Case) {
        expectError(example, kind: .evaluation)
    }

    @Test func evaluateReportsErrorsAtTheDirective() {
        expectError(
            Case("x\n#evaluate('#set($l = [])$l[0]')", 2, 1, "in #evaluate: index 0 is out of bounds for a list of 0 elements"),
            kind: .evaluation)
    }

    // MARK: Limits

    @Test func rangeLongerThanTheLimit() {
        var limits = RenderLimits()
        limits.rangeLength = 10
        expectError(Case("#set($r = [1..10])\n#set($r = [1..11])", 2, 11, "the range [1..11] has more than 10 elements"),
                    kind: .limitExceeded, options: RenderOptions(limits: limits))
    }

    @Test func macroRecursionDeeperThanTheCallDepth() {
        var limits = RenderLimits()
        limits.callDepth = 5
        expectError(Case("#macro(down)\n  #down()#end#down()", 2, 3, "macros, #define and #evaluate nest deeper than 5 levels"),
                    kind: .limitExceeded, options: RenderOptions(limits: limits))
    }

    @Test func defineThatInsertsItselfHitsTheCallDepth() {
        var limits = RenderLimits()
        limits.callDepth = 3
        expectError(Case("#define($d)x$d#end$d", 1, 13, "macros, #define and #evaluate nest deeper than 3 levels"),
                    kind: .limitExceeded, options: RenderOptions(limits: limits))
    }

    @Test func outputLargerThanTheLimit() {
        var limits = RenderLimits()
        limits.outputBytes = 15
        expectError(Case("#set($s = 'abcdefghij')\n$s $s", 2, 4, "the output is larger than 15 bytes"),
                    kind: .limitExceeded, options: RenderOptions(limits: limits))
    }

    @Test func outputLimitHitInLiteralTextPointsAtTheText() {
        var limits = RenderLimits()
        limits.outputBytes = 15
        expectError(Case("#set($a = 1)\n#foreach($i in [1..5])\nabcde#end", 3, 1, "the output is larger than 15 bytes"),
                    kind: .limitExceeded, options: RenderOptions(limits: limits))
    }

    @Test func nestingDeeperThanTheParserAllowsIsALimitError() {
        // The 99th `#if` block is the 100th level; its condition goes one deeper.
        let blocks = String(repeating: "#if(true)\n", count: 150) + String(repeating: "#end", count: 150)
        expectError(Case(blocks, 99, 5, "the template nests deeper than 100 levels"), kind: .limitExceeded)
        let parentheses = "x\n#set($a = " + String(repeating: "(", count: 150) + "1" + String(repeating: ")", count: 150) + ")"
        expectError(Case(parentheses, 2, 110, "the template nests deeper than 100 levels"), kind: .limitExceeded)
    }

    @Test func renderLongerThanTheStepLimit() {
        var limits = RenderLimits()
        limits.steps = 50
        expectError(Case("#foreach($i in [1..100])\n$i#end", 2, 1, "the render took more than 50 steps"),
                    kind: .limitExceeded, options: RenderOptions(limits: limits))
    }

    // MARK: The error value

    @Test func errorCarriesTheTemplateNameAndSourceLine() throws {
        let error = try #require(captureError { try Template(source: "one\ntwo #end three\n", name: "greeting.vm") })
        #expect(error.templateName == "greeting.vm")
        #expect(error.sourceLine == "two #end three")
        #expect(error.description == "greeting.vm:2:5: error: #end without a matching #if, #foreach, #macro or #define")
    }

    @Test func sourceLineDropsACarriageReturn() throws {
        let error = try #require(captureError { try Template(source: "a\r\n#end\r\nb") })
        #expect(error.line == 2)
        #expect(error.sourceLine == "#end")
    }

    // MARK: Diagnostics

    @Test func diagnosticPrintsTheLineAndACaretUnderTheColumn() throws {
        let error = try #require(captureError { try Template(source: "#if($a ~ 1)x#end", name: "t.vm") })
        #expect(error.diagnostic == """
            t.vm:1:8: error: unexpected character '~'
            #if($a ~ 1)x#end
                   ^
            """)
    }

    @Test func diagnosticKeepsTabsSoTheCaretLinesUp() throws {
        let error = try #require(captureError { try Template(source: "\t\t#if($a ~ 1)", name: "t.vm") })
        #expect(error.column == 10)
        #expect(error.diagnostic == "t.vm:1:10: error: unexpected character '~'\n\t\t#if($a ~ 1)\n\t\t       ^")
    }

    @Test func diagnosticOnTheThirdLine() throws {
        let error = try #require(captureError { try Template(source: "line one\nline two\n  #set($a = )\nline four", name: "t.vm") })
        #expect(error.diagnostic == """
            t.vm:3:13: error: expected a value, found ')'
              #set($a = )
                        ^
            """)
    }

    @Test func columnsCountUnicodeScalarsNotBytes() throws {
        let error = try #require(captureError { try Template(source: "ü😀€#if(~)", name: "t.vm") })
        #expect(error.column == 8)
        #expect(error.diagnostic == """
            t.vm:1:8: error: unexpected character '~'
            ü😀€#if(~)
                   ^
            """)
    }

    @Test func renderTimeDiagnostic() throws {
        let template = try Template(source: "#set($s = 'é')\n  $s.substring(2)", name: "t.vm")
        let error = try #require(captureError { _ = try template.render() })
        #expect(error.diagnostic == """
            t.vm:2:6: error: substring failed: begin 2, end 1, length 1
              $s.substring(2)
                 ^
            """)
    }

    @Test func diagnosticWithoutASourceLineIsTheDescription() {
        let error = VTLError(kind: .input, message: "bad body", templateName: "t.vm", line: 1, column: 1)
        #expect(error.diagnostic == "t.vm:1:1: error: bad body")
    }
}

// MARK: Helpers

/// Parses and renders `example.source`, expecting it to fail as described.
private func expectError(
    _ example: ErrorLocationTests.Case, kind: VTLError.Kind, options: RenderOptions = .apiGateway,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    do {
        try expectErrorThrowing(example, kind: kind, options: options, sourceLocation: sourceLocation)
    } catch {
        Issue.record(error, sourceLocation: sourceLocation)
    }
}

private struct Mismatch: Error, CustomStringConvertible {
    var description: String
}

/// Like `expectError`, but throws on a mismatch, so `withKnownIssue` can wrap it.
private func expectErrorThrowing(
    _ example: ErrorLocationTests.Case, kind: VTLError.Kind, options: RenderOptions = .apiGateway,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    guard let error = captureError({ _ = try Template(source: example.source).render(Context(), options: options) }) else {
        throw Mismatch(description: "no error for \(example.source.debugDescription)")
    }
    let wanted = "\(kind):\(example.line):\(example.column): \(example.message)"
    let actual = "\(error.kind):\(error.line):\(error.column): \(error.message)"
    guard error.kind == kind, error.line == example.line, error.column == example.column, error.message.hasPrefix(example.message) else {
        throw Mismatch(description: "expected \(wanted)\n     got \(actual)")
    }
}

/// The `VTLError` that `body` throws, or nil when it succeeds or throws something else.
private func captureError<T>(_ body: () throws -> T) -> VTLError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error as? VTLError
    }
}
