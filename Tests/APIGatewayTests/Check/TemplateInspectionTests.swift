// Expected values: read off the template text by hand (columns count Unicode scalars, 1-based).
import Testing
import VTL

@Suite("Template inspection")
struct TemplateInspectionTests {
    @Test("an insertion knows its reference, place and surrounding text")
    func insertion() throws {
        let inspection = try Template(source: "Action=SendMessage&MessageBody=$util.urlEncode($input.body)\n").inspect()
        let insertion = try #require(inspection.insertions.first)
        #expect(insertion.reference.root == "util")
        #expect(insertion.reference.memberNames == ["urlEncode"])
        #expect(insertion.reference.location == TemplateLocation(line: 1, column: 32))
        #expect(insertion.textBefore == "Action=SendMessage&MessageBody=")
        #expect(insertion.textAfter == "")
        #expect(!insertion.inStringLiteral)
        guard case .reference(let inner)? = insertion.reference.firstArguments.first else {
            Issue.record("urlEncode's argument should be a reference")
            return
        }
        #expect(inner.sourceText == "$input.body")
        #expect(inspection.references.map(\.sourceText) == ["$util.urlEncode($input.body)", "$input.body"])
    }

    @Test("string arguments, loops, assignments and string literals")
    func structure() throws {
        let source = """
            #set($name = "x$input.params('n')")
            #foreach($item in $input.path('$.items'))#if($foreach.count > 9)#break#end"$item",#end
            {"a": "$input.json('$.a')"}
            """
        let inspection = try Template(source: source).inspect()
        #expect(inspection.assignments.count == 1)
        #expect(inspection.assignments.first?.target.root == "name")
        let loop = try #require(inspection.loops.first)
        #expect(loop.variable == "item")
        #expect(loop.hasBreak)
        #expect(loop.location == TemplateLocation(line: 2, column: 1))
        guard case .reference(let iterable) = loop.iterable, case .method("path", let arguments)? = iterable.steps.first else {
            Issue.record("the loop should iterate over $input.path(...)")
            return
        }
        #expect(arguments == [.string("$.items")])
        let quoted = inspection.insertions.filter(\.inStringLiteral)
        #expect(quoted.map(\.reference.sourceText) == ["$input.params('n')"])
        let json = try #require(inspection.insertions.last)
        #expect(json.textBefore == "{\"a\": \"")
        #expect(json.textAfter == "\"}")
        #expect(json.reference.location == TemplateLocation(line: 3, column: 8))
    }

    @Test("an assignment knows the #if branches around it and whether it may repeat")
    func assignmentScope() throws {
        let source = """
            #set($a = 1)
            #if($x)#set($b = 1)#if($y)#set($c = 1)#end#elseif($z)#set($d = 1)#else#set($e = 1)#end
            #foreach($i in [1])#set($f = 1)#end
            #macro(m)#set($g = 1)#end
            """
        let assignments = try Template(source: source).inspect().assignments
        let byName = Dictionary(uniqueKeysWithValues: assignments.map { ($0.target.root, $0) })
        let a = try #require(byName["a"]), b = try #require(byName["b"]), c = try #require(byName["c"])
        let d = try #require(byName["d"]), e = try #require(byName["e"])
        #expect(a.branches.isEmpty && !a.repeats)
        #expect(c.branches == [TemplateInspection.BranchChoice(conditional: 0, branch: 0), TemplateInspection.BranchChoice(conditional: 1, branch: 0)])
        #expect(e.branches == [TemplateInspection.BranchChoice(conditional: 0, branch: 2)])
        #expect(!a.excludes(b) && !b.excludes(c) && !c.excludes(b))
        #expect(b.excludes(d) && c.excludes(d) && d.excludes(e) && e.excludes(c))
        #expect(byName["f"]?.repeats == true)
        #expect(byName["g"]?.repeats == true)
    }
}
