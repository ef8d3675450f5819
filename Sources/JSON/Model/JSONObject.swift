import JavaLang

/// A JSON object that remembers insertion order, as the `LinkedHashMap` json-smart builds.
///
/// Setting an existing key replaces its value in place (the key keeps its first position),
/// which is also what a duplicate key in the input does: `{"b":1,"a":2,"b":3}` reads as
/// `{"b":3,"a":2}`. Keys are the same only byte for byte, as Java's `String.equals` has it
/// (canonically equivalent spellings are two keys). Equality ignores order, as
/// `java.util.Map.equals` does.
public struct JSONObject: Sendable, Hashable, Sequence {
    /// The keys, in insertion order.
    public private(set) var keys: [String] = []
    /// The values, in key order.
    public private(set) var values: [JSONValue] = []
    /// Built only past `indexedCount` keys: most JSON objects are small, and a linear search
    /// over a few keys is cheaper than hashing each one while parsing.
    private var positions: [JavaStringKey: Int]?
    private static let indexedCount = 8

    /// An empty object.
    public init() {}

    /// The reader's finished object: distinct keys in order, their values, and the key index
    /// it kept while reading (nil for `indexedCount` keys or fewer), so nothing is rebuilt.
    init(parsedKeys keys: [String], values: [JSONValue], positions: [JavaStringKey: Int]?) {
        self.keys = keys
        self.values = values
        self.positions = positions
    }

    /// Past this many keys the reader keeps an index while it reads, as `updateValue` does.
    static var parsedIndexThreshold: Int { indexedCount }

    /// An object with these pairs in order; a repeated key keeps its first position and last value.
    public init(_ pairs: [(String, JSONValue)]) {
        for (key, value) in pairs { self[key] = value }
    }

    /// The number of keys.
    public var count: Int { keys.count }

    /// True when there are no keys.
    public var isEmpty: Bool { keys.isEmpty }

    /// The value for a key, or nil when the key is absent (a JSON `null` is `.null`, not nil).
    /// Assigning nil removes the key.
    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { values[$0] } }
        set {
            if let newValue {
                updateValue(newValue, forKey: key)
            } else {
                removeValue(forKey: key)
            }
        }
    }

    /// Sets a value and returns the previous one, as `Map.put` does.
    @discardableResult
    public mutating func updateValue(_ value: JSONValue, forKey key: String) -> JSONValue? {
        if let position = position(of: key) {
            let old = values[position]
            values[position] = value
            return old
        }
        keys.append(key)
        values.append(value)
        if positions != nil {
            positions![JavaStringKey(key)] = keys.count - 1
        } else if keys.count > JSONObject.indexedCount {
            rebuildPositions()
        }
        return nil
    }

    private func position(of key: String) -> Int? {
        if let positions { return positions[JavaStringKey(key)] }
        return keys.firstIndex { $0.javaEquals(key) }
    }

    private mutating func rebuildPositions() {
        var built: [JavaStringKey: Int] = [:]
        built.reserveCapacity(keys.count)
        for (position, key) in keys.enumerated() { built[JavaStringKey(key)] = position }
        positions = built
    }

    /// Removes a key and returns its value, as `Map.remove` does.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let position = position(of: key) else { return nil }
        keys.remove(at: position)
        let old = values.remove(at: position)
        if positions != nil { rebuildPositions() }
        return old
    }

    /// The (key, value) pairs in order.
    public func makeIterator() -> some IteratorProtocol<(key: String, value: JSONValue)> {
        zip(keys, values).lazy.map { (key: $0, value: $1) }.makeIterator()
    }

    /// Same keys with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in zip(lhs.keys, lhs.values) where rhs[key] != value { return false }
        return true
    }

    /// Order-independent, to agree with `==`.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for (key, value) in zip(keys, values) {
            var pair = Hasher()
            pair.combine(key)
            pair.combine(value)
            combined ^= pair.finalize()
        }
        hasher.combine(count)
        hasher.combine(combined)
    }
}
