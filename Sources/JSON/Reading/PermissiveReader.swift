import JavaLang

/// The state machine behind `JSONParser`: a byte-level port of json-smart 2.2's reader.
///
/// Like json-smart, the current byte `c` is `endOfInput` (0x1A, json-smart's `EOI`) past the
/// end; a literal U+001A in the input therefore also ends unquoted text, as it does in Java.
///
/// The reader works on the text's own UTF-8 storage (`String.withUTF8`), so it must not
/// outlive the closure that lends it: a body can be megabytes, and a copy would double the
/// memory the parse needs. Values are cut straight out of that storage; slices always end at
/// ASCII bytes, so each one is valid UTF-8 on its own. Noncopyable because it owns
/// buffers kept for the whole parse: the unescape buffer, the key cache and the container stack.
struct PermissiveReader: ~Copyable {
    static let endOfInput: UInt8 = 0x1A

    /// Which bytes end an unquoted value, by context (json-smart's `stopX`, `stopKey`, ...).
    enum Stops {
        case topLevel, key, objectValue, arrayValue

        @inline(__always)
        func contains(_ byte: UInt8) -> Bool {
            switch self {
            case .topLevel: return false
            case .key: return byte == UInt8(ascii: ":")
            case .objectValue: return byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}")
            case .arrayValue: return byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]")
            }
        }
    }

    /// The text's UTF-8, borrowed for the length of one parse.
    let bytes: UnsafeBufferPointer<UInt8>
    let count: Int
    let maxDepth: Int
    var position = -1
    var c: UInt8 = 0
    var depth = 0
    /// Reused by every string with an escape, so decoding one costs no allocation of its own.
    var unescaped = UnescapedText()
    /// Short keys made into Strings so far, so records that repeat them share one.
    var keys = KeyCache()
    /// The members of every container still open.
    var open = ContainerStack()

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.count = bytes.count
        self.maxDepth = maxDepth
    }

    @inline(__always)
    mutating func read() {
        position += 1
        c = position < count ? bytes[position] : Self.endOfInput
    }

    /// Trailing text is never checked: `MODE_PERMISSIVE` accepts tailing data.
    mutating func parseDocument() throws(JSONError) -> JSONValue {
        read()
        return try readValue(.topLevel)
    }

    mutating func readValue(_ stops: Stops) throws(JSONError) -> JSONValue {
        while true {
            switch c {
            case 0x20, 0x0D, 0x0A, 0x09:
                read()
            case UInt8(ascii: ":"), UInt8(ascii: "}"), UInt8(ascii: "]"):
                throw error(.unexpectedCharacter, at: position)
            case UInt8(ascii: "{"):
                return try readObject()
            case UInt8(ascii: "["):
                return try readArray()
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                return .string(try readQuoted())
            case UInt8(ascii: "n"), UInt8(ascii: "f"), UInt8(ascii: "t"), UInt8(ascii: "N"):
                return readWord(stops)
            case Self.endOfInput where stops != .topLevel:
                throw error(.unexpectedEndOfInput, at: position - 1, detail: "EOF")
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                // The usual numbers are read here, without a call.
                if let number = readPlainNumber(stops) { return number }
                return try readOtherNumber(stops)
            default:
                return readUnquotedValue(stops)
            }
        }
    }

    mutating func enter() throws(JSONError) {
        depth += 1
        if depth > maxDepth { throw error(.tooDeep, at: position) }
    }

    mutating func readObject() throws(JSONError) -> JSONValue {
        try enter()
        var object = open.openObject(depth: depth)
        while true {
            read()
            switch c {
            case 0x20, 0x0D, 0x0A, 0x09, UInt8(ascii: ","):
                continue
            case UInt8(ascii: ":"), UInt8(ascii: "]"), UInt8(ascii: "["), UInt8(ascii: "{"):
                throw error(.unexpectedCharacter, at: position)
            case UInt8(ascii: "}"):
                depth -= 1
                read()
                return .object(open.popObject(&object))
            default:
                let key = try readKey(unlessNextOf: &object)
                skipSpace()
                if c != UInt8(ascii: ":") {
                    if c == Self.endOfInput { throw error(.unexpectedEndOfInput, at: position - 1, detail: "null") }
                    throw error(.unexpectedCharacter, at: position - 1)
                }
                position += 1
                guard position < count else {
                    c = Self.endOfInput
                    throw error(.unexpectedEndOfInput, at: position - 1, detail: "EOF")
                }
                c = bytes[position]
                // The space after a colon, skipped here rather than by a turn of readValue's loop.
                if c == 0x20 { read() }
                let value = try readValue(.objectValue)
                if let key {
                    open.addMember(key, value, to: &object)
                } else {
                    open.push(value)
                }
                skipSpace()
                if c == UInt8(ascii: "}") {
                    depth -= 1
                    read()
                    return .object(open.popObject(&object))
                }
                if c == Self.endOfInput { throw error(.unexpectedEndOfInput, at: position - 1, detail: "null") }
                if c != UInt8(ascii: ",") { throw error(.unexpectedToken, at: position - 1) }
            }
        }
    }

    mutating func readArray() throws(JSONError) -> JSONValue {
        try enter()
        let base = open.valueCount
        read()
        while true {
            switch c {
            case 0x20, 0x0D, 0x0A, 0x09, UInt8(ascii: ","):
                read()
            case UInt8(ascii: "]"):
                depth -= 1
                read()
                return .array(open.popArray(from: base))
            case UInt8(ascii: ":"), UInt8(ascii: "}"):
                throw error(.unexpectedCharacter, at: position)
            case Self.endOfInput:
                throw error(.unexpectedEndOfInput, at: position - 1, detail: "EOF")
            default:
                let element = try readValue(.arrayValue)
                open.push(element)
            }
        }
    }

    // MARK: Unquoted text

    mutating func skipUnquoted(_ stops: Stops) {
        while c != Self.endOfInput && !(c < 126 && stops.contains(c)) { read() }
    }

    /// Java's `trim()`: everything up to U+0020 is cut from both ends.
    func trimmedText(from start: Int, to end: Int) -> String {
        text(in: trimmedRange(from: start, to: end))
    }

    func trimmedRange(from start: Int, to end: Int) -> Range<Int> {
        var lower = start
        var upper = min(end, count)
        while lower < upper && bytes[lower] <= 0x20 { lower += 1 }
        while upper > lower && bytes[upper - 1] <= 0x20 { upper -= 1 }
        return lower..<upper
    }

    /// A String made straight from a run of the input's bytes.
    @inline(__always)
    func text(in range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// A value of unquoted text: rare in bodies, so kept out of line and out of the way of
    /// `readValue`'s usual cases.
    @inline(never)
    mutating func readUnquotedValue(_ stops: Stops) -> JSONValue {
        .string(readUnquoted(stops))
    }

    mutating func readUnquoted(_ stops: Stops) -> String {
        let start = position
        skipUnquoted(stops)
        return trimmedText(from: start, to: position)
    }

    /// Unquoted text starting with `n`, `f`, `t` or `N`: a literal when the whole trimmed
    /// text is one, else a string. Compared as bytes, so a literal makes no String.
    @inline(never)
    mutating func readWord(_ stops: Stops) -> JSONValue {
        let start = position
        skipUnquoted(stops)
        let range = trimmedRange(from: start, to: position)
        if spells(range, "null") { return .null }
        if spells(range, "false") { return .bool(false) }
        if spells(range, "true") { return .bool(true) }
        if spells(range, "NaN") { return .double(.nan) }
        return .string(text(in: range))
    }

    @inline(__always)
    func spells(_ range: Range<Int>, _ word: StaticString) -> Bool {
        guard range.count == word.utf8CodeUnitCount else { return false }
        let spelling = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for offset in 0..<range.count where bytes[range.lowerBound + offset] != spelling[offset] { return false }
        return true
    }

    /// Any byte up to U+0020 counts as space here (json-smart's `skipSpace`), not just the four.
    @inline(__always)
    mutating func skipSpace() {
        while c <= 0x20 && c != Self.endOfInput { read() }
    }

    @inline(__always)
    mutating func skipDigits() {
        while c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") { read() }
    }

    /// After a number, anything but a stop character (or a non-ASCII byte) turns it into a string.
    mutating func continuesAsText(_ stops: Stops) -> Bool {
        skipSpace()
        return c < 126 && !stops.contains(c) && c != Self.endOfInput
    }
}
