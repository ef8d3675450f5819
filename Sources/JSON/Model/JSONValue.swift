import JavaLang

/// A JSON value as json-smart hands it to a template: objects keep key order and numbers
/// keep the Java type json-smart chose, because both show in the output.
public enum JSONValue: Sendable, Hashable {
    /// JSON `null` (Java `null`).
    case null
    /// `true` or `false` (`Boolean`).
    case bool(Bool)
    /// An integer that fits in 64 bits (`Integer` or `Long`).
    case integer(Int)
    /// An integer json-smart read as `BigInteger`: more than 19 digits, or 19 that overflow `Long`.
    case bigInteger(BigInteger)
    /// A floating-point number (`Double`; json-smart's `NaN` is a `Float` that prints the same).
    case double(Double)
    /// A number with a fraction or exponent longer than 18 characters, read as `BigDecimal`;
    /// the text is `BigDecimal.toString()`, e.g. `1.0000000000000000000` or `1.7976931348623157E+308`.
    case bigDecimal(String)
    /// A string.
    case string(String)
    /// An array (`JSONArray`).
    case array([JSONValue])
    /// An object (`LinkedHashMap`), in insertion order.
    case object(JSONObject)
}

extension JSONValue {
    /// Java's `equals`: strings are equal only byte for byte (see `String.javaEquals`), so
    /// `["\u{E9}"]` and `["e\u{301}"]` differ as they do in a template; the rest as Swift compares them.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.integer(a), .integer(b)): a == b
        case let (.bigInteger(a), .bigInteger(b)): a == b
        case let (.double(a), .double(b)): a == b
        case let (.bigDecimal(a), .bigDecimal(b)): a == b
        case let (.string(a), .string(b)): a.javaEquals(b)
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a == b
        default: false
        }
    }
}

extension JSONValue: ExpressibleByNilLiteral {
    /// `nil` is JSON `null`, so tests can write `[1, nil]`.
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue: ExpressibleByBooleanLiteral {
    /// A boolean literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension JSONValue: ExpressibleByIntegerLiteral {
    /// An integer literal.
    public init(integerLiteral value: Int) { self = .integer(value) }
}

extension JSONValue: ExpressibleByFloatLiteral {
    /// A floating-point literal.
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension JSONValue: ExpressibleByStringLiteral {
    /// A string literal.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension JSONValue: ExpressibleByArrayLiteral {
    /// An array literal.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    /// An object literal; the written order is the key order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
}
