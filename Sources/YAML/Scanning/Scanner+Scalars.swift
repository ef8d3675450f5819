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
        pending.append(Token(kind: .scalar(text, style: .plain), start: start))
    }

    /// Reads a plain scalar, which may continue on following lines as long as they are
    /// indented deeper than the enclosing block and do not start a comment.
    private mutating func scanPlain() -> String {
        var result = String.UnicodeScalarView()
        let minimumColumn = indent + 1
        var separator: [Unicode.Scalar] = []
        while peek() != "#" {
            var length = 0
            while true {
                let ch = peek(length)
                if Self.isBlankOrEnd(ch) { break }
                if ch == ":" {
                    let after = peek(length + 1)
                    if Self.isBlankOrEnd(after) || (flowLevel > 0 && Self.isFlowIndicator(after)) { break }
                }
                if flowLevel > 0 && Self.isFlowIndicator(ch) { break }
                length += 1
            }
            if length == 0 { break }
            allowSimpleKey = false
            result.append(contentsOf: separator)
            result.append(contentsOf: text[index..<(index + length)])
            forward(length)
            separator = scanPlainSeparator()
            if separator.isEmpty || peek() == "#" || (flowLevel == 0 && column < minimumColumn) { break }
        }
        return String(result)
    }

    /// The whitespace after a plain chunk, folded: spaces within a line stay, one line
    /// break becomes a space, n blank lines become n line breaks. Empty means the scalar
    /// cannot go on (end of line content reached a document marker, or nothing followed).
    private mutating func scanPlainSeparator() -> [Unicode.Scalar] {
        let whitespaceStart = index
        while peek() == " " || peek() == "\t" { forward() }
        guard peek() == "\n" else { return Array(text[whitespaceStart..<index]) }
        forward()
        allowSimpleKey = true
        if atDocumentBoundary { return [] }
        var blankLines = 0
        while peek() == " " || peek() == "\t" || peek() == "\n" {
            if peek() == "\n" {
                blankLines += 1
                forward()
                if atDocumentBoundary { return [] }
            } else {
                forward()
            }
        }
        return blankLines == 0 ? [" "] : Array(repeating: "\n", count: blankLines)
    }

    // MARK: - Quoted

    mutating func fetchQuotedScalar(double: Bool) throws(YAMLError) {
        try savePossibleSimpleKey()
        allowSimpleKey = false
        let start = mark
        lastScalarStartLine = line
        let text = try scanQuoted(double: double, start: start)
        lastTokenWasJSONLike = true
        pending.append(Token(kind: .scalar(text, style: double ? .doubleQuoted : .singleQuoted), start: start))
    }

    private mutating func scanQuoted(double: Bool, start: Mark) throws(YAMLError) -> String {
        let quote = peek()
        forward()
        var result = String.UnicodeScalarView()
        while true {
            try scanQuotedText(double: double, into: &result)
            if peek() == quote && !atEnd {
                forward()
                return String(result)
            }
            try scanQuotedWhitespace(double: double, start: start, into: &result)
        }
    }

    private func unterminatedQuoteError(double: Bool, start: Mark) -> YAMLError {
        let quote = double ? "\"" : "'"
        return error(.unterminated, "unterminated quoted scalar: no closing \(quote) for the quote that opens here", at: start)
    }

    /// Copies text up to the next whitespace or closing quote, decoding `''` and escapes.
    private mutating func scanQuotedText(double: Bool, into result: inout String.UnicodeScalarView) throws(YAMLError) {
        while true {
            let ch = peek()
            if Self.isBlankOrEnd(ch) { return }
            if !double && ch == "'" {
                guard peek(1) == "'" else { return }
                result.append("'")
                forward(2)
            } else if double && ch == "\"" {
                return
            } else if double && ch == "\\" {
                try scanEscape(into: &result)
            } else {
                result.append(ch)
                forward()
            }
        }
    }

    private mutating func scanQuotedWhitespace(
        double: Bool, start: Mark, into result: inout String.UnicodeScalarView
    ) throws(YAMLError) {
        let whitespaceStart = index
        while peek() == " " || peek() == "\t" { forward() }
        if atEnd { throw unterminatedQuoteError(double: double, start: start) }
        if peek() == "\0" { throw error(.invalidSyntax, "NUL characters are not allowed in YAML") }
        guard peek() == "\n" else {
            result.append(contentsOf: text[whitespaceStart..<index])
            return
        }
        forward()
        let blankLines = try scanQuotedLineBreaks(double: double, start: start)
        if blankLines == 0 {
            result.append(" ")
        } else {
            result.append(contentsOf: repeatElement("\n", count: blankLines))
        }
    }

    /// Skips the indentation of continuation lines and counts blank lines between them.
    private mutating func scanQuotedLineBreaks(double: Bool, start: Mark) throws(YAMLError) -> Int {
        var count = 0
        while true {
            if atDocumentBoundary { throw unterminatedQuoteError(double: double, start: start) }
            while peek() == " " || peek() == "\t" { forward() }
            guard peek() == "\n" else { return count }
            forward()
            count += 1
        }
    }

    private mutating func scanEscape(into result: inout String.UnicodeScalarView) throws(YAMLError) {
        let escapeStart = mark
        forward()
        let ch = peek()
        let simple: [Unicode.Scalar: Unicode.Scalar] = [
            "0": "\0", "a": "\u{07}", "b": "\u{08}", "t": "\t", "\t": "\t", "n": "\n", "v": "\u{0B}",
            "f": "\u{0C}", "r": "\r", "e": "\u{1B}", " ": " ", "\"": "\"", "/": "/", "\\": "\\",
            "N": "\u{85}", "_": "\u{A0}", "L": "\u{2028}", "P": "\u{2029}",
        ]
        if let replacement = simple[ch] {
            result.append(replacement)
            forward()
            return
        }
        if ch == "\n" {
            // An escaped line break joins the lines with nothing between them.
            forward()
            let blankLines = try scanQuotedLineBreaks(double: true, start: escapeStart)
            result.append(contentsOf: repeatElement("\n", count: blankLines))
            return
        }
        let digitCount: Int
        switch ch {
        case "x": digitCount = 2
        case "u": digitCount = 4
        case "U": digitCount = 8
        default:
            let shown = Self.isBreakOrEnd(ch) ? "end of input" : "'\\\(ch)'"
            throw error(.invalidEscape, "unknown escape sequence \(shown) in a double-quoted scalar", at: escapeStart)
        }
        forward()
        var code = try scanHexDigits(digitCount, escapeStart: escapeStart)
        // JSON writes characters outside the Basic Multilingual Plane as surrogate pairs.
        if ch == "u", (0xD800...0xDBFF).contains(code), peek() == "\\", peek(1) == "u" {
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
        result.append(scalar)
    }

    private mutating func scanHexDigits(_ count: Int, escapeStart: Mark) throws(YAMLError) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<count {
            guard let digit = peek().properties.isASCIIHexDigit ? UInt32(String(peek()), radix: 16) : nil else {
                throw error(.invalidEscape, "expected \(count) hexadecimal digits in this escape sequence", at: escapeStart)
            }
            code = code << 4 | digit
            forward()
        }
        return code
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
        pending.append(Token(kind: .scalar(text, style: folded ? .folded : .literal), start: start))
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

        var result = String.UnicodeScalarView()
        var endedWithLineBreak = false
        while column == blockIndent && !atEnd {
            result.append(contentsOf: repeatElement("\n", count: breaks))
            let startsWithSpace = peek() == " " || peek() == "\t"
            let lineStart = index
            while !Self.isBreakOrEnd(peek()) || (peek() == "\0" && !atEnd) { forward() }
            result.append(contentsOf: text[lineStart..<index])
            endedWithLineBreak = peek() == "\n"
            if endedWithLineBreak { forward() }
            breaks = scanBlockScalarBreaks(indent: blockIndent)
            guard column == blockIndent && !atEnd else { break }
            // Folding joins two lines with a space unless either is more indented.
            if folded && endedWithLineBreak && !startsWithSpace && peek() != " " && peek() != "\t" {
                if breaks == 0 { result.append(" ") }
            } else if endedWithLineBreak {
                result.append("\n")
            }
        }
        if chomping != .strip && endedWithLineBreak { result.append("\n") }
        if chomping == .keep { result.append(contentsOf: repeatElement("\n", count: breaks)) }
        return String(result)
    }

    /// Reads `-`/`+` and an indentation digit in either order, then the rest of the line.
    private mutating func scanBlockScalarHeader() throws(YAMLError) -> (Chomping, Int?) {
        var chomping = Chomping.clip
        var increment: Int?
        for _ in 0..<2 {
            let ch = peek()
            if (ch == "+" || ch == "-") && chomping == .clip {
                chomping = ch == "+" ? .keep : .strip
                forward()
            } else if let digit = Int(String(ch)), increment == nil, ch.isASCII {
                guard digit > 0 else {
                    throw error(.invalidSyntax, "a block scalar's indentation indicator must be 1 to 9, not 0")
                }
                increment = digit
                forward()
            }
        }
        while peek() == " " || peek() == "\t" { forward() }
        if peek() == "#" {
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
        while peek() == " " || peek() == "\n" {
            if peek() == "\n" {
                breaks += 1
            }
            forward()
            if peek() != "\n" { maximumColumn = max(maximumColumn, column) }
        }
        return (breaks, maximumColumn)
    }

    /// Skips up to `indent` spaces on each following line, counting lines that are empty.
    private mutating func scanBlockScalarBreaks(indent blockIndent: Int) -> Int {
        var breaks = 0
        while column < blockIndent && peek() == " " { forward() }
        while peek() == "\n" {
            forward()
            breaks += 1
            while column < blockIndent && peek() == " " { forward() }
        }
        return breaks
    }
}
