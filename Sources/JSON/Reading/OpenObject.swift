import JavaLang

/// An object being read: where its members start on the `ContainerStack`, and how far its
/// keys have repeated those of the last object finished at the same depth.
///
/// The records of an array usually spell the same keys in the same order. While an object
/// follows the previous one's keys, its own keys are not pushed and need no duplicate search
/// (the previous keys are already distinct), and once it closes with all of them it shares
/// that keys array and key index, so a hundred records make one keys array, not a hundred.
struct OpenObject {
    let depth: Int
    let keyBase: Int
    let valueBase: Int
    /// How many leading keys were those the last object finished at this depth (its expected
    /// shape) has, spelled the same; they are not on the stack while `following` holds.
    var matched = 0
    /// False once a key differed from the expected ones: from then on the keys are on the
    /// stack and checked for duplicates as they come.
    var following = true
    /// The key index, made once the object has more than `JSONObject.parsedIndexThreshold`
    /// keys on the stack; below that a linear search is cheaper.
    var index: [JavaStringKey: Int]?

    init(depth: Int, keyBase: Int, valueBase: Int) {
        self.depth = depth
        self.keyBase = keyBase
        self.valueBase = valueBase
    }
}

/// The keys of a finished object, in order and distinct, with the index it kept (nil for
/// `JSONObject.parsedIndexThreshold` keys or fewer).
struct ObjectShape {
    var keys: [String] = []
    var index: [JavaStringKey: Int]?
    /// `keys` as short spellings (`KeyCache.Spelling.none` for a key that has none), so that
    /// a key that repeats is recognised from the input bytes without becoming a String. Empty
    /// until two objects in a row have repeated all the keys: made for a shape that records
    /// repeat, not for each shape of objects whose keys keep changing.
    private(set) var spellings: [KeyCache.Spelling] = []
    /// How many objects in a row have repeated all the keys.
    private var repeats = 0

    init() {}

    /// The keys of an object just finished, with their index, and no spellings yet.
    init(keys: [String], index: [JavaStringKey: Int]?) {
        self.keys = keys
        self.index = index
    }

    /// Called when an object has repeated all the keys.
    mutating func noteRepeat() {
        repeats += 1
        if repeats == 2 { spellings = keys.map(KeyCache.Spelling.init) }
    }

    /// The same bytes. Keys from the `KeyCache` and short keys are the same String bits, so
    /// that is tried first, inline; anything else is compared as Java compares strings.
    @inline(__always)
    static func sameSpelling(_ lhs: String, _ rhs: String) -> Bool {
        lhs.hasSameRepresentation(as: rhs) || lhs.javaEquals(rhs)
    }
}
