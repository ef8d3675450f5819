import JSON
import Testing

@testable import VTL

/// A template that never writes to a list or map reads JSON where it was parsed; one that can
/// write copies each container it binds, so a write through one alias shows through all.
/// Neither choice may show in what a template prints.
@Suite("JSON read in place")
struct JSONInPlaceTests {
    private let records: Value = .json([
        ["name": "a", "tags": ["x"], "n": 1],
        ["name": "b", "tags": [], "n": 2.5],
    ])

    private func render(_ source: String) throws -> String {
        try Template(source: source).render(Context(["rs": records]))
    }

    @Test(arguments: [
        ("#set($a.b = 1)", true),
        ("#set($a[0] = 1)", true),
        ("#set($a = 1)$a.b $a[0] $a.get(0)", false),
        ("$a.put('k', 1)", true),
        ("#set($_ = $a.get(0).add(1))", true),
        ("#foreach($e in $a.entrySet())$e.setValue(1)#end", true),
        ("$a.size() $a.keySet() $a.contains(1) $a.subList(0, 1)", false),
        ("#if($a.remove(1))#end", true),
        ("$util.escapeJavaScript($a.clear())", true),
        ("#macro(m $x)#set($x.k = 1)#end", true),
        ("#macro(m $x)$x.k#end#m($a)", false),
        ("#evaluate('$a')", true),
        ("#define($d)$a.putAll($b)#end", true),
        ("#set($s = \"${a.set(0, 1)}\")", true),
    ])
    func writesAreFoundWhereverTheyAre(source: String, writes: Bool) throws {
        #expect(try Template(source: source).writesContainers == writes)
    }

    @Test func aReadOnlyLoopPrintsWhatACopyingOneDoes() throws {
        let body = "#foreach($r in $rs)$r.name $r.n $r.tags $r.tags.size() $r $foreach.hasNext;#end $rs[1].tags $rs.get(0).name $rs"
        let readOnly = try render(body)
        // Any write anywhere makes every binding a copy; this one changes nothing that prints.
        let copying = try render(body + "#set($unused = {})#set($_ = $unused.put('k', 1))")
        #expect(readOnly == copying)
        #expect(readOnly.hasPrefix(#"a 1 ["x"] 1 {name=a, tags=["x"], n=1} true;b 2.5 [] 0 {name=b, tags=[], n=2.5} false; []"#))
    }

    @Test func aWriteInsideALoopShowsThroughTheList() throws {
        #expect(try render("#foreach($r in $rs)#set($r.seen = $foreach.count)#end$rs[0].seen $rs[1].seen") == "1 2")
    }

    @Test func aWriteInsideAMacroShowsThroughTheList() throws {
        #expect(try render("#macro(mark $r)#set($_ = $r.put('seen', true))#end#foreach($r in $rs)#mark($r)#end$rs[1].seen") == "true")
    }

    @Test func aWriteInsideEvaluateShowsThroughTheList() throws {
        #expect(try render("#set($first = $rs[0])#evaluate('#set($first.name = \"z\")')$rs[0].name") == "z")
    }

    @Test func indexesReadJSONInPlace() throws {
        #expect(try render("$rs[-1].name $rs[0].tags[0] $rs[0]['name'] $rs[0]['missing'] $!rs['x']") == "b x a  ")
    }

    @Test(arguments: ["", "#set($m = {})#set($_ = $m.put('k', 1))"])
    func anIndexPastTheEndIsAnErrorAtTheIndex(write: String) throws {
        #expect {
            try render("#set($r = $rs)$r[2]" + write)
        } throws: { error in
            let error = error as? VTLError
            return error?.message == "index 2 is out of bounds for a list of 2 elements" && error?.line == 1 && error?.column == 17
        }
    }
}
