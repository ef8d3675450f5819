import JSON
import JavaLang

/// A value a template can see: what Velocity's Java objects are, as a Sendable value.
///
/// Templates get reference semantics (a map put into two variables is one map) while they
/// render; `Value` is the immutable snapshot that goes in and comes out.
public enum Value: Sendable, Equatable {
    /// Java `null`.
    case null
    /// A Java `Boolean`.
    case bool(Bool)
    /// A Java `Integer` or `Long`.
    case integer(Int)
    /// A Java `BigInteger`: a whole number too large for a `Long`.
    case bigInteger(BigInteger)
    /// A Java `Double`; prints as Java's `Double.toString` does (`1.0`, `1.0E10`).
    case double(Double)
    /// A Java `String`.
    case string(String)
    /// A list; `style` says how it prints (`java.util.ArrayList` or json-smart's `JSONArray`).
    case list([Value], style: ListStyle)
    /// A map that keeps insertion order, as `java.util.LinkedHashMap`.
    case map(OrderedMap)
    /// An object with methods of its own, such as API Gateway's `$input` and `$util`.
    case object(any TemplateObject)
    /// A value read from JSON, as json-smart builds it: objects behave as ordered maps and
    /// arrays as lists that print as JSON. Templates read it in place, without copying; a
    /// part is copied only when a template stores or changes it.
    case json(JSONValue)

    /// How a list prints when a template inserts it.
    public enum ListStyle: Sendable, Equatable {
        /// `[1, two, 3.5]`, as `java.util.List.toString()`.
        case java
        /// Compact JSON, `[1,"two",{"k":3.5}]`, as json-smart's `JSONArray.toString()`.
        case json
    }

    /// A Java-style list.
    public static func list(_ elements: [Value]) -> Value { .list(elements, style: .java) }

    /// Structural equality for tests and callers: strings byte for byte (as Java's `equals`;
    /// see `String.javaEquals`), NaN equals NaN, lists compare style too, and objects compare
    /// by type and printed text (they have no identity across renders).
    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.integer(a), .integer(b)): a == b
        case let (.bigInteger(a), .bigInteger(b)): a == b
        case let (.double(a), .double(b)): a == b || (a.isNaN && b.isNaN)
        case let (.string(a), .string(b)): a.javaEquals(b)
        case let (.list(a, styleA), .list(b, styleB)): a == b && styleA == styleB
        case let (.map(a), .map(b)): a == b
        case let (.object(a), .object(b)): a.printed == b.printed && type(of: a) == type(of: b)
        case let (.json(a), .json(b)): a == b
        default: false
        }
    }
}

/// String-keyed map that keeps insertion order, like `java.util.LinkedHashMap<String, Object>`.
///
/// Most maps are small (a request context, a JSON object), so keys are found by a linear
/// search and a hash index is built only past `indexedCount` keys.
public struct OrderedMap: Sendable, Equatable {
    /// The keys in insertion order.
    public private(set) var keys: [String] = []
    /// The values, in key order.
    public private(set) var values: [Value] = []
    private var index: [JavaStringKey: Int]?
    /// Comparing short keys is cheaper than hashing them; a request context has about 20.
    private static let indexedCount = 32

    /// Creates an empty map.
    public init() {}

    /// Creates a map from pairs in order; a repeated key keeps its first position and its last value.
    public init(_ pairs: [(String, Value)]) {
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        // Not through the subscript: wrapping each value in an optional copies it through
        // generic witnesses, which cost more than the search.
        for (key, value) in pairs {
            if let position = position(of: key) {
                values[position] = value
            } else {
                appendNew(key, value)
            }
        }
    }

    /// The number of keys.
    public var count: Int { keys.count }
    /// True when the map has no keys.
    public var isEmpty: Bool { keys.isEmpty }

    private func position(of key: String) -> Int? {
        if let index { return index[JavaStringKey(key)] }
        // Most keys differ in length, and comparing lengths first skips a full string compare.
        let length = key.utf8.count
        return keys.firstIndex { $0.utf8.count == length && $0.javaEquals(key) }
    }

    /// Adds a key the map does not have, keeping the index once there is one.
    private mutating func appendNew(_ key: String, _ value: consuming Value) {
        keys.append(key)
        values.append(consume value)
        if index != nil {
            index![JavaStringKey(key)] = keys.count - 1
        } else if keys.count > OrderedMap.indexedCount {
            rebuildIndex()
        }
    }

    private mutating func rebuildIndex() {
        guard keys.count > OrderedMap.indexedCount else {
            index = nil
            return
        }
        var built: [JavaStringKey: Int] = [:]
        built.reserveCapacity(keys.count)
        for (position, key) in keys.enumerated() { built[JavaStringKey(key)] = position }
        index = built
    }

    /// Reading a missing key gives nil; writing nil removes the key. A replaced key keeps its position.
    public subscript(key: String) -> Value? {
        get { position(of: key).map { values[$0] } }
        set {
            if let newValue {
                if let position = position(of: key) {
                    values[position] = newValue
                } else {
                    appendNew(key, newValue)
                }
            } else if let position = position(of: key) {
                keys.remove(at: position)
                values.remove(at: position)
                rebuildIndex()
            }
        }
    }

    /// Sets `value` for `key`, as the subscript's setter does: a replaced key keeps its
    /// position, a new one goes last. Cheaper than the subscript, whose optional is copied
    /// through generic witnesses, and than building the pairs `init(_:)` takes: a map of
    /// three short strings made from pairs costs about 1,500 instructions, most of them
    /// copying and destroying the tuples.
    public mutating func setValue(_ value: consuming Value, forKey key: String) {
        // Consumed, so that the value moves into place rather than being copied there.
        if let position = position(of: key) {
            values[position] = consume value
        } else {
            appendNew(key, consume value)
        }
    }

    /// Reserves room for `count` keys, so that building a map of known size allocates once.
    public mutating func reserveCapacity(_ count: Int) {
        keys.reserveCapacity(count)
        values.reserveCapacity(count)
    }

    /// Key-value pairs in insertion order.
    public var pairs: [(key: String, value: Value)] {
        Array(zip(keys, values))
    }

    /// Equal when the same keys (byte for byte) are in the same order with equal values, as two
    /// `LinkedHashMap`s print alike.
    public static func == (lhs: OrderedMap, rhs: OrderedMap) -> Bool {
        lhs.keys.count == rhs.keys.count && zip(lhs.keys, rhs.keys).allSatisfy { $0.javaEquals($1) } && lhs.values == rhs.values
    }
}

/// Literals, so tests and hosts can write `["a": 1, "b": [true, nil]]`: an array literal is a
/// Java-style list and a dictionary literal an ordered map in the order written.
extension Value: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: Value...) { self = .list(elements, style: .java) }
    public init(dictionaryLiteral elements: (String, Value)...) { self = .map(OrderedMap(elements)) }
}

extension Value {
    /// What Java's `toString()` gives for this value, which is what Velocity prints:
    /// `{a=1, b=x}` for maps, `[1, two]` for lists, compact JSON for JSON arrays.
    public var javaText: String { RuntimeValue(self).javaString }
}
