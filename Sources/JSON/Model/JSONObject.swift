/// A JSON object that remembers insertion order, as the `LinkedHashMap` json-smart builds.
///
/// Setting an existing key replaces its value in place (the key keeps its first position),
/// which is also what a duplicate key in the input does: `{"b":1,"a":2,"b":3}` reads as
/// `{"b":3,"a":2}`. Equality ignores order, as `java.util.Map.equals` does.
public struct JSONObject: Sendable, Hashable, Sequence {
    /// The keys, with their index once there are many. One word, not an array and an optional
    /// dictionary: with the values array that keeps the object, and so every `JSONValue`, at
    /// 16 bytes of payload, which keeps the arrays of a parsed tree small.
    private var keyList = KeyList.plain([])
    /// The values, in key order.
    public private(set) var values: [JSONValue] = []
    /// The index is built only past `indexedCount` keys: most JSON objects are small, and a
    /// linear search over a few keys is cheaper than hashing each one while parsing.
    private static let indexedCount = 8

    /// An empty object.
    public init() {}

    /// The reader's finished object: distinct keys in order (shared with the objects of the
    /// same shape before it), with the index it kept while reading, and the values.
    init(parsedKeys keys: KeyList, values: [JSONValue]) {
        self.keyList = keys
        self.values = values
    }

    /// Past this many keys the reader keeps an index while it reads, as `updateValue` does.
    static var parsedIndexThreshold: Int { indexedCount }

    /// An object with these pairs in order; a repeated key keeps its first position and last value.
    public init(_ pairs: [(String, JSONValue)]) {
        for (key, value) in pairs { self[key] = value }
    }

    /// The keys, in insertion order.
    public var keys: [String] { keyList.keys }

    /// The number of keys.
    public var count: Int { values.count }

    /// True when there are no keys.
    public var isEmpty: Bool { values.isEmpty }

    /// The value for a key, or nil when the key is absent (a JSON `null` is `.null`, not nil).
    /// Assigning nil removes the key.
    public subscript(key: String) -> JSONValue? {
        get { keyList.position(of: key).map { values[$0] } }
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
        if let position = keyList.position(of: key) {
            let old = values[position]
            values[position] = value
            return old
        }
        keyList.append(key)
        values.append(value)
        return nil
    }

    /// Removes a key and returns its value, as `Map.remove` does.
    @discardableResult
    public mutating func removeValue(forKey key: String) -> JSONValue? {
        guard let position = keyList.position(of: key) else { return nil }
        keyList.remove(at: position)
        return values.remove(at: position)
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

extension JSONObject {
    /// An object's keys in order, distinct. Past `indexedCount` keys they come with a
    /// dictionary from key to position, boxed (`indirect`) so that either case is one word.
    ///
    /// A value type throughout: objects that share one (the reader gives records of the same
    /// shape the same keys) each change only their own copy.
    enum KeyList: Sendable {
        case plain([String])
        indirect case indexed([String], positions: [String: Int])

        /// Keys that `JSONObject.updateValue` would have indexed get their index here.
        init(_ keys: [String], positions: [String: Int]?) {
            if let positions {
                self = .indexed(keys, positions: positions)
            } else {
                self = .plain(keys)
            }
        }

        var keys: [String] {
            switch self {
            case .plain(let keys): return keys
            case .indexed(let keys, _): return keys
            }
        }

        func position(of key: String) -> Int? {
            switch self {
            case .plain(let keys): return keys.firstIndex(of: key)
            case .indexed(_, let positions): return positions[key]
            }
        }

        /// Adds a key that is not there yet, indexing the keys once there are more than `indexedCount`.
        mutating func append(_ key: String) {
            switch self {
            case .plain(var keys):
                // Emptied first, so that `keys` is the array's only owner and grows in place.
                self = .plain([])
                keys.append(key)
                self = keys.count > JSONObject.indexedCount ? .indexed(keys, positions: Self.positions(of: keys)) : .plain(keys)
            case .indexed(var keys, var positions):
                self = .plain([])
                positions[key] = keys.count
                keys.append(key)
                self = .indexed(keys, positions: positions)
            }
        }

        mutating func remove(at position: Int) {
            var keys = keys
            self = .plain([])
            keys.remove(at: position)
            self = keys.count > JSONObject.indexedCount ? .indexed(keys, positions: Self.positions(of: keys)) : .plain(keys)
        }

        private static func positions(of keys: [String]) -> [String: Int] {
            var built: [String: Int] = [:]
            built.reserveCapacity(keys.count)
            for (position, key) in keys.enumerated() { built[key] = position }
            return built
        }
    }
}
