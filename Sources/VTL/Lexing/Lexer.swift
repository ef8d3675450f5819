/// Turns template text into tokens, switching lexical states as Velocity 1.7's lexer does:
/// text, reference chains (`$a.b[0].c(...)`), and expressions inside parentheses, brackets and braces.
struct Lexer {
    private enum Mode: Equatable {
        case text
        /// After `$name`: `.name`, `.name(`, `[` continue the chain; braced ones end at `}`.
        case reference(braced: Bool)
        /// Inside `(`, `[` or `{` until the matching closer; `directive` marks a directive's own parentheses.
        case expression(closer: UInt8, directive: Bool)
    }

    private let source: SourceText
    /// The bytes being lexed, borrowed for the duration of `tokenize`: indexing a buffer
    /// skips the array's uniqueness and bounds bookkeeping on every byte.
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Added to every token offset, so tokens of a string literal's contents point into the template.
    private let baseOffset: Int
    private var position = 0
    private var modes: [Mode] = [.text]
    private var tokens: [Token] = []
    /// Text not yet emitted, so adjacent pieces merge without rebuilding a string per piece.
    private var pendingText = PendingText()

    private init(source: SourceText, bytes: UnsafeBufferPointer<UInt8>, baseOffset: Int) {
        self.source = source
        self.bytes = bytes
        self.baseOffset = baseOffset
        // Real templates average well over eight bytes a token; this avoids most regrowth.
        tokens.reserveCapacity(bytes.count / 8 + 4)
    }

    /// All tokens of a template, ending with `.endOfInput`.
    static func tokenize(_ source: SourceText) throws(VTLError) -> [Token] {
        try tokenize(source.bytes, at: 0, in: source)
    }

    /// Tokens of text embedded in a template (a double-quoted string's contents) starting at `offset`.
    static func tokenize(_ text: [UInt8], at offset: Int, in source: SourceText) throws(VTLError) -> [Token] {
        try text.withUnsafeBufferPointer { (buffer) throws(VTLError) -> [Token] in
            var lexer = Lexer(source: source, bytes: buffer, baseOffset: offset)
            return try lexer.run()
        }
    }

    /// Directives whose name is followed by parenthesised arguments:
    /// `set`, `if`, `elseif`, `foreach`, `define`, `macro`, `evaluate`, `include`, `parse`.
    static func takesArguments(_ name: String) -> Bool {
        switch name.utf8.count {
        case 2: name == "if"
        case 3: name == "set"
        case 5: name == "macro" || name == "parse"
        case 6: name == "elseif" || name == "define"
        case 7: name == "foreach" || name == "include"
        case 8: name == "evaluate"
        default: false
        }
    }

    /// The built-in directive spelled by `name`, as a literal: the common names then cost no
    /// string building (and no allocation) per directive.
    private static func knownDirective(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        func spells(_ literal: StaticString) -> Bool {
            literal.withUTF8Buffer { name.elementsEqual($0) }
        }
        switch name.count {
        case 2: return spells("if") ? "if" : nil
        case 3: return spells("set") ? "set" : spells("end") ? "end" : nil
        case 4: return spells("else") ? "else" : spells("stop") ? "stop" : nil
        case 5: return spells("break") ? "break" : nil
        case 6: return spells("elseif") ? "elseif" : spells("define") ? "define" : nil
        case 7: return spells("foreach") ? "foreach" : nil
        default: return nil
        }
    }

    /// `else`, `end` and `stop`.
    static func takesNoArguments(_ name: String) -> Bool {
        switch name.utf8.count {
        case 3: name == "end"
        case 4: name == "else" || name == "stop"
        default: false
        }
    }

    private mutating func run() throws(VTLError) -> [Token] {
        while position < bytes.count {
            switch modes.last! {
            case .text: try lexText()
            case .reference(let braced): lexReferenceContinuation(braced: braced)
            case .expression(let closer, let directive): try lexExpression(closer: closer, directive: directive)
            }
        }
        switch modes.last! {
        case .text, .reference(braced: false):
            break
        case .reference(braced: true):
            throw error("unclosed '${': expected '}'", at: openerOffset())
        case .expression(let closer, _):
            throw error("expected '\(Character(Unicode.Scalar(closer)))' before the end of the template", at: openerOffset())
        }
        emit(.endOfInput, from: position, to: position)
        return tokens
    }

    // MARK: Text

    private mutating func lexText() throws(VTLError) {
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "#"):
            try lexHash()
        case UInt8(ascii: "$"):
            if let length = referenceStartLength(at: position) {
                startReference(at: position, length: length)
            } else if baseOffset == 0 && (position == bytes.count - 1 || (position == bytes.count - 2 && bytes[position + 1] == UInt8(ascii: "!"))) {
                // Velocity 1.7 rejects a template whose last characters are a lone `$` or `$!`.
                throw error("a '$' cannot end the template", at: position)
            } else if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "!") {
                // Velocity drops the `!` of a `$!` that starts no reference.
                appendText("$", from: position, to: position + 2)
                position += 2
            } else {
                appendText(from: position, to: position + 1)
            }
        case UInt8(ascii: "\\"):
            lexBackslashes()
        default:
            lexTextRun()
        }
    }

    /// A run of plain text. Velocity's `#set` token includes the spaces before it, so where a new
    /// token starts (not after text), indentation before `#set` disappears.
    private mutating func lexTextRun() {
        let start = position
        if !previousTokenIsText, let setStart = setDirectiveAfterWhitespace(at: position) {
            position = setStart
            if setStart > start { emit(.comment, from: start, to: setStart) }
            return
        }
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "#") || byte == UInt8(ascii: "$") || byte == UInt8(ascii: "\\") { break }
            position += 1
        }
        appendText(from: start, to: position)
    }

    private func setDirectiveAfterWhitespace(at offset: Int) -> Int? {
        var index = offset
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        guard index > offset, index < bytes.count, bytes[index] == UInt8(ascii: "#") else { return nil }
        // `#set`, `#{set}`, not `#setting`: compare bytes rather than build the name.
        var name = index + 1
        let braced = name < bytes.count && bytes[name] == UInt8(ascii: "{")
        if braced { name += 1 }
        guard name + 3 <= bytes.count, bytes[name] == UInt8(ascii: "s"), bytes[name + 1] == UInt8(ascii: "e"),
            bytes[name + 2] == UInt8(ascii: "t")
        else { return nil }
        let end = name + 3
        if braced { return end < bytes.count && bytes[end] == UInt8(ascii: "}") ? index : nil }
        return end < bytes.count && Lexer.isWordCharacter(bytes[end]) ? nil : index
    }

    private var previousTokenIsText: Bool {
        pendingText.isOpen
    }

    private mutating func lexHash() throws(VTLError) {
        let start = position
        if matches("#[[", at: start) {
            guard let close = find("]]#", from: start + 3) else {
                throw error("unclosed '#[[': expected ']]#'", at: start)
            }
            appendText(string(start + 3, close), from: start, to: close + 3, mergeable: false)
            position = close + 3
        } else if matches("##", at: start) {
            var index = start + 2
            while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            if index < bytes.count { index += 1 }
            emit(.comment, from: start, to: index)
            position = index
        } else if matches("#*", at: start) {
            // Velocity lets an unclosed block comment run to the end of the template.
            let end = find("*#", from: start + 2).map { $0 + 2 } ?? bytes.count
            emit(.comment, from: start, to: end)
            position = end
        } else if let (name, nameEnd, _) = directiveName(at: start) {
            lexDirective(name, start: start, nameEnd: nameEnd)
        } else {
            appendText(from: start, to: start + 1)
        }
    }

    /// `#name` or `#{name}`: the name and where it ends.
    private func directiveName(at offset: Int) -> (String, Int, Bool)? {
        var index = offset + 1
        let braced = index < bytes.count && bytes[index] == UInt8(ascii: "{")
        if braced { index += 1 }
        guard index < bytes.count, Lexer.isLetter(bytes[index]) || bytes[index] == UInt8(ascii: "_") else { return nil }
        let nameStart = index
        while index < bytes.count, Lexer.isWordCharacter(bytes[index]) { index += 1 }
        let name = Lexer.knownDirective(bytes[nameStart..<index]) ?? string(nameStart, index)
        if braced {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "}") else { return nil }
            index += 1
        }
        return (name, index, braced)
    }

    private mutating func lexDirective(_ name: String, start: Int, nameEnd: Int) {
        if Lexer.takesNoArguments(name) {
            var end = nameEnd
            if name == "else" || name == "end" { end = lineBreakAfterSpaces(from: nameEnd) ?? nameEnd }
            emit(.directive(name), from: start, to: end)
            position = end
            return
        }
        var index = nameEnd
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        let hasArguments = index < bytes.count && bytes[index] == UInt8(ascii: "(")
        if hasArguments {
            emit(.directive(name), from: start, to: nameEnd)
            emit(.leftParen, from: index, to: index + 1)
            modes.append(.expression(closer: UInt8(ascii: ")"), directive: true))
            position = index + 1
        } else if Lexer.takesArguments(name) || name == "break" {
            // The parser reports a missing parenthesis.
            emit(.directive(name), from: start, to: nameEnd)
            position = nameEnd
        } else {
            emit(.bareMacroCall(name), from: start, to: nameEnd)
            position = nameEnd
        }
    }

    private func isFollowedByParenthesis(_ offset: Int) -> Bool {
        var index = offset
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        return index < bytes.count && bytes[index] == UInt8(ascii: "(")
    }

    /// Backslashes escape a following reference (decided at render time) or directive (decided here).
    private mutating func lexBackslashes() {
        let start = position
        var index = start
        while index < bytes.count, bytes[index] == UInt8(ascii: "\\") { index += 1 }
        let count = index - start
        if index < bytes.count, bytes[index] == UInt8(ascii: "$"), referenceStartLength(at: index) != nil {
            emit(.referenceEscape(backslashes: count), from: start, to: index)
            position = index
            return
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "#"), let (name, nameEnd, _) = directiveName(at: index),
            Lexer.takesArguments(name) || Lexer.takesNoArguments(name)
                || name == "break" || isFollowedByParenthesis(nameEnd)
        {
            let kept = String(repeating: "\\", count: count / 2)
            if count % 2 == 1 {
                // An odd count: the directive is text.
                appendText(kept + string(index, nameEnd), from: start, to: nameEnd)
                position = nameEnd
            } else {
                appendText(kept, from: start, to: index)
                position = index
            }
            return
        }
        appendText(from: start, to: index)
        position = index
    }

    // MARK: References

    /// Length of `$`, `$!`, `${` or `$!{` when a reference starts at `offset`.
    private func referenceStartLength(at offset: Int) -> Int? {
        var index = offset + 1
        if index < bytes.count, bytes[index] == UInt8(ascii: "!") { index += 1 }
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "{") {
            let next = index + 1
            guard next < bytes.count, Lexer.isIdentifierStart(bytes[next]) else { return nil }
            return next - offset
        }
        return Lexer.isIdentifierStart(bytes[index]) ? index - offset : nil
    }

    private mutating func startReference(at offset: Int, length: Int) {
        let quiet = bytes[offset + 1] == UInt8(ascii: "!")
        let braced = bytes[offset + length - 1] == UInt8(ascii: "{")
        emit(.referenceStart(quiet: quiet, braced: braced), from: offset, to: offset + length)
        position = offset + length
        lexIdentifier()
        modes.append(.reference(braced: braced))
    }

    private mutating func lexIdentifier() {
        let start = position
        while position < bytes.count, Lexer.isIdentifierCharacter(bytes[position]) { position += 1 }
        emit(.identifier(string(start, position)), from: start, to: position)
    }

    private mutating func lexReferenceContinuation(braced: Bool) {
        let byte = bytes[position]
        if byte == UInt8(ascii: "."), position + 1 < bytes.count, Lexer.isIdentifierStart(bytes[position + 1]) {
            emit(.dot, from: position, to: position + 1)
            position += 1
            lexIdentifier()
            if position < bytes.count, bytes[position] == UInt8(ascii: "(") {
                emit(.leftParen, from: position, to: position + 1)
                position += 1
                modes.append(.expression(closer: UInt8(ascii: ")"), directive: false))
            }
        } else if byte == UInt8(ascii: "[") {
            emit(.leftBracket, from: position, to: position + 1)
            position += 1
            modes.append(.expression(closer: UInt8(ascii: "]"), directive: false))
        } else if braced, byte == UInt8(ascii: "}") {
            emit(.rightBrace, from: position, to: position + 1)
            position += 1
            modes.removeLast()
        } else {
            modes.removeLast()
        }
    }

    // MARK: Expressions

    private mutating func lexExpression(closer: UInt8, directive: Bool) throws(VTLError) {
        let byte = bytes[position]
        let start = position
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            position += 1
        case UInt8(ascii: "("):
            emit(.leftParen, from: start, to: start + 1)
            position += 1
            modes.append(.expression(closer: UInt8(ascii: ")"), directive: false))
        case UInt8(ascii: "["):
            emit(.leftBracket, from: start, to: start + 1)
            position += 1
            modes.append(.expression(closer: UInt8(ascii: "]"), directive: false))
        case UInt8(ascii: "{"):
            emit(.leftBrace, from: start, to: start + 1)
            position += 1
            modes.append(.expression(closer: UInt8(ascii: "}"), directive: false))
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            guard byte == closer else {
                throw error("unexpected '\(Character(Unicode.Scalar(byte)))'", at: start)
            }
            modes.removeLast()
            switch byte {
            case UInt8(ascii: ")"):
                // A directive's `)` swallows trailing spaces and one line break, as Velocity's RPAREN does.
                let end = directive ? (lineBreakAfterSpaces(from: start + 1) ?? start + 1) : start + 1
                emit(.rightParen(endsDirective: directive), from: start, to: end)
                position = end
            case UInt8(ascii: "]"):
                emit(.rightBracket, from: start, to: start + 1)
                position += 1
            default:
                emit(.rightBrace, from: start, to: start + 1)
                position += 1
            }
        case UInt8(ascii: ","): emitSingle(.comma)
        case UInt8(ascii: ":"): emitSingle(.colon)
        case UInt8(ascii: "."):
            guard matches("..", at: start) else { throw error("unexpected '.'", at: start) }
            emit(.range, from: start, to: start + 2)
            position += 2
        case UInt8(ascii: "$"):
            guard let length = referenceStartLength(at: start) else { throw error("expected a reference name after '$'", at: start) }
            startReference(at: start, length: length)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            try lexString(quote: byte)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            lexNumber(negative: false)
        case UInt8(ascii: "-") where position + 1 < bytes.count && Lexer.isDigit(bytes[position + 1]):
            // Velocity's number token includes a leading minus, so `2-1` is two numbers (a syntax error).
            lexNumber(negative: true)
        case UInt8(ascii: "="):
            if matches("==", at: start) { emitOperator(.equal, length: 2) } else { emitSingle(.assign) }
        case UInt8(ascii: "!"):
            if matches("!=", at: start) { emitOperator(.notEqual, length: 2) } else { emitOperator(.not, length: 1) }
        case UInt8(ascii: "<"):
            if matches("<=", at: start) { emitOperator(.lessOrEqual, length: 2) } else { emitOperator(.less, length: 1) }
        case UInt8(ascii: ">"):
            if matches(">=", at: start) { emitOperator(.greaterOrEqual, length: 2) } else { emitOperator(.greater, length: 1) }
        case UInt8(ascii: "&"):
            guard matches("&&", at: start) else { throw error("unexpected '&' (did you mean '&&'?)", at: start) }
            emitOperator(.and, length: 2)
        case UInt8(ascii: "|"):
            guard matches("||", at: start) else { throw error("unexpected '|' (did you mean '||'?)", at: start) }
            emitOperator(.or, length: 2)
        case UInt8(ascii: "+"): emitOperator(.plus, length: 1)
        case UInt8(ascii: "-"): emitOperator(.minus, length: 1)
        case UInt8(ascii: "*"): emitOperator(.times, length: 1)
        case UInt8(ascii: "/"): emitOperator(.divide, length: 1)
        case UInt8(ascii: "%"): emitOperator(.remainder, length: 1)
        default:
            guard Lexer.isLetter(byte) || byte == UInt8(ascii: "_") else {
                throw error("unexpected character '\(characterDescription(at: start))'", at: start)
            }
            while position < bytes.count, Lexer.isWordCharacter(bytes[position]) { position += 1 }
            emit(.word(string(start, position)), from: start, to: position)
        }
    }

    private mutating func lexNumber(negative: Bool) {
        let start = position
        if negative { position += 1 }
        while position < bytes.count, Lexer.isDigit(bytes[position]) { position += 1 }
        var isFloat = false
        if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "."), Lexer.isDigit(bytes[position + 1]) {
            isFloat = true
            position += 1
            while position < bytes.count, Lexer.isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            var index = position + 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            if index < bytes.count, Lexer.isDigit(bytes[index]) {
                isFloat = true
                position = index
                while position < bytes.count, Lexer.isDigit(bytes[position]) { position += 1 }
            }
        }
        let text = string(start, position)
        emit(isFloat ? .floatingPoint(text) : .integer(text), from: start, to: position)
    }

    /// A string literal; the quote character doubled is the only escape.
    private mutating func lexString(quote: UInt8) throws(VTLError) {
        let start = position
        var index = start + 1
        // Most literals have no doubled quote and no `\u` escape: their text is the source bytes.
        var plainEnd = index
        var mayEscape = false
        while plainEnd < bytes.count, bytes[plainEnd] != quote {
            if bytes[plainEnd] == UInt8(ascii: "\\") { mayEscape = true }
            plainEnd += 1
        }
        if plainEnd < bytes.count, plainEnd + 1 >= bytes.count || bytes[plainEnd + 1] != quote,
            quote == UInt8(ascii: "'") || !mayEscape
        {
            var interpolates = false
            if quote == UInt8(ascii: "\"") {
                for offset in index..<plainEnd where bytes[offset] == UInt8(ascii: "$") || bytes[offset] == UInt8(ascii: "#") {
                    interpolates = true
                    break
                }
            }
            emit(.string(string(index, plainEnd), interpolates: interpolates), from: start, to: plainEnd + 1)
            position = plainEnd + 1
            return
        }
        var content: [UInt8] = []
        while true {
            guard index < bytes.count else { throw error("unterminated string literal", at: start) }
            if bytes[index] == quote {
                if index + 1 < bytes.count, bytes[index + 1] == quote {
                    content.append(quote)
                    index += 2
                    continue
                }
                break
            }
            content.append(bytes[index])
            index += 1
        }
        if quote == UInt8(ascii: "\"") { content = Lexer.decodingUnicodeEscapes(content) }
        let interpolates = quote == UInt8(ascii: "\"")
            && content.contains { $0 == UInt8(ascii: "$") || $0 == UInt8(ascii: "#") }
        emit(.string(String(decoding: content, as: UTF8.self), interpolates: interpolates), from: start, to: index + 1)
        position = index + 1
    }

    /// Velocity decodes `\uXXXX` in double-quoted strings (and nothing else; `\n` stays as written).
    static func decodingUnicodeEscapes(_ content: [UInt8]) -> [UInt8] {
        guard content.contains(UInt8(ascii: "\\")) else { return content }
        var units: [UInt16] = []
        var index = 0
        let text = Array(String(decoding: content, as: UTF8.self).utf16)
        while index < text.count {
            if text[index] == 0x5C, index + 5 < text.count, text[index + 1] == 0x75,
                let value = UInt16(String(decoding: text[(index + 2)..<(index + 6)], as: UTF16.self), radix: 16)
            {
                units.append(value)
                index += 6
            } else {
                units.append(text[index])
                index += 1
            }
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    // MARK: Helpers

    private mutating func emit(_ kind: consuming TokenKind, from start: Int, to end: Int) {
        flushText()
        tokens.append(Token(kind: kind, range: (baseOffset + start)..<(baseOffset + end)))
    }

    /// The bytes `start..<end` as a string.
    private func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    private mutating func emitSingle(_ kind: TokenKind) {
        emit(kind, from: position, to: position + 1)
        position += 1
    }

    private mutating func emitOperator(_ op: Operator, length: Int) {
        emit(.operator(op), from: position, to: position + length)
        position += length
    }

    /// Text that is exactly the source bytes `start..<end`.
    private mutating func appendText(from start: Int, to end: Int) {
        if pendingText.isOpen, pendingText.end == start {
            if pendingText.unescaped != nil {
                pendingText.unescaped! += string(start, end)
            }
            pendingText.end = end
        } else {
            flushText()
            pendingText = PendingText(start: start, end: end, unescaped: nil)
        }
        position = end
    }

    /// Adjacent text merges into one token, as Velocity's greedy text token does.
    private mutating func appendText(_ text: String, from start: Int, to end: Int, mergeable: Bool = true) {
        if mergeable, pendingText.isOpen, pendingText.end == start {
            var merged = pendingText.unescaped ?? string(pendingText.start, pendingText.end)
            pendingText.unescaped = nil
            merged += text
            pendingText.unescaped = merged
            pendingText.end = end
        } else {
            flushText()
            pendingText = PendingText(start: start, end: end, unescaped: text)
        }
    }

    private mutating func flushText() {
        guard pendingText.isOpen else { return }
        let text = pendingText
        pendingText = PendingText()
        let kind = TokenKind.text(text.unescaped ?? string(text.start, text.end))
        tokens.append(Token(kind: kind, range: (baseOffset + text.start)..<(baseOffset + text.end)))
    }

    /// The end of `[ \t]*` followed by one line break, if that is what follows `offset`.
    private func lineBreakAfterSpaces(from offset: Int) -> Int? {
        var index = offset
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "\n") { return index + 1 }
        if bytes[index] == UInt8(ascii: "\r") {
            return index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") ? index + 2 : index + 1
        }
        return nil
    }

    private func matches(_ literal: StaticString, at offset: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { literalBytes in
            for index in 0..<count where bytes[offset + index] != literalBytes[index] { return false }
            return true
        }
    }

    private func find(_ literal: StaticString, from offset: Int) -> Int? {
        // Both literals searched for (`]]#`, `*#`) are rare bytes: skip to their first byte.
        let first = literal.withUTF8Buffer { $0[0] }
        var index = offset
        while index < bytes.count {
            if bytes[index] == first, matches(literal, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// Where the innermost open construct began, for "unclosed" errors.
    private func openerOffset() -> Int {
        var depth = 0
        for token in tokens.reversed() {
            switch token.kind {
            case .rightParen, .rightBracket, .rightBrace: depth += 1
            case .leftParen, .leftBracket, .leftBrace, .referenceStart(_, braced: true):
                if depth == 0 { return token.range.lowerBound - baseOffset }
                depth -= 1
            default: break
            }
        }
        return 0
    }

    private func characterDescription(at offset: Int) -> String {
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[offset..<end], as: UTF8.self)
    }

    private func error(_ message: String, at offset: Int) -> VTLError {
        source.error(.syntax, message, at: baseOffset + offset)
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isIdentifierStart(_ byte: UInt8) -> Bool { isLetter(byte) || byte == UInt8(ascii: "_") }

    /// Velocity 1.7 allows `-` inside identifiers: `$a-b` is one name.
    static func isIdentifierCharacter(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    static func isWordCharacter(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") }
}

/// A text token still growing: `unescaped` holds its text once it differs from the source bytes.
private struct PendingText {
    var start = -1
    var end = -1
    var unescaped: String?

    var isOpen: Bool { start >= 0 }
}
