import Testing
@testable import VTL

/// Shapes of the syntax tree. Expressions are compared through `sketch`, a compact
/// prefix notation (`(add 1 (multiply 2 3))`), so precedence reads at a glance.
/// What Velocity 1.7 accepts and rejects was checked with the oracle.
@Suite("Parser")
struct ParserTests {
    // MARK: Text and references

    @Test func textAroundACommentMergesIntoOneNode() throws {
        // Velocity 1.7: `a## x\nb` prints `ab`.
        let nodes = try parse("a## x\nb")
        #expect(nodes.count == 1)
        #expect(text(nodes.first) == "ab")
    }

    @Test func referenceKeepsItsStepsAndSourceText() throws {
        let reference = try #require(reference(try parse("x ${a.b[0].m($c, 'd')} y").dropFirst().first))
        #expect(reference.name == "a")
        #expect(reference.quiet == false)
        #expect(reference.sourceText == "${a.b[0].m($c, 'd')}")
        #expect(reference.offset == 2)
        #expect(reference.steps.map(sketch) == [".b", "[0]", ".m($c, 'd')"])
    }

    @Test func quietReferenceIsMarkedQuiet() throws {
        let reference = try #require(reference(try parse("$!a.b").first))
        #expect(reference.quiet)
        #expect(reference.sourceText == "$!a.b")
    }

    @Test func escapedReferenceKeepsItsBackslashCount() throws {
        guard case .escapedReference(let backslashes, let reference)? = try parse("\\\\\\$a.b").first else {
            Issue.record("not an escaped reference")
            return
        }
        #expect(backslashes == 3)
        #expect(reference.sourceText == "$a.b")
    }

    // MARK: #if

    @Test func ifElseifElse() throws {
        let nodes = try parse("#if($a)x#elseif($b)y#{else}z#end")
        guard case .conditional(let branches, let otherwise)? = nodes.first, nodes.count == 1 else {
            Issue.record("not one conditional: \(nodes)")
            return
        }
        #expect(branches.map { sketch($0.condition) } == ["$a", "$b"])
        #expect(branches.map { text($0.body.first) } == ["x", "y"])
        #expect(otherwise.map { $0.map(text) } == ["z"])
    }

    @Test func ifWithoutElseHasNoOtherwiseBranch() throws {
        guard case .conditional(let branches, let otherwise)? = try parse("#if($a)x#end").first else {
            Issue.record("not a conditional")
            return
        }
        #expect(branches.count == 1)
        #expect(otherwise == nil)
    }

    @Test func emptyElseIsAnEmptyBranchNotAMissingOne() throws {
        guard case .conditional(_, let otherwise)? = try parse("#if($a)x#else#end").first else {
            Issue.record("not a conditional")
            return
        }
        #expect(otherwise?.isEmpty == true)
    }

    // MARK: #foreach

    @Test func nestedForeach() throws {
        guard case .foreach(let outer, let outerList, let outerBody, let offset)? = try parse("#foreach($row in $rows)#foreach($cell in $row.cells)$cell#end#end").first else {
            Issue.record("not a loop")
            return
        }
        #expect(outer.name == "row")
        #expect(sketch(outerList) == "$rows")
        #expect(offset == 0)
        guard case .foreach(let inner, let innerList, let innerBody, let innerOffset)? = outerBody.first, outerBody.count == 1 else {
            Issue.record("no inner loop: \(outerBody)")
            return
        }
        #expect(inner.name == "cell")
        #expect(sketch(innerList) == "$row.cells")
        #expect(innerOffset == 23)
        #expect(reference(innerBody.first)?.name == "cell")
    }

    @Test func foreachWithoutAWordForInNeverRuns() throws {
        // Velocity 1.7: `#foreach($a [1,2])x#end.` prints `.`.
        guard case .foreach(_, let iterable, _, _)? = try parse("#foreach($a [1, 2])x#end").first else {
            Issue.record("not a loop")
            return
        }
        #expect(sketch(iterable) == "[]")
    }

    @Test func foreachAcceptsAnyWordForIn() throws {
        // Velocity 1.7: `#foreach($a foo [1,2])$a#end` prints `12`.
        guard case .foreach(_, let iterable, _, _)? = try parse("#foreach($a foo [1, 2])$a#end").first else {
            Issue.record("not a loop")
            return
        }
        #expect(sketch(iterable) == "[1, 2]")
    }

    // MARK: #set

    @Test func setTargetWithPropertyAndIndexSteps() throws {
        // Velocity 1.7: `#set($m = {"b": [{}]})#set($m.b[0].c = 1)$m` prints `{b=[{c=1}]}`.
        guard case .set(let target, let value, _)? = try parse("#set($m.b[0].c = 1)").first else {
            Issue.record("not a #set")
            return
        }
        #expect(target.name == "m")
        #expect(target.steps.map(sketch) == [".b", "[0]", ".c"])
        #expect(sketch(value) == "1")
    }

    @Test func setTargetWithAStringIndex() throws {
        guard case .set(let target, let value, _)? = try parse("#set($m['k'] = $v)").first else {
            Issue.record("not a #set")
            return
        }
        #expect(target.steps.map(sketch) == ["['k']"])
        #expect(sketch(value) == "$v")
    }

    @Test func setWithABracedTargetIsDropped() throws {
        // Velocity 1.7: `#set(${a} = 1)[$a]` prints `[$a]`.
        #expect(try parse("#set(${a} = 1)").isEmpty)
        #expect(try parse("#set($!{a} = 1)").isEmpty)
    }

    // MARK: Expressions

    @Test(arguments: [
        ("1 + 2 * 3", "(add 1 (multiply 2 3))"),
        ("(1 + 2) * 3", "(multiply (add 1 2) 3)"),
        ("1 - 2 - 3", "(subtract (subtract 1 2) 3)"),
        ("8 / 4 % 3", "(remainder (divide 8 4) 3)"),
        ("$a || $b && $c", "(or $a (and $b $c))"),
        ("$a && $b || $c", "(or (and $a $b) $c)"),
        ("!$a && $b", "(and (not $a) $b)"),
        ("!($a && $b)", "(not (and $a $b))"),
        ("!!$a", "(not (not $a))"),
        ("$a == 1 || $b < 2", "(or (equal $a 1) (less $b 2))"),
        ("1 + 2 == 3", "(equal (add 1 2) 3)"),
        ("$a < $b == true", "(equal (less $a $b) true)"),
        ("$a eq 1 and not $b", "(and (equal $a 1) (not $b))"),
        ("$a ne 1 or $b gt 2", "(or (notEqual $a 1) (greater $b 2))"),
        ("$a lt 1 && $b le 2 && $c ge 3", "(and (and (less $a 1) (lessOrEqual $b 2)) (greaterOrEqual $c 3))"),
        ("$a != $b", "(notEqual $a $b)"),
        ("$a >= -1", "(greaterOrEqual $a -1)"),
    ])
    func precedence(expression: String, expected: String) throws {
        #expect(try sketch(condition(expression)) == expected)
    }

    @Test(arguments: [
        ("1", "1"),
        ("-12", "-12"),
        ("1.5e3", "1500.0d"),
        ("99999999999999999999", "99999999999999999999n"),
        ("true", "true"),
        ("false", "false"),
        ("'x'", "'x'"),
        (#""plain""#, "'plain'"),
        ("'$a'", "'$a'"),
    ])
    func constants(literal: String, expected: String) throws {
        #expect(try sketch(condition(literal)) == expected)
    }

    @Test func doubleQuotedStringWithAReferenceIsInterpolated() throws {
        guard case .interpolatedString(let nodes) = try condition(#""a$b.c!""#) else {
            Issue.record("not interpolated")
            return
        }
        #expect(nodes.count == 3)
        #expect(text(nodes.first) == "a")
        #expect(reference(nodes.dropFirst().first)?.sourceText == "$b.c")
        #expect(text(nodes.last) == "!")
    }

    @Test func referenceInsideAStringPointsIntoTheTemplate() throws {
        guard case .set(_, .interpolatedString(let nodes), _)? = try parse(#"#set($s = "ab$c")"#).first else {
            Issue.record("not an interpolated #set")
            return
        }
        #expect(reference(nodes.last)?.offset == 13)
    }

    @Test func doubleQuotedStringWithADirectiveIsInterpolated() throws {
        guard case .interpolatedString(let nodes) = try condition(##""#if($a)y#end""##) else {
            Issue.record("not interpolated")
            return
        }
        guard case .conditional? = nodes.first else {
            Issue.record("no #if inside: \(nodes)")
            return
        }
    }

    @Test func listLiteral() throws {
        #expect(try sketch(condition("[1, 'a', $b, [2], {}]")) == "[1, 'a', $b, [2], {}]")
        #expect(try sketch(condition("[]")) == "[]")
    }

    @Test func mapLiteralKeepsEntryOrder() throws {
        #expect(try sketch(condition("{'z': 1, $k: [$v], 'a': {'n': true}}")) == "{'z': 1, $k: [$v], 'a': {'n': true}}")
    }

    @Test(arguments: [
        ("[1..3]", "[1..3]"),
        ("[3..-1]", "[3..-1]"),
        ("[$a..$b.size()]", "[$a..$b.size()]"),
    ])
    func rangeLiterals(literal: String, expected: String) throws {
        #expect(try sketch(condition(literal)) == expected)
    }

    @Test func methodArgumentsMayBeReferencesAndLiterals() throws {
        let reference = try #require(reference(try parse("$a.m($b.c, 'x', 2, 1.5, true, [1], {'k': 1}, [1..2])").first))
        #expect(reference.steps.map(sketch) == [".m($b.c, 'x', 2, 1.5d, true, [1], {'k': 1}, [1..2])"])
    }

    @Test(arguments: [
        // Velocity 1.7: "Lexical error, Encountered: "+" (43)" at line 1, column 8.
        ("$a.m(1 + 2)", "expected ',' or ')' in the argument list, found '+'"),
        // Velocity 1.7: "Lexical error, Encountered: "!" (33)" at line 1, column 6.
        ("$a.m(!true)", "expected a value, found '!'"),
        ("$a.m(($b))", "expected a value, found '('"),
    ])
    func anExpressionAsAMethodArgumentIsASyntaxError(source: String, message: String) {
        do {
            _ = try Template(source: source)
            Issue.record("\(source) parsed")
        } catch {
            #expect(error.kind == .syntax)
            #expect(error.message == message)
        }
    }

    // MARK: Macros and other directives

    @Test func macroDefinitionIsCollectedAndLeavesNoNode() throws {
        let template = try Template(source: "a#macro(greet $name $greeting)Hi $name#end b")
        #expect(template.nodes.count == 1)
        #expect(text(template.nodes.first) == "a b")
        let macro = try #require(template.macros["greet"])
        #expect(macro.parameters.map(\.name) == ["name", "greeting"])
        #expect(macro.body.count == 2)
    }

    @Test func macroParametersMayBeSeparatedByCommas() throws {
        // Velocity 1.7: `#macro(m, $a, $b)[$a$b]#end#m(1, 2)#m(3 4)` prints `[12][34]`.
        let template = try Template(source: "#macro(m, $a, $b)[$a$b]#end#m(1, 2)#m(3 4)")
        #expect(template.macros["m"]?.parameters.map(\.name) == ["a", "b"])
        let calls = template.nodes.compactMap { node -> [String]? in
            guard case .macroCall("m", let arguments, _, _, _) = node else { return nil }
            return arguments.map(sketch)
        }
        #expect(calls == [["1", "2"], ["3", "4"]])
    }

    @Test func macroDefinedInsideAStringIsCollectedToo() throws {
        let template = try Template(source: ##"#set($s = "#macro(inner)i#end")"##)
        #expect(template.macros["inner"] != nil)
    }

    @Test func bareNameIsACallOnlyWhenTheMacroIsAlreadyDefined() throws {
        // Velocity 1.7: `#macro(m)x#end#m|#n` prints `x|#n`.
        let nodes = try Template(source: "#macro(m)x#end#m|#n").nodes
        guard case .macroCall("m", let arguments, nil, let sourceText, let offset)? = nodes.first else {
            Issue.record("not a call: \(nodes)")
            return
        }
        #expect(arguments.isEmpty)
        #expect(sourceText == "#m")
        #expect(offset == 14)
        #expect(text(nodes.last) == "|#n")
    }

    @Test func callOfAnUnknownMacroWithParenthesesIsStillACall() throws {
        guard case .macroCall("later", let arguments, nil, let sourceText, _)? = try parse("#later($a 'b')").first else {
            Issue.record("not a call")
            return
        }
        #expect(arguments.map(sketch) == ["$a", "'b'"])
        #expect(sourceText == "#later($a 'b')")
    }

    @Test func defineBreakStopAndEvaluate() throws {
        let nodes = try parse("#define($d)x#end#foreach($i in $l)#break#end#break($foreach)#evaluate($code)#stop")
        guard case .define(let defined, let body)? = nodes.first, defined.name == "d" else {
            Issue.record("no #define")
            return
        }
        #expect(text(body.first) == "x")
        guard case .foreach(_, _, let loopBody, _) = nodes[1], case .breakLoop(nil, _)? = loopBody.first else {
            Issue.record("no #break inside the loop")
            return
        }
        guard case .breakLoop(let scope?, _) = nodes[2] else {
            Issue.record("no scoped #break")
            return
        }
        #expect(sketch(scope) == "$foreach")
        guard case .evaluate(let code, _) = nodes[3], case .stop = nodes[4] else {
            Issue.record("no #evaluate and #stop")
            return
        }
        #expect(sketch(code) == "$code")
    }
}

// MARK: Helpers

private func parse(_ source: String) throws -> [Node] {
    try Template(source: source).nodes
}

/// The condition of `#if(expression)`.
private func condition(_ expression: String) throws -> Expression {
    let nodes = try parse("#if(\(expression))#end")
    guard case .conditional(let branches, _)? = nodes.first, let branch = branches.first else {
        throw SketchError.notAConditional
    }
    return branch.condition
}

private enum SketchError: Error { case notAConditional }

private func text(_ node: Node?) -> String? {
    guard case .text(let text, _)? = node else { return nil }
    return text
}

private func reference(_ node: Node?) -> Reference? {
    guard case .reference(let reference)? = node else { return nil }
    return reference
}

/// Prefix notation for an expression: operators as `(name left right)`, literals as written
/// (doubles end in `d`, big integers in `n`, every string in single quotes).
private func sketch(_ expression: Expression) -> String {
    switch expression {
    case .constant(.bool(let bool)): "\(bool)"
    case .constant(.integer(let int)): "\(int)"
    case .constant(.bigInteger(let big)): "\(big)n"
    case .constant(.double(let double)): "\(double)d"
    case .constant(.string(let string)): "'\(string)'"
    case .interpolatedString(let nodes): "\"\(nodes.count) nodes\""
    case .reference(let reference): sketch(reference)
    case .list(let elements): "[" + elements.map(sketch).joined(separator: ", ") + "]"
    case .map(let entries): "{" + entries.map { "\(sketch($0.key)): \(sketch($0.value))" }.joined(separator: ", ") + "}"
    case .range(let from, let to, _): "[\(sketch(from))..\(sketch(to))]"
    case .not(let inner): "(not \(sketch(inner)))"
    case .binary(let op, let left, let right, _): "(\(op) \(sketch(left)) \(sketch(right)))"
    }
}

private func sketch(_ reference: Reference) -> String {
    "$" + reference.name + reference.steps.map(sketch).joined()
}

private func sketch(_ step: ReferenceStep) -> String {
    switch step {
    case .property(let name, _): ".\(name)"
    case .method(let name, let arguments, _): ".\(name)(" + arguments.map(sketch).joined(separator: ", ") + ")"
    case .index(let index, _): "[\(sketch(index))]"
    }
}
