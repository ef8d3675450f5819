import JSON
import VTL

/// The Java objects json-smart builds, as template values: what `$input.path`,
/// `$util.parseJson` and `$context` overrides hand to a template.
extension Value {
    /// Objects become ordered maps (`LinkedHashMap`), arrays lists that print as JSON
    /// (`JSONArray`), numbers keep the Java type json-smart chose.
    public init(_ json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .integer(let number): self = .integer(number)
        case .bigInteger(let number): self = .bigInteger(number)
        case .double(let number): self = .double(number)
        // `Value` has no decimal type. A `BigDecimal` is mostly printed, and its text is what
        // `toString()` gives, so a string keeps the output exact; arithmetic on it does not work.
        case .bigDecimal(let text): self = .string(text)
        case .string(let text): self = .string(text)
        case .array(let elements): self = .list(elements.map(Value.init), style: .json)
        case .object(let object):
            var map = OrderedMap()
            for (key, member) in object { map[key] = Value(member) }
            self = .map(map)
        }
    }
}

extension JSONValue {
    /// A template value as json-smart would write it; objects with methods of their own
    /// are written as their printed text, the way json-smart falls back to `toString()`.
    init(_ value: VTL.Value) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .integer(let number): self = .integer(number)
        case .bigInteger(let number): self = .bigInteger(number)
        case .double(let number): self = .double(number)
        case .string(let text): self = .string(text)
        case .list(let elements, _): self = .array(elements.map(JSONValue.init))
        case .map(let map): self = .object(JSONObject(map.pairs.map { ($0.key, JSONValue($0.value)) }))
        case .object(let object): self = .string(object.printed)
        case .json(let json): self = json
        }
    }
}
