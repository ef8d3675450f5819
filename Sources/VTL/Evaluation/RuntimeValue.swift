import JSON
import JavaLang

/// A value while a template renders. Lists and maps are shared references, as Java objects are:
/// `#set($b = $a)$b.put('k', 1)` changes `$a` too. Never leaves the render that made it.
enum RuntimeValue {
    case null
    case bool(Bool)
    case integer(Int)
    case bigInteger(BigInteger)
    case double(Double)
    /// A `java.math.BigDecimal` as its `toString()`: parsed only when arithmetic needs it, since
    /// a body may hold a number of a million digits that a template only prints.
    case bigDecimal(String)
    case string(String)
    case list(ListStorage)
    case map(MapStorage)
    /// One `Map.Entry` from `entrySet()`: a view of one key of its map, so `setValue` writes through.
    case entry(MapStorage, key: String)
    /// `$foreach` inside a loop.
    case loop(LoopStatus)
    /// A `#define` block, rendered where it is inserted.
    case block([Node])
    /// A host object, boxed: its existential would make every runtime value as large as it.
    case object(HostObject)
    /// A JSON array or object read in place. Never held by a variable: binding one thaws it
    /// into shared storage (`thawed()`), so changes through any alias are seen, as in Java.
    case json(JSONValue)

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// A list or map, whose release may have to be done iteratively.
    var isContainer: Bool {
        switch self {
        case .list, .map: true
        default: false
        }
    }

    /// A value that holds a list or map by reference, so storing it in one can close a cycle.
    var canMakeCycle: Bool {
        switch self {
        case .list, .map, .entry: true
        default: false
        }
    }

    var isNumber: Bool {
        switch self {
        case .integer, .bigInteger, .double, .bigDecimal: true
        default: false
        }
    }
}

final class ListStorage {
    /// The elements; JSON containers among them stay frozen until read through `element(at:)`.
    @exclusivity(unchecked) var elements: [RuntimeValue]
    let style: Value.ListStyle

    init(_ elements: [RuntimeValue], style: Value.ListStyle = .java) {
        self.elements = elements
        self.style = style
    }

    /// The element, thawing a frozen JSON container in place so later reads share it.
    func element(at index: Int) -> RuntimeValue {
        guard case .json(let json) = elements[index] else { return elements[index] }
        let thawed = RuntimeValue.thawing(json)
        elements[index] = thawed
        return thawed
    }

    deinit {
        guard elements.contains(where: \.isContainer) else { return }
        var contents = takeContents()
        releaseIteratively(&contents)
    }

    fileprivate func takeContents() -> [RuntimeValue] {
        defer { elements = [] }
        return elements
    }
}

/// `java.util.LinkedHashMap<String, Object>`: insertion order, a replaced key keeps its place.
///
/// Most maps in templates are small JSON objects, so keys are found by a linear search and a
/// hash index is built only once a map grows past `indexedCount` keys.
///
/// A map made from a JSON object or a host `Value` keeps its values in that form until a
/// template writes to it or reads a list or map out of it: a loop over a thousand records that
/// only prints their fields never converts them.
final class MapStorage {
    @exclusivity(unchecked) private(set) var keys: [String]
    /// Values in key order, once converted; JSON containers among them stay frozen until read through `get`.
    @exclusivity(unchecked) private var values: [RuntimeValue]
    /// The values in their source form, until `convertValues()`; `values` is empty meanwhile.
    @exclusivity(unchecked) private var unconverted: UnconvertedValues?
    /// Lists, maps and objects read out of `unconverted`, each made once so that every read
    /// shares it; `convertValues()` puts them in their places. Reading `$context.identity`
    /// then costs one conversion, not one for each of the context's twenty-odd values.
    @exclusivity(unchecked) private var readContainers: [(position: Int, value: RuntimeValue)] = []
    @exclusivity(unchecked) private var index: [JavaStringKey: Int]?
    /// Comparing short keys is cheaper than hashing them; a request context has about 20.
    private static let indexedCount = 32

    enum UnconvertedValues {
        case json([JSONValue])
        case host([Value])

        /// The runtime form of a scalar, made afresh on each read; nil for what needs one
        /// shared identity (a list, a map, a host object).
        @inline(__always)
        func scalar(at position: Int) -> RuntimeValue? {
            switch self {
            // Case by case, binding only the payload: binding the whole value copied it first,
            // and a host `Value`'s copy goes through its value witness (it may hold an object).
            case .json(let values):
                switch values[position] {
                case .null: return .null
                case .bool(let bool): return .bool(bool)
                case .integer(let int): return .integer(int)
                case .bigInteger(let big): return .bigInteger(big)
                case .double(let double): return .double(double)
                case .bigDecimal(let text): return .bigDecimal(text)
                case .string(let text): return .string(text)
                case .array, .object: return nil
                }
            case .host(let values):
                switch values[position] {
                case .null: return .null
                case .bool(let bool): return .bool(bool)
                case .integer(let int): return .integer(int)
                case .bigInteger(let big): return .bigInteger(big)
                case .double(let double): return .double(double)
                case .string(let string): return .string(string)
                case .list, .map, .object, .json: return nil
                }
            }
        }

        var converted: [RuntimeValue] {
            switch self {
            case .json(let values): values.map(RuntimeValue.init(json:))
            case .host(let values): values.map { RuntimeValue($0) }
            }
        }

        /// The runtime form of the value at `position` as storage of its own, for one that `scalar(at:)` declines.
        func container(at position: Int) -> RuntimeValue {
            switch self {
            case .json(let values): RuntimeValue.thawing(values[position])
            case .host(let values): RuntimeValue(values[position]).thawed()
            }
        }
    }

    init() {
        keys = []
        values = []
    }

    init(keys: [String], values: [RuntimeValue]) {
        self.keys = keys
        self.values = values
        if keys.count > MapStorage.indexedCount { rebuildIndex() }
    }

    /// A map over distinct `keys` whose values are converted only when needed.
    init(keys: [String], unconverted: UnconvertedValues) {
        self.keys = keys
        self.values = []
        self.unconverted = unconverted
        if keys.count > MapStorage.indexedCount { rebuildIndex() }
    }

    var count: Int { keys.count }

    /// `keyIsASCII` spares the byte comparison after `==`: a spelling canonically equal to
    /// ASCII text is longer than it (U+212A for "K", U+037E for ";"), so the lengths differ.
    private func position(of key: String, keyIsASCII: Bool = false) -> Int? {
        if let index { return index[JavaStringKey(key)] }
        // Most keys differ in length, and comparing lengths first skips a full string compare.
        // A loop of our own: `firstIndex(where:)` cost about 200 instructions over a request
        // context's twenty keys.
        let length = key.utf8.count
        var position = 0
        while position < keys.count {
            if keys[position].utf8.count == length && keys[position] == key && (keyIsASCII || keys[position].javaEquals(key)) { return position }
            position += 1
        }
        return nil
    }

    private func rebuildIndex() {
        var built: [JavaStringKey: Int] = [:]
        built.reserveCapacity(keys.count)
        for (position, key) in keys.enumerated() { built[JavaStringKey(key)] = position }
        index = built
    }

    @inline(__always)
    private func convertValues() {
        guard let unconverted else { return }
        values = unconverted.converted
        for read in readContainers { values[read.position] = read.value }
        readContainers = []
        self.unconverted = nil
    }

    /// The value, thawing a frozen JSON container in place so later reads share it.
    func get(_ key: String) -> RuntimeValue? {
        guard let position = position(of: key) else { return nil }
        return get(at: position)
    }

    /// `get` for a property name, an ASCII identifier, which is compared without the byte check.
    func get(identifier: String) -> RuntimeValue? {
        guard let position = position(of: identifier, keyIsASCII: true) else { return nil }
        return get(at: position)
    }

    @inline(__always)
    private func get(at position: Int) -> RuntimeValue {
        guard let unconverted else { return value(at: position) }
        if let scalar = unconverted.scalar(at: position) { return scalar }
        if let read = readContainers.first(where: { $0.position == position }) { return read.value }
        let container = unconverted.container(at: position)
        readContainers.append((position, container))
        return container
    }

    private func value(at position: Int) -> RuntimeValue {
        convertValues()
        guard case .json(let json) = values[position] else { return values[position] }
        let thawed = RuntimeValue.thawing(json)
        values[position] = thawed
        return thawed
    }

    /// What a `Map.Entry` for `key` reads: its value, or null once the key is gone.
    func entryValue(_ key: String) -> RuntimeValue { get(key) ?? .null }

    /// Every value in order, read as `get` reads them.
    var thawedValues: [RuntimeValue] {
        convertValues()
        return values.indices.map(value(at:))
    }

    /// Returns the previous value, as `Map.put` does.
    @discardableResult
    func put(_ key: String, _ value: RuntimeValue) -> RuntimeValue? {
        convertValues()
        if let position = position(of: key) {
            let previous = values[position]
            values[position] = value
            return previous
        }
        keys.append(key)
        values.append(value)
        if index != nil {
            index![JavaStringKey(key)] = keys.count - 1
        } else if keys.count > MapStorage.indexedCount {
            rebuildIndex()
        }
        return nil
    }

    @discardableResult
    func remove(_ key: String) -> RuntimeValue? {
        guard let position = position(of: key) else { return nil }
        convertValues()
        keys.remove(at: position)
        let previous = values.remove(at: position)
        if index != nil { rebuildIndex() }
        return previous
    }

    func removeAll() {
        keys.removeAll()
        values.removeAll()
        unconverted = nil
        readContainers = []
        index = nil
    }

    var pairs: [(key: String, value: RuntimeValue)] {
        convertValues()
        return Array(zip(keys, values))
    }

    var orderedValues: [RuntimeValue] {
        convertValues()
        return values
    }

    deinit {
        guard values.contains(where: \.isContainer) || !readContainers.isEmpty else { return }
        var contents = takeContents()
        releaseIteratively(&contents)
    }

    fileprivate func takeContents() -> [RuntimeValue] {
        defer {
            values = []
            readContainers = []
        }
        // Until `convertValues()`, `values` is empty and what was read is in `readContainers`; after it, the reverse.
        return unconverted == nil ? values : readContainers.map(\.value)
    }
}

/// Releases nested lists and maps one level at a time. Left to itself, releasing a list
/// nested a million deep (`#set($a = [$a])` in nested loops) recurses once per level and
/// overflows the stack.
private func releaseIteratively(_ pending: inout [RuntimeValue]) {
    // `pending` is taken inout: a copy would keep every element alive, and so not unique.
    var slot = RuntimeValue.null
    while !pending.isEmpty {
        slot = pending.removeLast()
        var list: ListStorage?
        var map: MapStorage?
        switch slot {
        case .list(let storage): list = storage
        case .map(let storage): map = storage
        default: break
        }
        // Now `list` or `map` holds the only reference this loop has; take the contents of
        // one nobody else holds, so its own deinit finds nothing left to release.
        slot = .null
        if isKnownUniquelyReferenced(&list), let storage = list {
            pending.append(contentsOf: storage.takeContents())
        } else if isKnownUniquelyReferenced(&map), let storage = map {
            pending.append(contentsOf: storage.takeContents())
        }
    }
}

/// A `TemplateObject` in one allocation that runtime values share.
final class HostObject {
    let object: any TemplateObject

    init(_ object: any TemplateObject) {
        self.object = object
    }
}

/// What `$foreach` answers inside a loop.
final class LoopStatus {
    @exclusivity(unchecked) var index = 0
    @exclusivity(unchecked) var hasNext = false
    let parent: LoopStatus?

    init(parent: LoopStatus?) {
        self.parent = parent
    }

    /// `$foreach.name`, the field found when the template was parsed; null for any other name.
    @inline(__always)
    func field(_ field: LoopField?) -> RuntimeValue {
        switch field {
        case .index?: .integer(index)
        case .count?: .integer(index + 1)
        case .hasNext?: .bool(hasNext)
        case .first?: .bool(index == 0)
        case .last?: .bool(!hasNext)
        case .parent?: parent.map(RuntimeValue.loop) ?? .null
        case nil: .null
        }
    }
}

extension RuntimeValue {
    /// A fresh runtime copy of a Sendable value; each render mutates its own.
    ///
    /// Taken consuming: `Value` holds an existential, so it is matched in memory, and matching
    /// a borrowed one copies it whole first. Reading a scalar of a host map copied it twice.
    init(_ value: consuming Value) {
        switch consume value {
        case .null: self = .null
        case .bool(let bool): self = .bool(bool)
        case .integer(let int): self = .integer(int)
        case .bigInteger(let big): self = .bigInteger(big)
        case .double(let double): self = .double(double)
        case .string(let string): self = .string(string)
        case .list(let elements, let style): self = .list(ListStorage(elements.map { RuntimeValue($0) }, style: style))
        case .map(let map):
            // The keys are already unique: no need to search for each one as `put` would.
            self = .map(MapStorage(keys: map.keys, unconverted: .host(map.values)))
        case .object(let object): self = .object(HostObject(object))
        case .json(let json): self = RuntimeValue(json: json)
        }
    }

    /// A JSON value read in place: scalars become plain values, containers stay frozen.
    init(json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let bool): self = .bool(bool)
        case .integer(let int): self = .integer(int)
        case .bigInteger(let big): self = .bigInteger(big)
        case .double(let double): self = .double(double)
        case .bigDecimal(let text): self = .bigDecimal(text)
        case .string(let string): self = .string(string)
        case .array, .object: self = .json(json)
        }
    }

    /// `object[name]` read in place, null when absent. A small object (most records) is searched
    /// here, comparing lengths before text: `JSONObject`'s subscript goes through the generic
    /// `firstIndex(of:)` and an optional, over twice the cost for a three-key record. Keys are
    /// distinct, so a search finds what the subscript would.
    ///
    /// For property names, which are ASCII identifiers; `member(key:of:)` takes any text.
    @inline(__always)
    static func member(_ name: String, of object: JSONObject) -> RuntimeValue {
        let keys = object.keys
        guard keys.count <= 8 else { return object[name].map(RuntimeValue.init(json:)) ?? .null }
        let length = name.utf8.count
        var position = 0
        while position < keys.count {
            // Exact, as Java's `equals` is, without `javaEquals`: a name is an ASCII identifier, and
            // a spelling canonically equal to ASCII text is longer (U+212A for "K", U+037E for ";").
            if keys[position].utf8.count == length && keys[position] == name { return RuntimeValue(json: object.values[position]) }
            position += 1
        }
        return .null
    }

    /// `object[key]` for a key given as text (`$record.get($name)`, `$record[$name]`), which
    /// may be spelled in ways `==` calls equal and Java does not; the object's own search is exact.
    static func member(key: String, of object: JSONObject) -> RuntimeValue {
        object[key].map(RuntimeValue.init(json:)) ?? .null
    }

    /// The value as it may be stored and shared: one level of a frozen JSON container is
    /// copied into storage, its children stay frozen until read.
    func thawed() -> RuntimeValue {
        guard case .json(let json) = self else { return self }
        return RuntimeValue.thawing(json)
    }

    /// One level of `json` in storage of its own; its children stay frozen.
    static func thawing(_ json: JSONValue) -> RuntimeValue {
        switch json {
        case .array(let elements):
            return .list(ListStorage(elements.map(RuntimeValue.init(json:)), style: .json))
        case .object(let object):
            return .map(MapStorage(keys: object.keys, unconverted: .json(object.values)))
        default:
            return RuntimeValue(json: json)
        }
    }


    /// A Sendable snapshot; `visiting` guards against maps that contain themselves.
    func snapshot(visiting: Set<ObjectIdentifier> = []) -> Value {
        switch self {
        case .null: return .null
        case .bool(let bool): return .bool(bool)
        case .integer(let int): return .integer(int)
        case .bigInteger(let big): return .bigInteger(big)
        case .double(let double): return .double(double)
        case .bigDecimal(let text): return .json(.bigDecimal(text))
        case .string(let string): return .string(string)
        case .list(let storage):
            let id = ObjectIdentifier(storage)
            guard !visiting.contains(id) else { return .null }
            return .list(storage.elements.map { $0.snapshot(visiting: visiting.union([id])) }, style: storage.style)
        case .map(let storage):
            let id = ObjectIdentifier(storage)
            guard !visiting.contains(id) else { return .null }
            var map = OrderedMap()
            for (key, element) in storage.pairs { map[key] = element.snapshot(visiting: visiting.union([id])) }
            return .map(map)
        case .entry(let map, let key): return .map(OrderedMap([(key, map.entryValue(key).snapshot(visiting: visiting))]))
        case .loop, .block: return .null
        case .object(let host): return .object(host.object)
        case .json(let json): return .json(json)
        }
    }
}
