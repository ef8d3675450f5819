import Testing
import VTL

/// Behaviour of the public API that the fixture folders do not isolate. Expected outputs come
/// from the Velocity 1.7 oracle (`render --aws` for `.apiGateway`, plain `render` for
/// `.velocity`) unless a comment says they were recorded on API Gateway.
@Suite("Rendering")
struct RenderTests {
    // MARK: Values in, text out

    @Test func contextVariablesAreInserted() throws {
        let template = try Template(source: "Hello, $name! You have $count messages.")
        #expect(try template.render(Context(["name": "Ada", "count": 3])) == "Hello, Ada! You have 3 messages.")
    }

    @Test func integersPrintInDecimalAtEveryMagnitude() throws {
        let context = Context(["values": .list([0, 7, -7, 1_000_000, .integer(Int.max), .integer(Int.min)], style: .java)])
        let output = try Template(source: "#foreach($n in $values)$n;#end").render(context)
        #expect(output == "0;7;-7;1000000;9223372036854775807;-9223372036854775808;")
    }

    /// Whole doubles below 10^7 are written digit by digit rather than through Double.toString:
    /// the spelling must stay Java's (OpenJDK 17, the oracle's runtime) on both sides of the edges.
    @Test func doublesPrintAsJavaDoesWholeOrNot() throws {
        let values: [Value] = [3.0, -250.0, 1.0, -1.0, 9_999_999.0, 10_000_000.0, -0.0, 0.0, 1.5, 0.5, 123_456.0, -9_999_999.0]
        let output = try Template(source: "#foreach($d in $values)$d;#end").render(Context(["values": .list(values, style: .java)]))
        #expect(output == "3.0;-250.0;1.0;-1.0;9999999.0;1.0E7;-0.0;0.0;1.5;0.5;123456.0;-9999999.0;")
    }

    @Test func valueLiteralsPrintAsJavaObjects() throws {
        let context = Context([
            "map": ["z": 1, "a": [true, nil, 2.5]],
            "large": 10_000_000.0,
            "json": .list([1, "x", ["k": nil]], style: .json),
        ])
        let output = try Template(source: "$map|$large|$json").render(context)
        #expect(output == #"{z=1, a=[true, null, 2.5]}|1.0E7|[1,"x",{"k":null}]"#)
    }

    @Test func contextSubscriptReadsAndWrites() throws {
        var context = Context()
        context["who"] = "world"
        #expect(context["who"] == "world")
        #expect(context["nobody"] == nil)
        #expect(try Template(source: "hi $who").render(context) == "hi world")
    }

    @Test func outputIsExactlyWhatTheTemplateProduces() throws {
        // No trimming: leading and trailing whitespace and line breaks stay.
        #expect(try Template(source: "\n  a  \n\n").render() == "\n  a  \n\n")
    }

    // MARK: Null handling

    @Test(arguments: [
        ("[$nope] [$!nope] [${nope}] [$nope.a.b] [$nope.m(1)]",
         "[] [] [] [] []", "[$nope] [] [${nope}] [$nope.a.b] [$nope.m(1)]"),
        ("[$isNull] [$!isNull]", "[] []", "[$isNull] []"),
        ("[$map.missing] [$map['missing']]", "[] []", "[$map.missing] [$map['missing']]"),
        (#"\$u \\$u \\\\$u"#, #"\$u \ \\"#, #"\$u \\$u \\\\$u"#),
        (#"\$map \\$map"#, #"$map \{}"#, #"$map \{}"#),
        (#"#set($x = "a" + $nope)$x"#, "a$nope", "a$nope"),
        ("#set($x = 1)#set($x = $nope)$x", "1", "1"),
    ])
    func undefinedReferences(source: String, apiGateway: String, velocity: String) throws {
        let template = try Template(source: source)
        let context = Context(["isNull": nil, "map": [:]])
        #expect(try template.render(context, options: .apiGateway) == apiGateway)
        #expect(try template.render(context, options: .velocity) == velocity)
    }

    /// An undefined reference inside a double-quoted literal prints as it reads once the literal's
    /// escapes are decoded (Velocity 1.7 prints exactly these), not as the template spells it.
    @Test(arguments: [
        (#"#set($a = "x""y $b.c and $b.c(""q"") #foo")$a"#, #"x"y $b.c and $b.c("q") #foo"#),
        (#"#set($a = "\u0041\u00e9 $b.c")$a"#, "Aé $b.c"),
        (#"#set($a = "x""y$b.c")$a"#, #"x"y$b.c"#),
    ])
    func undefinedReferenceAfterAnEscapeInAStringPrintsDecoded(source: String, velocity: String) throws {
        #expect(try Template(source: source).render(options: .velocity) == velocity)
    }

    @Test func oddRunOfBackslashesBeforeAnUndefinedReferenceHalvesInVelocityMode() throws {
        // Velocity 1.7 (stock): `\\\$u` → `\\$u` and `\\\\\$u` → `\\\$u`; --aws gives the same.
        let template = try Template(source: #"\\\$u \\\\\$u"#)
        #expect(try template.render(options: .apiGateway) == #"\\$u \\\$u"#)
        #expect(try template.render(options: .velocity) == #"\\$u \\\$u"#)
    }

    @Test func nullEqualsEmptyStringOnlyOnAPIGateway() throws {
        // Recorded on API Gateway: `#if($undefined != '')` is false there; stock Velocity says true.
        let template = try Template(source: "#if($nope == '')eq#{else}ne#end #if($nope == $alsoNope)eq#{else}ne#end")
        #expect(try template.render(options: .apiGateway) == "eq eq")
        #expect(try template.render(options: .velocity) == "ne eq")
    }

    @Test func defaultOptionsAreAPIGateway() throws {
        #expect(RenderOptions() == .apiGateway)
        #expect(RenderOptions.velocity.nullHandling == .velocity)
        #expect(try Template(source: "[$nope]").render() == "[]")
    }

    // MARK: Reference semantics

    @Test func mapInTwoVariablesIsOneMap() throws {
        let template = try Template(source: "#set($m = {})#set($alias = $m)#set($_ = $alias.put('k', 2))$m.k $m")
        #expect(try template.render() == "2 {k=2}")
    }

    @Test func listInAMapIsSharedWithItsVariable() throws {
        let template = try Template(source: "#set($l = [1])#set($m = {'l': $l})#set($_ = $l.add(2))$m")
        #expect(try template.render() == "{l=[1, 2]}")
    }

    @Test func contextValuesAreCopiedForEachRender() throws {
        let template = try Template(source: "#set($_ = $m.put('n', $m.size()))#set($_ = $l.add('x'))$m $l")
        let context = Context(["m": ["a": 1], "l": []])
        let first = try template.render(context)
        #expect(first == "{a=1, n=1} [x]")
        #expect(try template.render(context) == first)
        #expect(context["m"] == ["a": 1])
    }

    @Test func variablesSetInOneRenderAreGoneInTheNext() throws {
        let template = try Template(source: "[$!x]#set($x = 1)")
        #expect(try template.render() == "[]")
        #expect(try template.render() == "[]")
    }

    // MARK: Returning variables

    @Test func renderReturnsTheFinalValuesOfNamedVariables() throws {
        let template = try Template(source: "#set($out = {'n': 1.5, 'l': [1, 'a']})#set($_ = $in.put('added', true))done")
        let result = try template.render(Context(["in": ["k": "v"]]), returning: ["out", "in", "neverSet"])
        #expect(result.output == "done")
        #expect(result.variables == [
            "out": ["n": 1.5, "l": [1, "a"]],
            "in": ["k": "v", "added": true],
        ])
    }

    @Test func loopVariableIsNotReturnedAfterTheLoop() throws {
        let result = try Template(source: "#foreach($i in [1, 2])#set($last = $i)#end").render(Context(), returning: ["i", "last"])
        #expect(result.variables == ["last": 2])
    }

    // MARK: Limits

    @Test func foreachStopsSilentlyAfterTheIterationLimit() throws {
        var options = RenderOptions()
        options.limits.foreachIterations = 3
        let template = try Template(source: "#foreach($i in [1..10])$i#end done")
        #expect(try template.render(options: options) == "123 done")
    }

    @Test func defaultIterationLimitIsAPIGateways1000() throws {
        let template = try Template(source: "#foreach($i in [1..1500])#set($n = $i)#end$n")
        #expect(try template.render() == "1000")
    }

    @Test func iterationLimitAppliesToEachLoopSeparately() throws {
        var options = RenderOptions()
        options.limits.foreachIterations = 2
        let template = try Template(source: "#foreach($a in [1, 2, 3])#foreach($b in ['x', 'y', 'z'])$a$b #end#end")
        #expect(try template.render(options: options) == "1x 1y 2x 2y ")
    }

    // MARK: Concurrency

    @Test func oneTemplateRendersConcurrently() async throws {
        let template = try Template(source: """
            #macro(row $i)<$i:#foreach($j in [1..$i])$j#end>#end
            #set($m = {})#foreach($i in [1..20])#set($_ = $m.put("k$i", $i))#row($i)#end
            $m.size() $who
            """)
        let context = Context(["who": "task"])
        let expected = try template.render(context)
        let outputs = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<8 {
                group.addTask { try? template.render(context) }
            }
            var outputs: [String?] = []
            for await output in group { outputs.append(output) }
            return outputs
        }
        #expect(outputs.count == 8)
        #expect(outputs.allSatisfy { $0 == expected })
        #expect(expected.hasSuffix("20 task"))
    }

    // MARK: Host objects

    @Test func hostObjectPrintsItselfAndAnswersPropertiesAndMethods() throws {
        let template = try Template(source: "$o|$o.name|$o.twice(21)|$o.twice($o.twice(1))|#if($o)yes#end")
        #expect(try template.render(Context(["o": .object(Counter(name: "c1"))])) == "counter c1|c1|42|4|yes")
    }

    @Test func hostObjectMayBeIndexed() throws {
        let template = try Template(source: "$o['name'] $o[2]")
        #expect(try template.render(Context(["o": .object(Counter(name: "c1"))])) == "got name got 2")
    }

    @Test(arguments: [
        ("[$o.nope(1)]", "[]", "[$o.nope(1)]"),
        ("[$o.missing]", "[]", "[$o.missing]"),
        ("[$o.nothing()]", "[]", "[$o.nothing()]"),
    ])
    func unknownMembersOfAHostObjectRenderLikeUnknownMethods(source: String, apiGateway: String, velocity: String) throws {
        let template = try Template(source: source)
        let context = Context(["o": .object(Counter(name: "c1"))])
        #expect(try template.render(context, options: .apiGateway) == apiGateway)
        #expect(try template.render(context, options: .velocity) == velocity)
    }

    @Test func notFoundIsTheSameAsAnUnknownMethodOnAString() throws {
        let context = Context(["o": .object(Counter(name: "c1")), "s": "text"])
        let template = try Template(source: "[$o.nope()] [$s.nope()]")
        #expect(try template.render(context, options: .velocity) == "[$o.nope()] [$s.nope()]")
    }

    @Test func hostObjectErrorBecomesAnErrorAtTheCall() throws {
        let template = try Template(source: "line one\n  $o.fail('why')", name: "host.vm")
        let context = Context(["o": .object(Counter(name: "c1"))])
        #expect {
            try template.render(context)
        } throws: { error in
            guard let error = error as? VTLError else { return false }
            return error.kind == .evaluation && error.message == "failed: why" && error.templateName == "host.vm"
                && error.line == 2 && error.column == 6
        }
    }

    @Test func hostObjectErrorKeepsItsKind() throws {
        let template = try Template(source: "#set($x = $o.badInput)")
        #expect {
            try template.render(Context(["o": .object(Counter(name: "c1"))]))
        } throws: { error in
            guard let error = error as? VTLError else { return false }
            return error.kind == .input && error.message == "not a number" && error.line == 1 && error.column == 14
        }
    }

    @Test func hostObjectReceivesSnapshotsOfArguments() throws {
        let template = try Template(source: "#set($m = {'a': [1]})$o.echo($m)")
        #expect(try template.render(Context(["o": .object(Counter(name: "c1"))])) == "{a=[1]}")
    }

    @Test func setWithoutParenthesesIsText() throws {
        // Velocity 1.7: `#set $a = 1` is plain text: `#set $a = 1` (stock), `#set  = 1` (--aws),
        // indentation before it included; `$#set x` too.
        #expect(try Template(source: "#set $a = 1").render(options: .velocity) == "#set $a = 1")
        #expect(try Template(source: "x\n  #set $a = 1|").render(options: .velocity) == "x\n  #set $a = 1|")
        #expect(try Template(source: "#{set} $a|$#set x").render(options: .velocity) == "#{set} $a|$#set x")
        #expect(try Template(source: "#set $a = 1").render() == "#set  = 1")
    }
}

// MARK: Helpers

/// A host object such as API Gateway's `$util`: a property, methods, and failures.
private struct Counter: TemplateObject {
    var name: String

    var printed: String { "counter \(name)" }

    func property(_ property: String) throws(TemplateObjectError) -> Value? {
        switch property {
        case "name": return .string(name)
        case "badInput": throw TemplateObjectError("not a number", kind: .input)
        default: return nil
        }
    }

    func call(_ method: String, arguments: [Value]) throws(TemplateObjectError) -> MethodResult {
        switch (method, arguments.first) {
        case ("twice", .integer(let number)?): return .value(.integer(number * 2))
        case ("get", .string(let key)?): return .value(.string("got \(key)"))
        case ("get", .integer(let key)?): return .value(.string("got \(key)"))
        case ("echo", let value?): return .value(value)
        case ("nothing", nil): return .value(.null)
        case ("fail", .string(let reason)?): throw TemplateObjectError("failed: \(reason)")
        default: return .notFound
        }
    }
}
