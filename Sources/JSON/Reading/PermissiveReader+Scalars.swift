import JavaLang

extension PermissiveReader {
    mutating func readNumber(_ stops: Stops) throws(JSONError) -> JSONValue {
        if let number = readPlainNumber(stops) { return number }
        return try readOtherNumber(stops)
    }

    /// Any number `readPlainNumber` declined, or the string that text starting like one is.
    mutating func readOtherNumber(_ stops: Stops) throws(JSONError) -> JSONValue {
        let start = position
        read()
        skipDigits()
        if c != UInt8(ascii: "."), c != UInt8(ascii: "e"), c != UInt8(ascii: "E") {
            if continuesAsText(stops) {
                skipUnquoted(stops)
                return .string(trimmedText(from: start, to: position))
            }
            return JSONNumber.integer(slice(trimmedRange(from: start, to: position)))
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
        if let number = JSONNumber.shortDecimal(slice(range)) { return number }
        let text = text(in: range)
        guard let number = JSONNumber.fractional(text) else {
            throw error(.invalidNumber, at: start, detail: text)
        }
        return number
    }

    /// The numbers bodies are made of, in one pass: `-`?digits, optionally `.`digits, short
    /// enough to be a `long` or an exact `double`, and directly followed by the end of the value.
    /// Nil for anything else (spaces, exponents, long or odd numbers, text), with nothing
    /// consumed: `readOtherNumber` then starts over on the general path, which gives the same value
    /// for everything accepted here.
    @inline(__always)
    mutating func readPlainNumber(_ stops: Stops) -> JSONValue? {
        let start = position
        let negative = c == UInt8(ascii: "-")
        var index = negative ? start + 1 : start
        var mantissa = 0
        let integerStart = index
        while index < count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            mantissa = mantissa &* 10 &+ Int(digit)
            index += 1
        }
        let integerDigits = index - integerStart
        guard integerDigits > 0 else { return nil }
        var fractionDigits = -1
        if index < count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { break }
                mantissa = mantissa &* 10 &+ Int(digit)
                index += 1
            }
            fractionDigits = index - fractionStart
        }
        guard index == count || stops.contains(bytes[index]) else { return nil }
        let value: JSONValue
        if fractionDigits < 0 {
            // Fewer than 19 digits always fit; `JSONNumber.integer` decides the rest.
            guard integerDigits < 19 else { return nil }
            value = .integer(negative ? -mantissa : mantissa)
        } else {
            // `JSONNumber.shortDecimal`'s limits: at most 18 characters and 15 digits.
            guard index - start <= 18, integerDigits + fractionDigits <= 15 else { return nil }
            value = JSONNumber.exactDecimal(mantissa, fractionDigits: fractionDigits, negative: negative)
        }
        position = index
        c = index < count ? bytes[index] : Self.endOfInput
        return value
    }

    @inline(__always)
    func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[range])
    }

    /// A quoted string. Without a backslash before the first quote byte, the text between the
    /// quotes is taken as is (control characters included); with one, json-smart re-reads it
    /// escape by escape and then drops raw control characters and DEL. Reproduced because the
    /// two paths differ visibly.
    mutating func readQuoted() throws(JSONError) -> String {
        switch try scanQuoted() {
        case .verbatim(let range): return text(in: range)
        case .unescaped: return unescaped.finish()
        }
    }

    /// Where the text of a quoted string ended up once it has been read.
    enum QuotedText {
        /// The text is these input bytes, unchanged.
        case verbatim(Range<Int>)
        /// The text had escapes; it is in `unescaped`, decoded.
        case unescaped
    }

    /// `readQuoted` without making a String, so the transcoder can copy the text straight to
    /// its output; both share this one reading, so they cannot disagree about a string.
    @inline(__always)
    mutating func scanQuoted() throws(JSONError) -> QuotedText {
        let quote = c
        let opening = position
        let start = opening + 1
        // One scan finds the end of a plain string or the first escape of one without control
        // bytes, the usual cases; a control byte or no end sends it the long way round.
        let stop = QuotedScan.endOfPlainRun(in: bytes, from: start, quote: quote)
        if stop < count && bytes[stop] == quote {
            position = stop
            read()
            return .verbatim(start..<stop)
        }
        unescaped.removeAll()
        if stop < count && bytes[stop] == UInt8(ascii: "\\") {
            unescaped.append(bytes: slice(start..<stop))
            try readEscaped(quote: quote, opening: opening, from: stop)
            return .unescaped
        }
        return try scanQuotedWithControls(quote: quote, opening: opening)
    }

    /// `scanQuoted` for a string with a control byte or DEL before its first quote or escape,
    /// or with no end: rare, so kept out of line and out of the way of the usual strings.
    @inline(never)
    private mutating func scanQuotedWithControls(quote: UInt8, opening: Int) throws(JSONError) -> QuotedText {
        let start = opening + 1
        guard let first = QuotedScan.firstQuoteOrBackslash(in: bytes, from: start, quote: quote) else {
            throw error(.unexpectedEndOfInput, at: count, detail: "null")
        }
        if bytes[first] == quote {
            position = first
            read()
            return .verbatim(start..<first)
        }
        try readEscaped(quote: quote, opening: opening, from: start)
        return .unescaped
    }

    /// The escape-aware reading of a quoted string, from `index` inside it (the bytes before it
    /// already in `unescaped`), into `unescaped`. Works on a local index and sets `position` and
    /// `c` only where it stops; `position` is where json-smart's reader would be, for the error messages.
    private mutating func readEscaped(quote: UInt8, opening: Int, from start: Int) throws(JSONError) {
        var index = start
        while true {
            // Past the end, and a literal U+001A, read as json-smart's EOI.
            let byte = index < count ? bytes[index] : Self.endOfInput
            // Escapes first: this loop meets nothing else so often.
            switch byte {
            case UInt8(ascii: "\\"):
                index += 1
                let escaped = index < count ? bytes[index] : Self.endOfInput
                switch escaped {
                case UInt8(ascii: "t"): unescaped.append(byte: 0x09)
                case UInt8(ascii: "n"): unescaped.append(byte: 0x0A)
                case UInt8(ascii: "r"): unescaped.append(byte: 0x0D)
                case UInt8(ascii: "f"): unescaped.append(byte: 0x0C)
                case UInt8(ascii: "b"): unescaped.append(byte: 0x08)
                case UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "'"), UInt8(ascii: "\""): unescaped.append(byte: escaped)
                case UInt8(ascii: "u"):
                    unescaped.append(unit: try readHex(digits: 4, after: index, opening: opening))
                    index += 4
                case UInt8(ascii: "x"):
                    unescaped.append(unit: try readHex(digits: 2, after: index, opening: opening))
                    index += 2
                default:
                    // json-smart drops an unknown escape and the `char` after it; here that is
                    // one byte, so the rest of a multi-byte character stays behind, invalid.
                    if escaped >= 0x80 { unescaped.markMaybeInvalid() }
                }
                index += 1
                // Text usually follows an escape; copying it here saves a turn of the loop.
                if index < count && Self.isPlainQuoted(bytes[index], quote: quote) {
                    index = unescaped.appendPlainRun(of: bytes, from: index, quote: quote)
                }
            case quote:
                position = index
                read()
                return
            case Self.endOfInput:
                position = index
                c = Self.endOfInput
                throw unterminated(after: opening) ?? error(.unexpectedEndOfInput, at: index - 1, detail: "null")
            case 0x00...0x1F, 0x7F:
                index += 1
            default:
                index = unescaped.appendPlainRun(of: bytes, from: index, quote: quote)
            }
        }
    }

    /// A byte the escape-aware loop of `readQuoted` copies as it is.
    @inline(__always)
    static func isPlainQuoted(_ byte: UInt8, quote: UInt8) -> Bool {
        byte != quote && byte != UInt8(ascii: "\\") && byte > 0x1F && byte != 0x7F
    }

    /// json-smart looks for a closing quote byte before it reads any escape: with none at all,
    /// the string fails at the end of the text whatever its escapes hold. Checked only once the
    /// escape loop has failed, so a good string never pays for a second scan.
    private func unterminated(after opening: Int) -> JSONError? {
        var index = opening + 1
        while index < count {
            if bytes[index] == bytes[opening] { return nil }
            index += 1
        }
        return error(.unexpectedEndOfInput, at: count, detail: "null")
    }

    /// The `digits` hex digits after offset `index` (the `u` or `x`).
    private mutating func readHex(digits: Int, after index: Int, opening: Int) throws(JSONError) -> UInt16 {
        var value: UInt16 = 0
        for offset in 1...digits {
            let digit = index + offset < count ? bytes[index + offset] : Self.endOfInput
            value &*= 16
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value += UInt16(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "A")...UInt8(ascii: "F"): value += UInt16(digit - UInt8(ascii: "A") + 10)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value += UInt16(digit - UInt8(ascii: "a") + 10)
            case Self.endOfInput:
                position = index + offset
                c = digit
                throw unterminated(after: opening) ?? error(.unexpectedEndOfInput, at: position, detail: "EOF")
            default:
                position = index + offset
                c = digit
                throw unterminated(after: opening) ?? error(.invalidUnicodeEscape, at: position)
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
        let (line, column) = SourcePosition.lineAndColumn(in: bytes, offset: min(max(offset, 0), count))
        return JSONError(kind: kind, line: line, column: column, javaMessage: message)
    }
}
