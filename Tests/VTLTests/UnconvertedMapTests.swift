import JSON
import Testing
import VTL

/// Maps made from JSON objects or host values convert their values only when a template writes
/// to them or reads a list or map out of them; none of that may show in what a template sees.
@Suite("Maps converted on demand")
struct UnconvertedMapTests {
    private let records: Value = .json([
        ["name": "a", "tags": ["x"], "n": 1],
        ["name": "b", "tags": [], "n": 2.5],
    ])

    private func render(_ source: String, _ variables: [String: Value]) throws -> String {
        try Template(source: source).render(Context(variables))
    }

    @Test func scalarsReadBeforeAndAfterAContainerAgree() throws {
        let output = try render("#foreach($r in $rs)$r.name $r.n $r.tags $r.name;#end", ["rs": records])
        // JSON arrays print as json-smart's JSONArray does.
        #expect(output == "a 1 [\"x\"] a;b 2.5 [] b;")
    }

    @Test func aNestedListReadTwiceIsTheSameList() throws {
        let output = try render("#foreach($r in $rs)#set($t = $r.tags)#set($v = $t.add('y'))$r.tags;#end", ["rs": records])
        #expect(output == "[\"x\",\"y\"];[\"y\"];")
    }

    @Test func writesThroughAnAliasAreSeenByEveryAlias() throws {
        let output = try render(
            "#set($a = $rs[0])#set($b = $a)#set($v = $b.put('name', 'z'))$a.name $rs[0].name#set($v = $a.remove('n')) $b",
            ["rs": records])
        #expect(output == "z z {name=z, tags=[\"x\"]}")
    }

    @Test func hostMapsReadLikeTheValuesTheyWereGiven() throws {
        let context: Value = ["stage": "dev", "identity": ["sourceIp": "1.2.3.4", "user": .null], "n": 3]
        let output = try render(
            "$ctx.stage $ctx.identity.sourceIp $ctx.n $ctx.keySet() $ctx.values() $ctx.containsKey('identity')",
            ["ctx": context])
        #expect(output == "dev 1.2.3.4 3 [stage, identity, n] [dev, {sourceIp=1.2.3.4, user=null}, 3] true")
    }

    @Test func aHostMapTakesWritesAfterScalarReads() throws {
        let output = try render("$ctx.a#set($ctx.b = 'B')#set($v = $ctx.put('a', 'A'))$ctx.a$ctx.b $ctx", ["ctx": ["a": "x"]])
        #expect(output == "xAB {a=A, b=B}")
    }

    /// A nested map read before its parent is converted is made once: a write through one read
    /// shows through the next, and through the parent once a write converts it.
    @Test(arguments: ["", "#set($_ = $ctx.put('n', 4))"])
    func aNestedMapReadBeforeConversionKeepsOneIdentity(parentWrite: String) throws {
        let context: Value = ["identity": ["user": "u"], "n": 3]
        let output = try render(
            "#set($i = $ctx.identity)#set($_ = $i.put('user', 'v'))\(parentWrite)$ctx.identity.user $ctx.identity $ctx.n",
            ["ctx": context])
        #expect(output == "v {user=v} \(parentWrite.isEmpty ? 3 : 4)")
    }

    @Test func aNestedJSONListReadBeforeConversionKeepsOneIdentity() throws {
        let output = try render(
            "#set($t = $rs[0].tags)#set($_ = $t.add('y'))#set($_ = $rs[0].put('n', 0))#set($_ = $t.add('z'))$rs[0]", ["rs": records])
        #expect(output == #"{name=a, tags=["x","y","z"], n=0}"#)
    }
}
