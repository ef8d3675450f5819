/// Scalars: plain, single- and double-quoted, and `|` / `>` block scalars, each with
/// YAML's line folding (a single line break becomes a space, blank lines become breaks).
extension Scanner {
    // MARK: - Plain

    mutating func fetchPlainScalar() throws(YAMLError) {
        try savePossibleSimpleKey()
        allowSimpleKey = false
        let start = mark
        lastScalarStartLine = line
        let text = scanPlain()
        pending.append(Token(kind: .scalar, start: start, text: text))
    }

    /// Reads a plain scalar, which may continue on following lines as long as they are
    /// indented deeper than the enclosing block and do not start a comment.
    private mutating func scanPlain() -> String {
        let minimumColumn = indent + 1
        // Most plain scalars are one chunk, which becomes a String without a copy in between.
        var firstChunk = index..<index
        var folded: [UInt8]?
        var separator = PlainSeparator.end
        while peek() != UInt8(ascii: "#") {
            let chunk = index..<plainChunkEnd()
            if chunk.isEmpty { break }
            allowSimpleKey = false
            if firstChunk.isEmpty {
                firstChunk = chunk
            } else {
                if folded == nil { folded = Array(text[firstChunk]) }
                separator.append(to: &folded!, from: text)
                folded!.append(contentsOf: text[chunk])
            }
            forwardWithinLine(to: chunk.upperBound)
            separator = scanPlainSeparator()
            if case .end = separator { break }
            if peek() == UInt8(ascii: "#") || (flowLevel == 0 && column < minimumColumn) { break }
        }
        if let folded { return String(decoding: folded, as: UTF8.self) }
        return string(firstChunk)
    }

    /// Where the plain text starting here stops: at a blank, a `: `, or in flow context
    /// a flow indicator (or a `:` before one). Never past the end of the line.
    private func plainChunkEnd() -> Int {
        let inFlow = flowLevel > 0
        var end = index
        while end < text.count {
            let ch = text[end]
            if Self.isBlankOrEnd(ch) { break }
            if ch == UInt8(ascii: ":") {
                let after = end + 1 < text.count ? text[end + 1] : .nul
                if Self.isBlankOrEnd(after) || (inFlow && Self.isFlowIndicator(after)) { break }
            }
            if inFlow && Self.isFlowIndicator(ch) { break }
            end += 1
        }
        return end
    }

    /// The whitespace between two chunks of a plain scalar, as it reads once folded.
    private enum PlainSeparator {
        /// The scalar cannot go on: nothing followed, or a document marker did.
        case end
        /// Spaces and tabs within a line, which stay as written.
        case spaces(Range<Int>)
        /// One line break becomes a space; n blank lines become n line breaks.
        case lineBreaks(blankLines: Int)

        func append(to result: inout [UInt8], from text: [UInt8]) {
            switch self {
            case .end: break
            case .spaces(let range): result.append(contentsOf: text[range])
            case .lineBreaks(0): result.append(.space)
            case .lineBreaks(let blankLines): result.append(contentsOf: repeatElement(.lineFeed, count: blankLines))
            }
        }
    }

    /// Skips the whitespace after a plain chunk.
    private mutating func scanPlainSeparator() -> PlainSeparator {
        let whitespaceStart = index
        while peek() == .space || peek() == .tab { forward() }
        guard peek() == .lineFeed else { return index > whitespaceStart ? .spaces(whitespaceStart..<index) : .end }
        forward()
        allowSimpleKey = true
        if atDocumentBoundary { return .end }
        var blankLines = 0
        while peek() == .space || peek() == .tab || peek() == .lineFeed {
            if peek() == .lineFeed {
                blankLines += 1
                forward()
                if atDocumentBoundary { return .end }
            } else {
                forward()
            }
        }
        return .lineBreaks(blankLines: blankLines)
    }

    // MARK: - Quoted

    mutating func fetchQuotedScalar(double: Bool) throws(YAMLError) {
        try savePossibleSimpleKey()
        allowSimpleKey = false
        let start = mark
        lastScalarStartLine = line
        let text = try scanQuoted(double: double, start: start)
        lastTokenWasJSONLike = true
        pending.append(Token(kind: .scalar, start: start, text: text, style: double ? .doubleQuoted : .singleQuoted))
    }

    private mutating func scanQuoted(double: Bool, start: Mark) throws(YAMLError) -> String {
        let quote = peek()
        forward()
        var result: [UInt8] = []
        while true {
            try scanQuotedText(double: double, into: &result)
            if peek() == quote && !atEnd {
                forward()
                return String(decoding: result, as: UTF8.self)
            }
            try scanQuotedWhitespace(double: double, start: start, into: &result)
        }
    }

    private func unterminatedQuoteError(double: Bool, start: Mark) -> YAMLError {
        let quote = double ? "\"" : "'"
        return error(.unterminated, "unterminated quoted scalar: no closing \(quote) for the quote that opens here", at: start)
    }

    /// Copies text up to the next whitespace or closing quote, decoding `''` and escapes.
    private mutating func scanQuotedText(double: Bool, into result: inout [UInt8]) throws(YAMLError) {
        let quote = double ? UInt8(ascii: "\"") : UInt8(ascii: "'")
        while true {
            var end = index
            while end < text.count {
                let ch = text[end]
                if Self.isBlankOrEnd(ch) || ch == quote || (double && ch == UInt8(ascii: "\\")) { break }
                end += 1
            }
            result.append(contentsOf: text[index..<end])
            forwardWithinLine(to: end)
            let ch = peek()
            if !double && ch == quote {
                guard peek(1) == quote else { return }
                result.append(quote)
                forward(2)
            } else if double && ch == UInt8(ascii: "\\") {
                try scanEscape(into: &result)
            } else {
                return
            }
        }
    }

    private mutating func scanQuotedWhitespace(double: Bool, start: Mark, into result: inout [UInt8]) throws(YAMLError) {
        let whitespaceStart = index
        while peek() == .space || peek() == .tab { forward() }
        if atEnd { throw unterminatedQuoteError(double: double, start: start) }
        if peek() == .nul { throw error(.invalidSyntax, "NUL characters are not allowed in YAML") }
        guard peek() == .lineFeed else {
            result.append(contentsOf: text[whitespaceStart..<index])
            return
        }
        forward()
        let blankLines = try scanQuotedLineBreaks(double: double, start: start)
        if blankLines == 0 {
            result.append(.space)
        } else {
            result.append(contentsOf: repeatElement(.lineFeed, count: blankLines))
        }
    }

    /// Skips the indentation of continuation lines and counts blank lines between them.
    private mutating func scanQuotedLineBreaks(double: Bool, start: Mark) throws(YAMLError) -> Int {
        var count = 0
        while true {
            if atDocumentBoundary { throw unterminatedQuoteError(double: double, start: start) }
            while peek() == .space || peek() == .tab { forward() }
            guard peek() == .lineFeed else { return count }
            forward()
            count += 1
        }
    }

    /// What a one-character escape such as `\n` stands for.
    private static func simpleEscape(_ ch: UInt8) -> Unicode.Scalar? {
        switch ch {
        case UInt8(ascii: "0"): "\0"
        case UInt8(ascii: "a"): "\u{07}"
        case UInt8(ascii: "b"): "\u{08}"
        case UInt8(ascii: "t"), .tab: "\t"
        case UInt8(ascii: "n"): "\n"
        case UInt8(ascii: "v"): "\u{0B}"
        case UInt8(ascii: "f"): "\u{0C}"
        case UInt8(ascii: "r"): "\r"
        case UInt8(ascii: "e"): "\u{1B}"
        case .space: " "
        case UInt8(ascii: "\""): "\""
        case UInt8(ascii: "/"): "/"
        case UInt8(ascii: "\\"): "\\"
        case UInt8(ascii: "N"): "\u{85}"
        case UInt8(ascii: "_"): "\u{A0}"
        case UInt8(ascii: "L"): "\u{2028}"
        case UInt8(ascii: "P"): "\u{2029}"
        default: nil
        }
    }

    private mutating func scanEscape(into result: inout [UInt8]) throws(YAMLError) {
        let escapeStart = mark
        forward()
        let ch = peek()
        if let replacement = Self.simpleEscape(ch) {
            UTF8.encode(replacement) { result.append($0) }
            forward()
            return
        }
        if ch == .lineFeed {
            // An escaped line break joins the lines with nothing between them.
            forward()
            let blankLines = try scanQuotedLineBreaks(double: true, start: escapeStart)
            result.append(contentsOf: repeatElement(.lineFeed, count: blankLines))
            return
        }
        let digitCount: Int
        switch ch {
        case UInt8(ascii: "x"): digitCount = 2
        case UInt8(ascii: "u"): digitCount = 4
        case UInt8(ascii: "U"): digitCount = 8
        default:
            let shown = Self.isBreakOrEnd(ch) ? "end of input" : "'\\\(currentScalar)'"
            throw error(.invalidEscape, "unknown escape sequence \(shown) in a double-quoted scalar", at: escapeStart)
        }
        forward()
        var code = try scanHexDigits(digitCount, escapeStart: escapeStart)
        // JSON writes characters outside the Basic Multilingual Plane as surrogate pairs.
        if ch == UInt8(ascii: "u"), (0xD800...0xDBFF).contains(code), peek() == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u") {
            let lowStart = index
            let lowMark = mark
            forward(2)
            let low = try scanHexDigits(4, escapeStart: lowMark)
            if (0xDC00...0xDFFF).contains(low) {
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else {
                // Not a pair after all; leave the second escape to be reported on its own.
                while index > lowStart { backUp() }
            }
        }
        guard let scalar = Unicode.Scalar(code) else {
            throw error(.invalidEscape, "escape sequence does not name a Unicode character", at: escapeStart)
        }
        UTF8.encode(scalar) { result.append($0) }
    }

    private mutating func scanHexDigits(_ count: Int, escapeStart: Mark) throws(YAMLError) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<count {
            guard let digit = Self.hexDigitValue(peek()) else {
                throw error(.invalidEscape, "expected \(count) hexadecimal digits in this escape sequence", at: escapeStart)
            }
            code = code << 4 | digit
            forward()
        }
        return code
    }

    private static func hexDigitValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// Steps back one character within a line (used only to undo a look-ahead).
    private mutating func backUp() {
        index -= 1
        column -= 1
    }

    // MARK: - Block

    mutating func fetchBlockScalar(folded: Bool) throws(YAMLError) {
        allowSimpleKey = true
        try removePossibleSimpleKey()
        let start = mark
        lastScalarStartLine = line
        let text = try scanBlockScalar(folded: folded)
        pending.append(Token(kind: .scalar, start: start, text: text, style: folded ? .folded : .literal))
    }

    private enum Chomping { case strip, clip, keep }

    private mutating func scanBlockScalar(folded: Bool) throws(YAMLError) -> String {
        forward()
        let (chomping, increment) = try scanBlockScalarHeader()
        let minimumIndent = max(indent + 1, 1)
        var blockIndent: Int
        var breaks: Int
        if let increment {
            blockIndent = minimumIndent + increment - 1
            breaks = scanBlockScalarBreaks(indent: blockIndent)
        } else {
            let detected = scanBlockScalarIndentation()
            breaks = detected.breaks
            blockIndent = max(minimumIndent, detected.maximumColumn)
        }

        var result: [UInt8] = []
        var endedWithLineBreak = false
        while column == blockIndent && !atEnd {
            result.append(contentsOf: repeatElement(.lineFeed, count: breaks))
            let startsWithSpace = peek() == .space || peek() == .tab
            let lineStart = index
            var lineEnd = index
            while lineEnd < text.count && text[lineEnd] != .lineFeed { lineEnd += 1 }
            forwardWithinLine(to: lineEnd)
            result.append(contentsOf: text[lineStart..<index])
            endedWithLineBreak = peek() == .lineFeed
            if endedWithLineBreak { forward() }
            breaks = scanBlockScalarBreaks(indent: blockIndent)
            guard column == blockIndent && !atEnd else { break }
            // Folding joins two lines with a space unless either is more indented.
            if folded && endedWithLineBreak && !startsWithSpace && peek() != .space && peek() != .tab {
                if breaks == 0 { result.append(.space) }
            } else if endedWithLineBreak {
                result.append(.lineFeed)
            }
        }
        if chomping != .strip && endedWithLineBreak { result.append(.lineFeed) }
        if chomping == .keep { result.append(contentsOf: repeatElement(.lineFeed, count: breaks)) }
        return String(decoding: result, as: UTF8.self)
    }

    /// Reads `-`/`+` and an indentation digit in either order, then the rest of the line.
    private mutating func scanBlockScalarHeader() throws(YAMLError) -> (Chomping, Int?) {
        var chomping = Chomping.clip
        var increment: Int?
        for _ in 0..<2 {
            let ch = peek()
            if (ch == UInt8(ascii: "+") || ch == UInt8(ascii: "-")) && chomping == .clip {
                chomping = ch == UInt8(ascii: "+") ? .keep : .strip
                forward()
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(ch), increment == nil {
                let digit = Int(ch - UInt8(ascii: "0"))
                guard digit > 0 else {
                    throw error(.invalidSyntax, "a block scalar's indentation indicator must be 1 to 9, not 0")
                }
                increment = digit
                forward()
            }
        }
        while peek() == .space || peek() == .tab { forward() }
        if peek() == UInt8(ascii: "#") {
            while !Self.isBreakOrEnd(peek()) { forward() }
        }
        guard Self.isBreakOrEnd(peek()) else {
            throw error(
                .invalidSyntax,
                "expected a line break after the block scalar header (only '-', '+', a digit or a comment may follow '|' or '>')")
        }
        forward()
        return (chomping, increment)
    }

    /// Skips leading blank lines and finds the content's indentation: the deepest
    /// column reached before the first non-space character.
    private mutating func scanBlockScalarIndentation() -> (breaks: Int, maximumColumn: Int) {
        var breaks = 0
        var maximumColumn = 0
        while peek() == .space || peek() == .lineFeed {
            if peek() == .lineFeed {
                breaks += 1
            }
            forward()
            if peek() != .lineFeed { maximumColumn = max(maximumColumn, column) }
        }
        return (breaks, maximumColumn)
    }

    /// Skips up to `indent` spaces on each following line, counting lines that are empty.
    private mutating func scanBlockScalarBreaks(indent blockIndent: Int) -> Int {
        var breaks = 0
        while column < blockIndent && peek() == .space { forward() }
        while peek() == .lineFeed {
            forward()
            breaks += 1
            while column < blockIndent && peek() == .space { forward() }
        }
        return breaks
    }
}
