// Expected values: Velocity 1.7 oracle (json-smart 2.2, Jayway 2.0.0), shared/oracle/render --aws,
// and Jayway 2.0.0 called directly (JsonPath.compile(p).read(doc, json-smart configuration),
// results written with LT_COMPRESS). `""` below stands for PathNotFoundException, which
// `$input.json` prints as nothing; `!` prefixes another exception, which fails the render.
import JSON
import Testing

@Suite("JSONPath as Jayway JsonPath 2.0.0 evaluates it")
struct JSONPathTests {
    static let store = #"""
    {"store":{"book":[{"category":"reference","author":"Nigel Rees","title":"Sayings","price":8.95},
    {"category":"fiction","author":"Evelyn Waugh","title":"Sword","price":12.99,"isbn":"0-553"},
    {"category":"fiction","author":"Herman","title":"Moby","isbn":"0-395","price":8.99},
    {"category":"fiction","author":"Tolkien","title":"LOTR","isbn":"0-395-19395-8","price":22.99}],
    "bicycle":{"color":"red","price":19.95}},"expensive":10,"a b":1,"arr":[1,2,3,4,5],"n":null,"t":true,
    "s":"str","o":{"k":[1,{"n":null}]},"e":[],"eo":{}}
    """#

    static let mixed = #"""
    {"book":[{"t":"A","isbn":"1","p":5,"tags":["x","y"]},{"t":"B","p":15},{"t":"C","isbn":null,"p":"20"},7,"s",null,[1,2]],
    "arr":[1,2,3,4,5],"o":{"a":{"x":1},"b":{"x":2},"c":3},"s":"str","n":null,"num":10}
    """#

    /// What `$input.json(path)` prints, or `!` and the message when the render would fail.
    static func render(_ path: String, on body: String) throws -> String {
        let result = try JSONPath(path).evaluate(JSONValue.parse(body))
        switch result {
        case .value(let value): return value.jsonText
        case .list(let values): return JSONValue.array(values).jsonText
        case .notFound: return ""
        case .failure(let message), .limitExceeded(let message): return "!" + message
        }
    }

    @Test("paths on the bookstore", arguments: [
        ("$.store.book[0].author", #""Nigel Rees""#),
        ("$.store.book[*].author", #"["Nigel Rees","Evelyn Waugh","Herman","Tolkien"]"#),
        ("$..author", #"["Nigel Rees","Evelyn Waugh","Herman","Tolkien"]"#),
        ("$.store..price", "[8.95,12.99,8.99,22.99,19.95]"),
        ("$..book[2].title", #"["Moby"]"#),
        ("$..book[-1]", ""),
        ("$..book[-1:].title", #"["LOTR"]"#),
        ("$..book[0,1].title", #"["Sayings","Sword"]"#),
        ("$..book[:2].title", #"["Sayings","Sword"]"#),
        ("$..book[1:3].title", #"["Sword","Moby"]"#),
        ("$..book[-2:].title", #"["Moby","LOTR"]"#),
        ("$..book[?(@.isbn)].title", #"["Sword","Moby","LOTR"]"#),
        ("$..book[?(@.price < 10)].title", #"["Sayings","Moby"]"#),
        ("$..book[?(@.price > $.expensive)].title", #"["Sword","LOTR"]"#),
        ("$.store.book[?(@.category == 'fiction' && @.price > 10)].title", #"["Sword","LOTR"]"#),
        ("$.store.book[?(@.category == 'reference' || @.price > 20)].title", #"["Sayings","LOTR"]"#),
        ("$.store.book[?(@.author =~ /.*rees/i)].title", #"["Sayings"]"#),
        ("$.store.book[?(@.price != 8.95)].price", "[12.99,8.99,22.99]"),
        ("$.store.book[?(@.price >= 8.99)].price", "[12.99,8.99,22.99]"),
        ("$.store.book[?(@.price <= 8.99)].price", "[8.95,8.99]"),
        ("$.store.book[?(@.title == \"LOTR\")].price", "[]"),
        ("$.store.book[?(@.price > '10')].title", #"["Sword","LOTR"]"#),
        ("$.store.book[?(!@.isbn)].title", #"["Sayings"]"#),
        ("$.store.book[0]['author','title']", #"{"author":"Nigel Rees","title":"Sayings"}"#),
        ("$.store.book[*]['author','title']", #"[{"author":"Nigel Rees","title":"Sayings"},{"author":"Evelyn Waugh","title":"Sword"},{"author":"Herman","title":"Moby"},{"author":"Tolkien","title":"LOTR"}]"#),
        ("$..[?(@.color)]", #"[{"color":"red","price":19.95}]"#),
        ("$.store.bicycle.*", #"["red",19.95]"#),
        ("$..book..title", #"["Sayings","Sword","Moby","LOTR"]"#),
        ("$..[0]", ""),
        ("$.arr[0]", "1"), ("$.arr[-1]", ""), ("$.arr[9]", ""), ("$.arr[1:3]", "[2,3]"), ("$.arr[3:1]", "[]"),
        ("$.arr[:-2]", "[1,2,3]"), ("$.arr[2:]", "[3,4,5]"), ("$.arr[0,2]", "[1,3]"), ("$.arr[0,9]", ""),
        ("$.arr[*]", "[1,2,3,4,5]"), ("$.arr[0:5:2]", "[1,2,3,4,5]"), ("$.arr[?(@ > 2)]", "[3,4,5]"), ("$.arr[?(@ == 2)]", "[2]"),
        ("$.arr[ 0 ]", "1"), ("$.arr.length()", ""),
        ("$['a b']", "1"), ("$['s','t']", #"{"s":"str","t":true}"#), ("$['s','nope']", #"{"s":"str"}"#),
        ("$.nope", ""), ("$.nope.x", ""), ("$.n", "null"), ("$.n.x", ""), ("$.s.x", ""), ("$.o.k[1].n", "null"),
        ("$.e", "[]"), ("$.eo", "{}"), ("$.e[0]", ""), ("$.e[*]", "[]"), ("$.eo.*", "[]"), ("$..nope", "[]"),
        ("s", #""str""#), ("@.s", #""str""#),
        ("$.s[0]", "!Filter: [0] can only be applied to arrays. Current context is: str"),
        ("$.t[?(@ == true)]", "!Filter: [?] can not be applied to primitives. Current context is: true"),
    ])
    func bookstore(path: String, expected: String) throws {
        #expect(try Self.render(path, on: Self.store) == expected)
    }

    @Test("Jayway 2.0.0's forgiving and unforgiving steps", arguments: [
        ("$.book[*].isbn", #"["1",null]"#),                 // [*] forgives members without the key
        ("$.book[*].isbn.x", "[]"),
        ("$.book[*].tags[0]", #"["x"]"#),
        ("$.book[0:2].nope", ""),                            // a slice does not forgive
        ("$.o.*.x", ""),                                     // nor does .* on an object
        ("$.o[*].x", ""),
        ("$.arr[-2:4]", ""),                                 // [from:to] does not count from the end
        ("$.arr[-9:]", "[1,2,3,4,5]"), ("$.arr[:9]", "[1,2,3,4,5]"),
        ("$.n[0]", ""), ("$.n[*]", "[]"), ("$.s[*]", "[]"),
        ("$.book[?(@.p > 10)].t", #"["B","C"]"#),          // "20" > 10 as a number
        ("$.book[?(@.p == '20')].t", #"["C"]"#), ("$.book[?(@.p == 20)].t", #"["C"]"#),
        ("$.book[?(@.isbn == null)].t", #"["C"]"#),        // null matches null, a missing key does not
        ("$.book[?(@.isbn)].t", #"["A"]"#),                // existence means present and not null
        ("$.arr[?(@ > 1 && (@ < 3 || @ == 5))]", "[2,5]"),
        ("$.arr[?(@ == 1.0)]", "[1]"),
        ("$.book[?(@.tags[0] == 'x')].t", #"["A"]"#),
        ("$.book[?(@['t'] == 'A')].t", #"["A"]"#),
        ("$..[1]", #"[{"t":"B","p":15},"y",2,2]"#),
        ("$.book[?(@ == 7)]", "[7]"),
        ("$.book[?(@ == 's')]", "!Character s is neither a decimal digit number, decimal point, nor \"e\" notation exponential mark."),
        ("$.o['a','b'].x", "!Multi properties can only be used as path leafs: $['o']['a', 'b']"),
        ("$.book[*][0]", "!Filter: [0] can only be applied to arrays. Current context is: {t=A, isbn=1, p=5, tags=[\"x\",\"y\"]}"),
    ])
    func quirks(path: String, expected: String) throws {
        #expect(try Self.render(path, on: Self.mixed) == expected)
    }

    @Test("more filters and scans", arguments: [
        (#"{"a":[{"x":1},{"x":2}]}"#, "$..[0].x", "[1,2]"),    // a scan applies what follows [0] to every element
        (#"{"a":[{"x":1},{"x":2}]}"#, "$..[?(@.x > 1)].x", "[2]"),
        (#"{"a":[{"b":"x"},{"b":true}]}"#, "$.a[?(@.b == true)]", #"[{"b":true}]"#),
        (#"{"a":[{"b":"x"},{"b":true}]}"#, "$.a[?(@.b != true)]", #"[{"b":"x"}]"#),
        (#"{"a":[{"b":"1.0"},{"b":1}]}"#, "$.a[?(@.b == 1)]", #"[{"b":1}]"#),
        (#"{"b":[{"t":"Herman"},{"t":"B"}]}"#, "$.b[?(@.t =~ /er/)].t", "[]"),     // =~ matches the whole string
        (#"{"b":[{"t":"Herman"},{"t":"B"}]}"#, "$.b[?(@.t =~ /her.*/i)].t", #"["Herman"]"#),
        (#"{"b":[{"t":"Herman\n"},{"t":"Herman"}]}"#, "$.b[?(@.t =~ /Herman/)]", #"[{"t":"Herman"}]"#),  // up to the very end
        (#"{"limit":2,"a":[{"x":1},{"x":2},{"x":3}]}"#, "$.a[?(@.x == $.limit)]", #"[{"x":2}]"#),
        (#"{"b":[{"t":"Herman"},{"t":"B"}]}"#, "$.b[?(@.t > 'B')].t", #"["Herman"]"#),
        (#"{"b":[{"t":"A"},{"t":"B"}]}"#, "$.b[?(@.missing != 'x')].t", "[]"),     // a missing operand is never compared
        (#"{"o":{"a":{"x":1}}}"#, "$.o.a[?(@.x == 1)]", #"[{"x":1}]"#),           // a filter on an object tests the object
        (#""str""#, "$", #""str""#), (#""str""#, "$.a", ""), (#""str""#, "$..a", "[]"),
        ("a=b", "$", #""a=b""#), ("[1,2]", "$[0]", "1"),
        (#"[{"a":1},{"b":2},{"a":3}]"#, "$[*].a", "[1,3]"),
        ("null", "$", "!root can not be null"),
    ])
    func documents(body: String, path: String, expected: String) throws {
        #expect(try Self.render(path, on: body) == expected)
    }

    @Test("definite and indefinite paths")
    func definiteness() throws {
        #expect(try JSONPath("$.a.b[0]['c']").isDefinite)
        #expect(try JSONPath("$['a','b']").isDefinite)
        for path in ["$..a", "$.a[*]", "$.a.*", "$.a[0,1]", "$.a[1:]", "$.a[?(@.b)]"] {
            #expect(try !JSONPath(path).isDefinite, "\(path)")
        }
        #expect(try JSONPath("$.x").evaluate(["x": nil]) == .value(.null))
        #expect(try JSONPath("$.y").evaluate(["x": nil]) == .notFound("No results for path: $['y']"))
        #expect(try JSONPath("$..y").evaluate(["x": nil]) == .list([]))
        #expect(try JSONPath("$..x").evaluate(["x": nil]).matchedValue == [nil])
    }

    @Test("a miss names the path walked so far, as Jayway spells it")
    func missMessagesSpellThePath() throws {
        let document: JSONValue = ["a": [["b": 1]], "k": ["b": [:]]]
        #expect(try JSONPath("$.a[1].b").evaluate(document) == .notFound("Index out of bounds when evaluating path $['a'][1]"))
        #expect(try JSONPath("$.k.x.c").evaluate(document) == .notFound("Missing property in path $['k']['x']"))
        #expect(try JSONPath("$.k.b.c").evaluate(document) == .notFound("No results for path: $['k']['b']['c']"))
        #expect(try JSONPath("$.a[0].b.c").evaluate(document) == .notFound("Property ['c'] not found in path $['a'][0]['b']"))
    }

    @Test("paths Jayway 2.0.0 refuses to compile", arguments: [
        (#"$["a b"]"#, 2), ("$..", 4), ("$.arr[]", 6), ("$.arr[a]", 6), ("$.arr[0", 6), ("$['s'", 6), ("$.", 3), ("$.a[::2]", 4),
    ])
    func invalidPaths(path: String, column: Int) {
        #expect {
            try JSONPath(path)
        } throws: { error in
            (error as? JSONPathError)?.column == column
        }
    }
}
