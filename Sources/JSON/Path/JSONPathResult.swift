/// What a JSONPath gives for a document, in the terms `$input.json` / `$input.path` need.
///
/// Facts from the Velocity 1.7 oracle (Jayway JsonPath 2.0.0, json-smart provider):
/// - a definite path that matches prints the value: `$input.json('$.s')` → `"str"`, a JSON
///   null → `null`;
/// - a definite path that matches nothing is `notFound`: `$input.json` prints `""` (empty),
///   `$input.path` gives null. So is an index out of range (`$.a[9]`), a negative index
///   (`$.a[-1]`: Jayway 2.0.0 has no negative indexes) and a property of a non-object
///   (`$.s.x`, `$.a` on a string body);
/// - an indefinite path always gives a list, `[]` when nothing matches (`$..nope`, `$.a[?(@ > 100)]`),
///   but it too can be `notFound` when a step that does not forgive misses
///   (`$..book[-1]`, `$.o.*.x` where one member is not an object);
/// - `failure` is any other Jayway exception, which makes the oracle's render fail:
///   an index on a non-array (`$.s[0]`, `$[0]` on an object), a filter on a primitive,
///   a number compared with a non-numeric string (`[?(@ == 's')]` meeting a number), and a
///   document that is JSON `null` ("root can not be null").
public enum JSONPathResult: Sendable, Hashable {
    /// A definite path matched this value.
    case value(JSONValue)
    /// An indefinite path's matches, in document order (possibly none).
    case list([JSONValue])
    /// Jayway's `PathNotFoundException`, with its message.
    case notFound(String)
    /// Another Jayway exception (`InvalidPathException`, `NumberFormatException`, ...), with its message.
    case failure(String)
    /// The evaluation passed one of its `JSONPathLimits`, named in the message.
    case limitExceeded(String)

    /// The matched value as the Java object `$input.path` returns: a list becomes a JSON
    /// array; nil when nothing matched or evaluation failed.
    public var matchedValue: JSONValue? {
        switch self {
        case .value(let value): return value
        case .list(let values): return .array(values)
        case .notFound, .failure, .limitExceeded: return nil
        }
    }
}
