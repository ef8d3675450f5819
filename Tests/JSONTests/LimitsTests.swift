// Expected values: Velocity 1.7 oracle (json-smart 2.2, Jayway 2.0.0), shared/oracle/render --aws.
// The oracle's json-smart (Debian build) stops at nesting depth 400 with
// "Malicious payload, having non natural depths, parsing stoped on [ at position 400."
import Foundation
import JSON
import Testing

@Suite("Deep and large bodies")
struct LimitsTests {
    @Test("100,000 open brackets fail cleanly at json-smart's depth limit")
    func deepNesting() {
        let body = String(repeating: "[", count: 100_000)
        #expect(throws: JSONError(kind: .tooDeep, line: 1, column: 401,
                                  javaMessage: "Malicious payload, having non natural depths, parsing stoped on [ at position 400.")) {
            try JSONValue.parse(body)
        }
        let objects = String(repeating: "{\"a\":", count: 3000) + "1" + String(repeating: "}", count: 3000)
        #expect(throws: JSONError.self) { try JSONValue.parse(objects) }
    }

    @Test("400 levels are accepted and written back")
    func deepestAccepted() throws {
        let body = String(repeating: "[", count: 400) + String(repeating: "]", count: 400)
        #expect(try JSONValue.parse(body).jsonText == body)
    }

    @Test("a 10 MB body parses in linear time")
    func largeBody() throws {
        let element = #"{"id":12345,"name":"a moderately long string with \"escapes\" \u00e9","tags":["x","y"],"price":12.5},"#
        let body = "[" + String(repeating: element, count: 10_000_000 / element.utf8.count) + "1]"
        let start = Date()
        let value = try JSONValue.parse(body)
        let elapsed = Date().timeIntervalSince(start)
        guard case .array(let elements) = value else { Issue.record("not an array"); return }
        #expect(elements.count > 90_000)
        #expect(elapsed < 30, "parsing 10 MB took \(elapsed) s in a debug build")
    }

    /// A root operand is the same for every element a filter tests, so it is looked up and
    /// written as text once: comparing each of 20,000 strings with the whole document wrote
    /// 3.6 GB before (minutes), and a scan of the root per element was quadratic too.
    @Test("filters that compare every element with the root stay linear")
    func rootOperandsAreLookedUpOnce() throws {
        let strings = JSONValue.array((0..<20_000).map { .string("s\($0)") })
        let start = Date()
        #expect(try JSONPath("$[?(@ == $)]").evaluate(strings) == .list([]))
        let records = JSONValue.array((0..<3_000).map { ["x": .string("v\($0)")] })
        #expect(try JSONPath("$[?(@.x == $..*)]").evaluate(records) == .list([]))
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed < 20, "took \(elapsed) s in a debug build")

        let limited: JSONValue = ["limit": 2, "a": [["x": 1], ["x": 2], ["x": 3]]]
        #expect(try JSONPath("$.a[?(@.x < $.limit)].x").evaluate(limited) == .list([1]))
        // Looked up only when a filter runs, as in Jayway: an empty array never fails on it.
        #expect(try JSONPath("$.e[?(@ == $.missing.deeper)]").evaluate(["e": []]) == .list([]))
    }

    @Test("a filter's catastrophic =~ pattern runs out of time instead of backtracking for hours")
    func filterRegexHasATimeLimit() throws {
        let document: JSONValue = [.string(String(repeating: "a", count: 36) + "b")]
        let start = Date()
        var limits = JSONPathLimits()
        limits.regexTime = .milliseconds(100)
        let result = try JSONPath("$[?(@ =~ /(a|a)+$/)]").evaluate(document, limits: limits)
        #expect(result == .limitExceeded("the regular expressions of this path's filters ran longer than the limit of 0.1 seconds"))
        #expect(Date().timeIntervalSince(start) < 5)
        // A pattern compiled once serves every element; =~ matches the whole text, up to its very end.
        let lines = JSONValue.array((0..<2_000).map { .string("Herman\($0 % 2 == 0 ? "" : "\n")") })
        guard case .list(let matched) = try JSONPath("$[?(@ =~ /Herman/)]").evaluate(lines) else { Issue.record("no list"); return }
        #expect(matched.count == 1_000)
    }

    /// Scans inside scans visit a subtree per node; 300 levels of 1,000 numbers each (1.4 MB)
    /// made `$..*..*` return 45 million values in 2 GB.
    @Test("a path that would visit more values than the limit stops")
    func visitLimit() throws {
        var document: JSONValue = 0
        for _ in 0..<100 { document = .array([document] + (0..<100).map { .integer($0) }) }
        var limits = JSONPathLimits()
        limits.values = 100_000
        #expect(try JSONPath("$..*..*").evaluate(document, limits: limits)
            == .limitExceeded("the path visits more than 100000 values, the limit for one evaluation"))
        guard case .list(let all) = try JSONPath("$..*").evaluate(document, limits: limits) else { Issue.record("no list"); return }
        #expect(all.count == 10_100)
    }

    @Test("evaluations that share a budget stop together")
    func sharedBudget() throws {
        let document = JSONValue.array((0..<100).map { .integer($0) })
        let budget = JSONPathBudget(values: 1_000)
        let path = try JSONPath("$..*")
        var evaluations = 0
        while case .list = path.evaluate(document, budget: budget), evaluations < 100 { evaluations += 1 }
        #expect(evaluations > 1 && evaluations < 10)
        #expect(path.evaluate(document, budget: budget)
            == .limitExceeded("the JSONPath evaluations of this request visit more than 1000 values in all"))
        #expect(budget.remaining == 0)
    }
}
