import JavaLang

/// One pass of `JSONTranscoder` over a text: `PermissiveReader`'s grammar, writing what
/// `JSONWriter` would write for each value as soon as it is read.
///
/// The loops for objects and arrays are those of `PermissiveReader.readObject` / `readArray`,
/// and numbers, literals and strings are read by the reader's own functions, so where this
/// writes anything it reads exactly as the parser does. It gives up (`.unsupported`) on
/// everything else: any input the parser rejects (the parser then reports it, with its own
/// message), a top level that is not an object or array, unquoted or single-quoted text,
/// text that starts like a number or literal but goes on, and a duplicate key — the tree
/// keeps the first key's place with the last value, which a single pass cannot write.
struct TranscodingPass: ~Copyable {
    var reader: PermissiveReader
    var output: CompactOutput
    /// The keys of every object still open, innermost last, to notice a repeated key.
    private var openKeys: [String] = []

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int, output: CompactOutput) {
        reader = PermissiveReader(bytes: bytes, maxDepth: maxDepth)
        self.output = output
        // Room for a typical body's keys at once: growing from empty reallocated at the
        // first, second and fourth key, about 350 instructions a key on a small body.
        openKeys.reserveCapacity(16)
    }

    /// `PermissiveReader.parseDocument`; text after the top-level value is ignored there too.
    mutating func transcodeDocument() throws(TranscodingStop) {
        reader.read()
        while true {
            switch reader.c {
            case 0x20, 0x0D, 0x0A, 0x09:
                reader.read()
            case UInt8(ascii: "{"):
                try transcodeObject()
                return
            case UInt8(ascii: "["):
                try transcodeArray()
                return
            default:
                throw .unsupported
            }
        }
    }

    /// `PermissiveReader.readValue` below the top level.
    private mutating func transcodeValue(_ stops: PermissiveReader.Stops) throws(TranscodingStop) {
        while true {
            switch reader.c {
            case 0x20, 0x0D, 0x0A, 0x09:
                reader.read()
            case UInt8(ascii: "{"):
                return try transcodeObject()
            case UInt8(ascii: "["):
                return try transcodeArray()
            case UInt8(ascii: "\""):
                return try transcodeString()
            case UInt8(ascii: "n"), UInt8(ascii: "f"), UInt8(ascii: "t"), UInt8(ascii: "N"):
                return try write(scalar: reader.readWord(stops))
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                let start = reader.position
                let number: JSONValue
                do { number = try reader.readNumber(stops) } catch { throw .unsupported }
                if case .double(let value) = number {
                    let spelling = reader.slice(start..<min(reader.position, reader.count))
                    if JavaDoubleSpelling.isJavaSpelling(spelling, of: value) { return output.append(JavaDoubleSpelling.trimmed(spelling)) }
                }
                return try write(scalar: number)
            default:
                // `:`, `}`, `]` and the end fail in the parser; `'` and anything else is
                // quoted or unquoted text this pass leaves to it.
                throw .unsupported
            }
        }
    }

    private mutating func transcodeObject() throws(TranscodingStop) {
        do { try reader.enter() } catch { throw .unsupported }
        output.append(UInt8(ascii: "{"))
        let keyBase = openKeys.count
        var keyIndex: Set<JavaStringKey>?
        var isFirst = true
        while true {
            reader.read()
            switch reader.c {
            case 0x20, 0x0D, 0x0A, 0x09, UInt8(ascii: ","):
                continue
            case UInt8(ascii: "}"):
                return closeObject(keyBase: keyBase)
            case UInt8(ascii: "\""):
                let key: String
                do { key = try reader.readKey() } catch { throw .unsupported }
                try remember(key, keyBase: keyBase, index: &keyIndex)
                if !isFirst { output.append(UInt8(ascii: ",")) }
                isFirst = false
                output.appendQuoted(key)
                output.append(UInt8(ascii: ":"))
                reader.skipSpace()
                guard reader.c == UInt8(ascii: ":") else { throw .unsupported }
                reader.position += 1
                guard reader.position < reader.count else { throw .unsupported }
                reader.c = reader.bytes[reader.position]
                try transcodeValue(.objectValue)
                if output.isFull { throw .outputFull }
                reader.skipSpace()
                if reader.c == UInt8(ascii: "}") { return closeObject(keyBase: keyBase) }
                guard reader.c == UInt8(ascii: ",") else { throw .unsupported }
            default:
                // `:`, `]`, `[`, `{` and the end fail in the parser; other keys are unquoted
                // or single-quoted.
                throw .unsupported
            }
        }
    }

    private mutating func closeObject(keyBase: Int) {
        reader.depth -= 1
        reader.read()
        output.append(UInt8(ascii: "}"))
        openKeys.removeSubrange(keyBase...)
    }

    /// Records a key of the object whose keys start at `keyBase`, or gives up on a repeat.
    /// Compared byte for byte, as the parser's objects compare them (canonically equivalent
    /// spellings are two keys, as in Java). Past `JSONObject.parsedIndexThreshold` keys a set
    /// replaces the linear search, as the parser's key index does.
    private mutating func remember(_ key: String, keyBase: Int, index: inout Set<JavaStringKey>?) throws(TranscodingStop) {
        if index != nil {
            guard index!.insert(JavaStringKey(key)).inserted else { throw .unsupported }
            return
        }
        for position in keyBase..<openKeys.count where openKeys[position].javaEquals(key) { throw .unsupported }
        openKeys.append(key)
        if openKeys.count - keyBase > JSONObject.parsedIndexThreshold {
            index = Set(openKeys[keyBase...].map(JavaStringKey.init))
            openKeys.removeSubrange(keyBase...)
        }
    }

    private mutating func transcodeArray() throws(TranscodingStop) {
        do { try reader.enter() } catch { throw .unsupported }
        output.append(UInt8(ascii: "["))
        var isFirst = true
        reader.read()
        while true {
            switch reader.c {
            case 0x20, 0x0D, 0x0A, 0x09, UInt8(ascii: ","):
                reader.read()
            case UInt8(ascii: "]"):
                reader.depth -= 1
                reader.read()
                output.append(UInt8(ascii: "]"))
                return
            case UInt8(ascii: ":"), UInt8(ascii: "}"), PermissiveReader.endOfInput:
                throw .unsupported
            default:
                // Elements need no comma between them (`[{}{}]` reads as two), but the output has one.
                if !isFirst { output.append(UInt8(ascii: ",")) }
                isFirst = false
                try transcodeValue(.arrayValue)
                if output.isFull { throw .outputFull }
            }
        }
    }

    /// A double-quoted string, read by the parser's own `scanQuoted`.
    private mutating func transcodeString() throws(TranscodingStop) {
        let text: PermissiveReader.QuotedText
        do { text = try reader.scanQuoted() } catch { throw .unsupported }
        switch text {
        case .verbatim(let range):
            output.appendQuoted(reader.slice(range))
        case .unescaped where reader.unescaped.mayBeInvalid:
            // The String repairs the bytes exactly as the parser's String does.
            output.appendQuoted(reader.unescaped.finish())
        case .unescaped:
            var written = output
            reader.unescaped.withFinishedBytes { written.appendQuoted($0) }
            output = written
        }
    }

    /// A number or literal as `JSONWriter.write` prints it.
    private mutating func write(scalar value: JSONValue) throws(TranscodingStop) {
        switch value {
        case .null: output.append("null")
        case .bool(let flag): output.append(flag ? "true" : "false")
        case .integer(let number): output.append(integer: number)
        case .bigInteger, .double, .bigDecimal: output.append(JSONWriter().string(value))
        // Number-like or literal-like text that goes on: an unquoted string.
        case .string, .array, .object: throw .unsupported
        }
    }
}
