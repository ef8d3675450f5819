/// Compiles JSONPath text into steps, accepting what Jayway 2.0.0's `PathCompiler` accepts.
struct PathParser {
    let bytes: [UInt8]
    var index = 0

    init(text: String) {
        bytes = Array(text.utf8)
    }

    func fail(_ message: String, at offset: Int? = nil) -> JSONPathError {
        let position = min(offset ?? index, bytes.count)
        let column = bytes[..<position].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return JSONPathError(message: message, column: column)
    }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func parsePath() throws(JSONPathError) -> [PathStep] {
        while current == 0x20 { index += 1 }
        if current == UInt8(ascii: "$") || current == UInt8(ascii: "@") {
            index += 1
        } else {
            // Jayway reads `a.b` as `$.a.b`.
            return try parseSteps(startingWithName: true)
        }
        return try parseSteps(startingWithName: false)
    }

    /// Steps until the end of the text (or, inside a filter, until a byte in `terminators`).
    mutating func parseSteps(startingWithName: Bool = false, terminators: Set<UInt8> = []) throws(JSONPathError) -> [PathStep] {
        var steps: [PathStep] = []
        if startingWithName { steps.append(try parseDotted()) }
        while let byte = current, !terminators.contains(byte) {
            switch byte {
            case UInt8(ascii: "."):
                index += 1
                if current == UInt8(ascii: ".") {
                    index += 1
                    steps.append(.scan)
                    guard let next = current, !terminators.contains(next) else { throw fail("A path can not end with a scan.") }
                    if next == UInt8(ascii: "[") { steps.append(try parseBracket()) } else { steps.append(try parseDotted(terminators: terminators)) }
                } else if current == UInt8(ascii: "[") {
                    steps.append(try parseBracket())
                } else {
                    steps.append(try parseDotted(terminators: terminators))
                }
            case UInt8(ascii: "["):
                steps.append(try parseBracket())
            default:
                throw fail("Could not parse path: unexpected character")
            }
        }
        return steps
    }

    /// `name` or `*` after a dot.
    mutating func parseDotted(terminators: Set<UInt8> = []) throws(JSONPathError) -> PathStep {
        let start = index
        while let byte = current, byte != UInt8(ascii: "."), byte != UInt8(ascii: "["), !terminators.contains(byte) { index += 1 }
        if start == index { throw fail("Path must not end with a '.' or '..'", at: start) }
        // Bytes, not `String.contains`: with Foundation imported that resolves to a CFString search.
        if bytes[start..<index].contains(0x20) { throw fail("Space not allowed in path", at: start) }
        let name = String(decoding: bytes[start..<index], as: UTF8.self)
        return name == "*" ? .wildcard : .property([name])
    }

    mutating func parseBracket() throws(JSONPathError) -> PathStep {
        let open = index
        index += 1
        while current == 0x20 { index += 1 }
        if current == UInt8(ascii: "?") {
            index += 1
            guard current == UInt8(ascii: "(") else { throw fail("Filter must start with '?(': [?", at: open) }
            index += 1
            var filter = FilterParser(parser: self)
            let expression = try filter.parseExpression()
            self = filter.parser
            skipSpaces()
            guard current == UInt8(ascii: ")") else { throw fail("Expected ')' to close the filter") }
            index += 1
            skipSpaces()
            guard current == UInt8(ascii: "]") else { throw fail("Expected ']' after the filter") }
            index += 1
            return .filter(expression)
        }
        if current == UInt8(ascii: "'") {
            var names: [String] = []
            while true {
                guard current == UInt8(ascii: "'") else { throw fail("Could not analyze path component", at: open) }
                names.append(try parseQuoted())
                skipSpaces()
                if current == UInt8(ascii: ",") {
                    index += 1
                    skipSpaces()
                    continue
                }
                guard current == UInt8(ascii: "]") else { throw fail("Property must be separated by comma or Property must be terminated close square bracket", at: index) }
                index += 1
                return .property(names)
            }
        }
        let start = index
        while let byte = current, byte != UInt8(ascii: "]") { index += 1 }
        guard current == UInt8(ascii: "]") else { throw fail("Path is not closed: missing ']'", at: open) }
        let content = String(decoding: bytes[start..<index], as: UTF8.self).trimmingSpaces()
        index += 1
        if content == "*" { return .wildcard }
        if content.utf8.contains(UInt8(ascii: ":")) {
            let parts = content.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
            guard parts.count <= 3, parts.allSatisfy({ $0.isEmpty || Int($0) != nil }) else {
                throw fail("Failed to parse SliceOperation: \(content)", at: open)
            }
            let from = parts[0].isEmpty ? nil : Int(parts[0])
            let to = parts.count > 1 && !parts[1].isEmpty ? Int(parts[1]) : nil
            if from == nil && to == nil { throw fail("Failed to parse SliceOperation: \(content)", at: open) }
            return .slice(from: from, to: to)
        }
        let indexes = content.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingSpaces()) }
        guard !content.isEmpty, indexes.allSatisfy({ $0 != nil }) else {
            throw fail("Could not analyze path component: [\(content)]", at: open)
        }
        return .index(indexes.compactMap { $0 })
    }

    /// A single-quoted string; `\'` and `\\` escape.
    mutating func parseQuoted() throws(JSONPathError) -> String {
        let open = index
        index += 1
        var text: [UInt8] = []
        while let byte = current {
            index += 1
            if byte == UInt8(ascii: "\\"), let next = current {
                text.append(next)
                index += 1
            } else if byte == UInt8(ascii: "'") {
                return String(decoding: text, as: UTF8.self)
            } else {
                text.append(byte)
            }
        }
        throw fail("Property has not been closed - missing closing '", at: open)
    }

    mutating func skipSpaces() {
        while current == 0x20 { index += 1 }
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end && scalars[start] == " " { start = scalars.index(after: start) }
        while end > start && scalars[scalars.index(before: end)] == " " { end = scalars.index(before: end) }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[start..<end])
        return result
    }
}
