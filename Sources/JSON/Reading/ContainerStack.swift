import JavaLang

/// The members of the arrays and objects still open during a parse, on one stack.
///
/// A container's values are pushed as they are read and moved into an array of exactly the
/// right size when it closes. That replaces a growing array per container (a reservation,
/// then regrowth) with one allocation per finished array, and lets an object check for
/// duplicate keys among its own members before it exists. Nested containers push above
/// their parent and are gone before the parent's next member, so one stack serves all.
/// Noncopyable: it owns its storage and deinitializes whatever a failed parse left on it.
struct ContainerStack: ~Copyable {
    private var values = ValueStack()
    var valueCount: Int { values.count }
    private var keys: UnsafeMutablePointer<String>
    private var keyCapacity = 16
    private(set) var keyCount = 0
    /// By depth, the keys of the last object finished there, which the next one is expected to repeat.
    private var shapes: [ObjectShape] = []

    init() {
        keys = .allocate(capacity: keyCapacity)
    }

    deinit {
        keys.deinitialize(count: keyCount)
        keys.deallocate()
    }

    @inline(__always)
    mutating func push(_ value: consuming JSONValue) {
        values.push(value)
    }

    /// The values pushed since `base`, moved out into an array of their own.
    mutating func popArray(from base: Int) -> [JSONValue] {
        values.pop(from: base)
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

    /// Starts an object at `depth` (1 for the outermost container), expecting the keys of
    /// the last object finished at that depth. That shape stays put while the object is open:
    /// only an object at the same depth replaces it, and none finishes before this one does.
    mutating func openObject(depth: Int) -> OpenObject {
        while shapes.count < depth { shapes.append(ObjectShape()) }
        return OpenObject(depth: depth, keyBase: keyCount, valueBase: valueCount)
    }

    /// True while `object` follows its expected shape and `key` is the next key there. Byte
    /// for byte, not `==`: a canonically equivalent spelling is the same key but prints differently.
    @inline(__always)
    private func follows(_ object: inout OpenObject, with key: String) -> Bool {
        let expected = shapes[object.depth - 1].keys
        guard object.matched < expected.count, ObjectShape.sameSpelling(expected[object.matched], key) else {
            return false
        }
        object.matched += 1
        return true
    }

    /// True, counting the key as matched, while `object` follows its expected shape and the
    /// short key `spelling` is the next key there; the member's value then goes on with `push`.
    @inline(__always)
    mutating func follows(_ object: inout OpenObject, withShortKey spelling: KeyCache.Spelling) -> Bool {
        guard object.following else { return false }
        let matched = object.matched
        let depth = object.depth - 1
        guard matched < shapes[depth].spellings.count, shapes[depth].spellings[matched] == spelling else { return false }
        object.matched += 1
        return true
    }

    /// Adds a member to `object`; a key it already has keeps its place and takes the new
    /// value, as `JSONObject.updateValue` does.
    @inline(__always)
    mutating func addMember(_ key: __owned String, _ value: __owned JSONValue, to object: inout OpenObject) {
        if object.following {
            if follows(&object, with: key) {
                push(value)
                return
            }
            stopFollowing(&object)
        }
        if object.index == nil {
            var position = object.keyBase
            while position < keyCount {
                if keys[position].javaEquals(key) {
                    values.slot(object.valueBase + position - object.keyBase).pointee = value
                    return
                }
                position += 1
            }
        } else if let position = object.index![JavaStringKey(key)] {
            values.slot(object.valueBase + position).pointee = value
            return
        } else {
            object.index![JavaStringKey(key)] = keyCount - object.keyBase
        }
        pushKey(key)
        push(value)
        if object.index == nil && keyCount - object.keyBase > JSONObject.parsedIndexThreshold {
            object.index = keyIndex(from: object.keyBase)
        }
    }

    /// Puts the keys `object` matched so far on the stack, with the index they call for,
    /// so that it goes on as an object with keys of its own.
    private mutating func stopFollowing(_ object: inout OpenObject) {
        object.following = false
        for key in shapes[object.depth - 1].keys[..<object.matched] { pushKey(key) }
        if object.matched > JSONObject.parsedIndexThreshold { object.index = keyIndex(from: object.keyBase) }
    }

    private mutating func pushKey(_ key: __owned String) {
        if keyCount == keyCapacity { growKeys() }
        (keys + keyCount).initialize(to: key)
        keyCount += 1
    }

    private func keyIndex(from keyBase: Int) -> [JavaStringKey: Int] {
        var built: [JavaStringKey: Int] = [:]
        built.reserveCapacity(keyCount - keyBase)
        for position in keyBase..<keyCount { built[JavaStringKey(keys[position])] = position - keyBase }
        return built
    }

    /// The members of `object`, moved out into a `JSONObject`. One that repeated all the
    /// expected keys shares their array; any other becomes what its depth expects next.
    mutating func popObject(_ object: inout OpenObject) -> JSONObject {
        if object.following {
            if object.matched > 0 && object.matched == shapes[object.depth - 1].keys.count {
                shapes[object.depth - 1].noteRepeat()
                let keys = shapes[object.depth - 1].keys
                let index = shapes[object.depth - 1].index
                return JSONObject(parsedKeys: keys, values: popArray(from: object.valueBase), positions: index)
            }
            stopFollowing(&object)
        }
        let count = keyCount - object.keyBase
        guard count > 0 else { return JSONObject() }
        keyCount = object.keyBase
        let shape = ObjectShape(keys: Self.moved(from: keys + object.keyBase, count: count), index: object.index)
        shapes[object.depth - 1] = shape
        return JSONObject(parsedKeys: shape.keys, values: popArray(from: object.valueBase), positions: shape.index)
    }

    private mutating func growKeys() {
        let grown = UnsafeMutablePointer<String>.allocate(capacity: keyCapacity * 2)
        grown.moveInitialize(from: keys, count: keyCount)
        keys.deallocate()
        keys = grown
        keyCapacity *= 2
    }
}
