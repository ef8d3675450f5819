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
}
