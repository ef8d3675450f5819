import JavaLang

extension PermissiveReader {
    mutating func readNumber(_ stops: Stops) throws(JSONError) -> JSONValue {
        let start = position
        read()
        skipDigits()
        if c != UInt8(ascii: "."), c != UInt8(ascii: "e"), c != UInt8(ascii: "E") {
            if continuesAsText(stops) {
                skipUnquoted(stops)
                return .string(trimmedText(from: start, to: position))
            }
            return JSONNumber.integer(bytes[trimmedRange(from: start, to: position)])
        }
        if c == UInt8(ascii: ".") {
            read()
            skipDigits()
        }
        if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            read()
            guard c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) else {
                skipUnquoted(stops)
                return .string(trimmedText(from: start, to: position))
            }
            read()
            skipDigits()
        }
        if continuesAsText(stops) {
            skipUnquoted(stops)
            return .string(trimmedText(from: start, to: position))
        }
        let range = trimmedRange(from: start, to: position)
        if let number = JSONNumber.shortDecimal(bytes[range]) { return number }
        let text = String(decoding: bytes[range], as: UTF8.self)
        guard let number = JSONNumber.fractional(text) else {
            throw error(.invalidNumber, at: start, detail: text)
        }
        return number
    }

    /// A quoted string. Without a backslash the text between the quotes is taken as is (control
    /// characters included); with one, json-smart re-reads it escape by escape and then drops
    /// raw control characters and DEL. Reproduced because the two paths differ visibly.
    mutating func readQuoted() throws(JSONError) -> String {
        let quote = c
        guard let closing = bytes[(position + 1)...].firstIndex(of: quote) else {
            throw error(.unexpectedEndOfInput, at: bytes.count, detail: "null")
        }
        let content = bytes[(position + 1)..<closing]
        if !content.contains(UInt8(ascii: "\\")) {
            position = closing
            read()
            return String(decoding: content, as: UTF8.self)
        }
        var text = UTF16Builder()
        while true {
            read()
            switch c {
            case Self.endOfInput:
                throw error(.unexpectedEndOfInput, at: position - 1, detail: "null")
            case quote:
                read()
                return text.finish()
            case UInt8(ascii: "\\"):
                read()
                switch c {
                case UInt8(ascii: "t"): text.append(byte: 0x09)
                case UInt8(ascii: "n"): text.append(byte: 0x0A)
                case UInt8(ascii: "r"): text.append(byte: 0x0D)
                case UInt8(ascii: "f"): text.append(byte: 0x0C)
                case UInt8(ascii: "b"): text.append(byte: 0x08)
                case UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "'"), UInt8(ascii: "\""): text.append(byte: c)
                case UInt8(ascii: "u"): text.append(unit: try readHex(digits: 4))
                case UInt8(ascii: "x"): text.append(unit: try readHex(digits: 2))
                default: break // json-smart drops an unknown escape and the character after it.
                }
            case 0x00...0x1F, 0x7F:
                continue
            default:
                // Copy the run of plain bytes up to the next quote, backslash or control byte at once.
                var end = position + 1
                while end < bytes.count, Self.isPlainQuoted(bytes[end], quote: quote) { end += 1 }
                text.append(bytes: bytes[position..<end])
                position = end - 1
            }
        }
    }

    /// A byte the escape-aware loop of `readQuoted` copies as it is.
    @inline(__always)
    static func isPlainQuoted(_ byte: UInt8, quote: UInt8) -> Bool {
        byte != quote && byte != UInt8(ascii: "\\") && byte > 0x1F && byte != 0x7F
    }

    mutating func readHex(digits: Int) throws(JSONError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<digits {
            read()
            value &*= 16
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value += UInt16(c - UInt8(ascii: "0"))
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value += UInt16(c - UInt8(ascii: "A") + 10)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value += UInt16(c - UInt8(ascii: "a") + 10)
            case Self.endOfInput: throw error(.unexpectedEndOfInput, at: position, detail: "EOF")
            default: throw error(.invalidUnicodeEscape, at: position)
            }
        }
        return value
    }

    /// Builds the error json-smart raises at a byte offset; `detail` replaces the offending
    /// character in the message where json-smart prints something else ("EOF", "null", the number).
    func error(_ kind: JSONError.Kind, at offset: Int, detail: String? = nil) -> JSONError {
        let javaPosition = SourcePosition.utf16Offset(in: bytes, offset: offset)
        // Java prints the current char even when it reports the position before it.
        let found = detail ?? SourcePosition.character(in: bytes, at: position)
        let message: String
        switch kind {
        case .unexpectedCharacter: message = "Unexpected character (\(found)) at position \(javaPosition)."
        case .unexpectedToken: message = "Unexpected token \(found) at position \(javaPosition)."
        case .unexpectedEndOfInput: message = "Unexpected End Of File position \(javaPosition): \(found)"
        case .invalidUnicodeEscape: message = "Unexpected unicode escape sequence \(found) at position \(javaPosition)."
        case .tooDeep: message = "Malicious payload, having non natural depths, parsing stoped on \(found) at position \(javaPosition)."
        case .invalidNumber: message = "For input string: \"\(found)\""
        }
        let (line, column) = SourcePosition.lineAndColumn(in: bytes, offset: min(max(offset, 0), bytes.count))
        return JSONError(kind: kind, line: line, column: column, javaMessage: message)
    }
}

/// Collects a string from UTF-8 bytes and UTF-16 escapes. Java strings may hold lone
/// surrogates (`"\ud83d"`); Swift strings cannot, so each lone surrogate becomes U+FFFD.
struct UTF16Builder {
    private var bytes: [UInt8] = []
    private var pendingHigh: UInt16?

    mutating func append(byte: UInt8) {
        flushPending()
        bytes.append(byte)
    }

    mutating func append(bytes run: ArraySlice<UInt8>) {
        flushPending()
        bytes.append(contentsOf: run)
    }

    mutating func append(unit: UInt16) {
        if let high = pendingHigh, (0xDC00...0xDFFF).contains(unit) {
            pendingHigh = nil
            let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
            appendScalar(scalar)
            return
        }
        flushPending()
        if (0xD800...0xDBFF).contains(unit) {
            pendingHigh = unit
        } else {
            appendScalar((0xDC00...0xDFFF).contains(unit) ? 0xFFFD : UInt32(unit))
        }
    }

    mutating func finish() -> String {
        flushPending()
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func flushPending() {
        if pendingHigh != nil {
            pendingHigh = nil
            appendScalar(0xFFFD)
        }
    }

    private mutating func appendScalar(_ value: UInt32) {
        guard let scalar = Unicode.Scalar(value) else { return }
        bytes.append(contentsOf: Array(String(Character(scalar)).utf8))
    }
}
