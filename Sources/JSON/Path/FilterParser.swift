import JavaLang

/// Parses the condition inside `[?( )]`: `||` binds looser than `&&`, `!` negates an existence test.
struct FilterParser {
    var parser: PathParser

    /// Bytes that end a path operand inside a filter.
    static let operandEnd: Set<UInt8> = Set(" =!<>&|)".utf8)

    mutating func parseExpression() throws(JSONPathError) -> FilterExpression {
        var expression = try parseAnd()
        while consume("||") { expression = .or(expression, try parseAnd()) }
        return expression
    }

    mutating func parseAnd() throws(JSONPathError) -> FilterExpression {
        var expression = try parseUnary()
        while consume("&&") { expression = .and(expression, try parseUnary()) }
        return expression
    }

    mutating func parseUnary() throws(JSONPathError) -> FilterExpression {
        parser.skipSpaces()
        if consume("!") { return .not(try parseUnary()) }
        if consume("(") {
            let inner = try parseExpression()
            guard consume(")") else { throw parser.fail("Expected ')' in filter") }
            return inner
        }
        let left = try parseOperand()
        parser.skipSpaces()
        if consume("=~") {
            parser.skipSpaces()
            return try parseRegex(left)
        }
        for symbol in ["==", "!=", "<=", ">=", "<", ">"] where consume(symbol) {
            let right = try parseOperand()
            return .compare(left, ComparisonOperator(rawValue: symbol)!, right)
        }
        return .exists(left)
    }

    mutating func parseRegex(_ left: FilterOperand) throws(JSONPathError) -> FilterExpression {
        guard consume("/") else { throw parser.fail("Expected a /regex/ after =~") }
        var pattern: [UInt8] = []
        while let byte = parser.current, byte != UInt8(ascii: "/") {
            pattern.append(byte)
            parser.index += 1
            if byte == UInt8(ascii: "\\"), let next = parser.current {
                pattern.append(next)
                parser.index += 1
            }
        }
        guard consume("/") else { throw parser.fail("Regex is not closed: missing '/'") }
        let caseInsensitive = consume("i")
        return .matches(left, pattern: String(decoding: pattern, as: UTF8.self), caseInsensitive: caseInsensitive)
    }

    mutating func parseOperand() throws(JSONPathError) -> FilterOperand {
        parser.skipSpaces()
        guard let byte = parser.current else { throw parser.fail("Expected a value in the filter") }
        switch byte {
        case UInt8(ascii: "@"), UInt8(ascii: "$"):
            parser.index += 1
            let steps = try parser.parseSteps(terminators: Self.operandEnd)
            return byte == UInt8(ascii: "@") ? .current(steps) : .root(steps)
        case UInt8(ascii: "'"):
            return .literal(.string(try parser.parseQuoted()))
        default:
            // Numbers, true/false/null and anything else up to the next operator. Jayway 2.0.0
            // keeps a double-quoted literal with its quotes, so it never equals a string.
            let start = parser.index
            while let next = parser.current, !Self.operandEnd.contains(next) { parser.index += 1 }
            let word = String(decoding: parser.bytes[start..<parser.index], as: UTF8.self)
            switch word {
            case "": throw parser.fail("Expected a value in the filter")
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "null": return .literal(.null)
            default:
                if let integer = Int(word) { return .literal(.integer(integer)) }
                if let number = JavaDoubleLiteral.parse(word) { return .literal(.double(number)) }
                return .literal(.string(word))
            }
        }
    }

    /// Skips spaces, then consumes `symbol` if it comes next.
    mutating func consume(_ symbol: String) -> Bool {
        parser.skipSpaces()
        let symbolBytes = Array(symbol.utf8)
        guard parser.index + symbolBytes.count <= parser.bytes.count,
              Array(parser.bytes[parser.index..<(parser.index + symbolBytes.count)]) == symbolBytes else { return false }
        parser.index += symbolBytes.count
        return true
    }
}

/// Number literals in filters: decimal only (no `NaN`/`Infinity` words, no suffixes).
enum JavaDoubleLiteral {
    static func parse(_ word: String) -> Double? {
        guard let first = word.unicodeScalars.first, first == "-" || first == "." || ("0"..."9").contains(first) else { return nil }
        guard !word.contains(where: { $0.isLetter && $0 != "e" && $0 != "E" }) else { return nil }
        return JavaDouble.parse(word)
    }
}
