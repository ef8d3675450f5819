/// The members of the arrays and objects still open during a parse, on one stack.
///
/// A container's values are pushed as they are read and moved into an array of exactly the
/// right size when it closes. That replaces a growing array per container (a reservation,
/// then regrowth) with one allocation per finished array, and lets an object check for
/// duplicate keys among its own members before it exists. Nested containers push above
/// their parent and are gone before the parent's next member, so one stack serves all.
/// Noncopyable: it owns its storage and deinitializes whatever a failed parse left on it.
struct ContainerStack: ~Copyable {
    private var values: UnsafeMutablePointer<JSONValue>
    private var valueCapacity = 16
    private(set) var valueCount = 0
    private var keys: UnsafeMutablePointer<String>
    private var keyCapacity = 16
    private(set) var keyCount = 0

    init() {
        values = .allocate(capacity: valueCapacity)
        keys = .allocate(capacity: keyCapacity)
    }

    deinit {
        values.deinitialize(count: valueCount)
        values.deallocate()
        keys.deinitialize(count: keyCount)
        keys.deallocate()
    }

    @inline(__always)
    mutating func push(_ value: consuming JSONValue) {
        if valueCount == valueCapacity { growValues() }
        (values + valueCount).initialize(to: value)
        valueCount += 1
    }

    /// The values pushed since `base`, moved out into an array of their own.
    mutating func popArray(from base: Int) -> [JSONValue] {
        let count = valueCount - base
        guard count > 0 else { return [] }
        valueCount = base
        return Self.moved(from: values + base, count: count)
    }

    /// An array of exactly `count` elements moved from `source`. Not
    /// `Array(unsafeUninitializedCapacity:)`: that reaches an unspecialized allocation path
    /// that looks up generic metadata on every call, which costs more than these appends.
    @inline(__always)
    private static func moved<Element>(from source: UnsafeMutablePointer<Element>, count: Int) -> [Element] {
        var result: [Element] = []
        result.reserveCapacity(count)
        for offset in 0..<count { result.append((source + offset).move()) }
        return result
    }

    /// Adds a member to the object whose members start at `keyBase` / `valueBase`; a key it
    /// already has keeps its place and takes the new value, as `JSONObject.updateValue` does.
    /// `index` is that object's key index, made once it has more than
    /// `JSONObject.parsedIndexThreshold` keys; below that a linear search is cheaper.
    @inline(__always)
    mutating func addMember(_ key: __owned String, _ value: __owned JSONValue, keyBase: Int, valueBase: Int, index: inout [String: Int]?) {
        if index == nil {
            var position = keyBase
            while position < keyCount {
                if keys[position] == key {
                    values[valueBase + position - keyBase] = value
                    return
                }
                position += 1
            }
        } else if let position = index![key] {
            values[valueBase + position] = value
            return
        } else {
            index![key] = keyCount - keyBase
        }
        if keyCount == keyCapacity { growKeys() }
        (keys + keyCount).initialize(to: key)
        keyCount += 1
        push(value)
        if index == nil && keyCount - keyBase > JSONObject.parsedIndexThreshold {
            var built: [String: Int] = [:]
            built.reserveCapacity(keyCount - keyBase)
            for position in keyBase..<keyCount { built[keys[position]] = position - keyBase }
            index = built
        }
    }

    /// The members added since `keyBase` / `valueBase`, moved out into an object.
    mutating func popObject(keyBase: Int, valueBase: Int, index: consuming [String: Int]?) -> JSONObject {
        let count = keyCount - keyBase
        guard count > 0 else { return JSONObject() }
        keyCount = keyBase
        let objectKeys = Self.moved(from: keys + keyBase, count: count)
        return JSONObject(parsedKeys: objectKeys, values: popArray(from: valueBase), positions: index)
    }

    private mutating func growValues() {
        let grown = UnsafeMutablePointer<JSONValue>.allocate(capacity: valueCapacity * 2)
        grown.moveInitialize(from: values, count: valueCount)
        values.deallocate()
        values = grown
        valueCapacity *= 2
    }

    private mutating func growKeys() {
        let grown = UnsafeMutablePointer<String>.allocate(capacity: keyCapacity * 2)
        grown.moveInitialize(from: keys, count: keyCount)
        keys.deallocate()
        keys = grown
        keyCapacity *= 2
    }
}
