import JavaLang

/// Builds the syntax tree from the lexer's lexemes, pulled one at a time. Macros are collected
/// while parsing, as Velocity registers inline macros when it parses a template.
struct Parser {
    private let source: SourceText
    /// Lexes the template, or while a double-quoted string is parsed, its contents.
    private var lexer: Lexer
    /// The lexeme being looked at; `advance()` moves to the next.
    private var current = Lexeme(kind: .endOfInput, range: 0..<0)
    /// Nodes of the blocks being parsed (see `TextMergingNodes`).
    private var pendingNodes: [Node] = []
    /// The arrays of the last string literal's lexer, for the next one (see `Lexer.Storage`).
    private var spareLexerStorage = Lexer.Storage()
    private(set) var macros: [String: MacroDefinition] = [:]
    private(set) var variables: VariableSlots
    /// Open blocks, parentheses and literals; bounded so hostile input cannot exhaust the stack.
    private var depth = 0
    /// Deeper nesting than any real template needs; the parser and renderer recurse per level.
    private let maximumNesting: Int

    private init(source: SourceText, bytes: UnsafeBufferPointer<UInt8>, variables: VariableSlots, maximumNesting: Int) {
        self.source = source
        self.lexer = Lexer(source: source, bytes: bytes, baseOffset: 0)
        self.variables = variables
        self.maximumNesting = maximumNesting
    }

    private mutating func nest(at offset: Int) throws(VTLError) {
        depth += 1
        if depth > maximumNesting {
            throw source.error(.limitExceeded, "the template nests deeper than \(maximumNesting) levels (limit nestingDepth)", at: offset)
        }
    }

    /// Parses `source`, giving slots in `variables` to the names it mentions.
    static func parse(_ source: SourceText, limits: ParseLimits = ParseLimits(), variables: inout VariableSlots) throws(VTLError) -> (
        nodes: [Node], macros: [String: MacroDefinition]
    ) {
        if source.bytes.count > limits.templateBytes {
            throw source.error(
                .limitExceeded, "the template is \(source.bytes.count) bytes, more than the templateBytes limit of \(limits.templateBytes)", at: 0)
        }
        return try source.bytes.withUnsafeBufferPointer { (buffer) throws(VTLError) -> (nodes: [Node], macros: [String: MacroDefinition]) in
            var parser = Parser(source: source, bytes: buffer, variables: variables, maximumNesting: limits.nestingDepth)
            let nodes = try parser.parseTemplateBody()
            variables = parser.variables
            return (nodes, parser.macros)
        }
    }

    /// Everything the lexer has left. A lexer error anywhere in its input wins over a parser error
    /// found before it, as when Velocity lexes the whole template before parsing it.
    private mutating func parseTemplateBody() throws(VTLError) -> [Node] {
        do {
            try advance()
            return try parseBlock(until: .endOfInput, opener: nil).nodes
        } catch {
            try lexer.drain()
            throw error
        }
    }

    /// The contents of the double-quoted string `literal`, which are `bytes` once unescaped.
    private mutating func parseInterpolated(_ literal: Lexeme, bytes: UnsafeBufferPointer<UInt8>) throws(VTLError) -> [Node] {
        let outerLexer = lexer
        let outerCurrent = current
        var storage = Lexer.Storage()
        swap(&storage, &spareLexerStorage)
        lexer = outerLexer.lexer(forContentsOf: literal, bytes: bytes, storage: storage)
        defer {
            spareLexerStorage = lexer.takeStorage()
            lexer = outerLexer
            current = outerCurrent
        }
        return try parseTemplateBody()
    }

    private mutating func advance() throws(VTLError) {
        current = try lexer.next()
    }

    /// The text a lexeme's range covers, as lexed.
    private func text(of range: Range<Int>) -> String {
        String(decoding: lexer.bytes(of: range), as: UTF8.self)
    }

    // MARK: Blocks

    /// Nodes up to one of `terminators` (`#end`, `#else`, ...), which is left unconsumed.
    private mutating func parseBlock(until terminators: BlockTerminators, opener: Lexeme?) throws(VTLError) -> (
        nodes: [Node], terminator: Directive?
    ) {
        try nest(at: opener?.range.lowerBound ?? current.range.lowerBound)
        defer { depth -= 1 }
        var nodes = TextMergingNodes(on: pendingNodes)
        while true {
            let lexeme = current
            switch lexeme.kind {
            case .endOfInput:
                if let opener {
                    throw source.error(.syntax, "#\(lexer.directiveName(of: opener)) has no matching #end", at: opener.range.lowerBound)
                }
                return (nodes.finish(&pendingNodes), nil)
            case .text:
                nodes.appendText(text(of: lexeme.range), at: lexeme.range.lowerBound)
                try advance()
            case .unescapedText(let index):
                nodes.appendText(lexer.string(at: index), at: lexeme.range.lowerBound)
                try advance()
            case .comment:
                try advance()
            case .referenceEscape(let backslashes):
                try advance()
                let reference = try parseReference()
                nodes.append(.escapedReference(backslashes: backslashes, reference), to: &pendingNodes)
            case .referenceStart:
                let reference = try parseReference()
                nodes.append(.reference(reference), to: &pendingNodes)
            case .directive(let directive):
                if terminators.includes(directive) { return (nodes.finish(&pendingNodes), directive) }
                if let node = try parseDirective(directive, lexeme: lexeme) { nodes.append(node, to: &pendingNodes) }
            case .bareMacroCall:
                let name = lexer.directiveName(of: lexeme)
                try advance()
                let sourceText = text(of: lexeme.range)
                if macros[name] != nil {
                    nodes.append(.macroCall(name: name, arguments: [], body: nil, sourceText: sourceText, offset: lexeme.range.lowerBound), to: &pendingNodes)
                } else {
                    nodes.appendText(sourceText, at: lexeme.range.lowerBound)
                }
            default:
                throw source.error(.syntax, "unexpected \(describe(lexeme))", at: lexeme.range.lowerBound)
            }
        }
    }

    private mutating func parseDirective(_ directive: Directive, lexeme: Lexeme) throws(VTLError) -> Node? {
        let offset = lexeme.range.lowerBound
        switch directive {
        case .else, .elseif, .end:
            throw source.error(.syntax, "#\(directive.rawValue) without a matching #if, #foreach, #macro or #define", at: offset)
        case .set:
            try advance()
            try expect(.leftParen, after: "#set")
            guard case .referenceStart(_, let braced) = current.kind else {
                throw source.error(.syntax, "#set needs a reference to assign to, as in #set($name = value)", at: current.range.lowerBound)
            }
            let target = try parseReference()
            try expect(.assign, after: "the reference in #set")
            let value = try parseExpression()
            try expectDirectiveEnd(of: "#set")
            // Velocity 1.7 silently ignores a braced target such as #set(${a} = 1).
            if braced { return nil }
            return .set(target: target, value: value, offset: offset)
        case .if:
            return try parseConditional(lexeme: lexeme)
        case .foreach:
            try advance()
            try expect(.leftParen, after: "#foreach")
            let variable = try parseSimpleReference(in: "#foreach")
            // Velocity 1.7 accepts any word where `in` belongs, and without one the loop never runs.
            var hasWord = false
            if case .word = current.kind {
                hasWord = true
                try advance()
            }
            let iterable = try parseArgument()
            try expectDirectiveEnd(of: "#foreach")
            let body = try parseBody(of: lexeme)
            return .foreach(variable: variable, iterable: hasWord ? iterable : .list([]), body: body, offset: offset)
        case .break:
            try advance()
            var scope: Expression?
            if case .leftParen = current.kind {
                try advance()
                scope = try parseArgument()
                try expectDirectiveEnd(of: "#break")
            }
            return .breakLoop(scope: scope, offset: offset)
        case .stop:
            try advance()
            return .stop
        case .define:
            try advance()
            try expect(.leftParen, after: "#define")
            let variable = try parseSimpleReference(in: "#define")
            try expectDirectiveEnd(of: "#define")
            return .define(name: variable, body: try parseBody(of: lexeme))
        case .macro:
            try parseMacroDefinition(lexeme: lexeme)
            return nil
        case .evaluate:
            try advance()
            try expect(.leftParen, after: "#evaluate")
            let argument = try parseArgument()
            try expectDirectiveEnd(of: "#evaluate")
            return .evaluate(argument, offset: offset)
        case .include, .parse:
            throw source.error(
                .unsupportedDirective, "#\(directive.rawValue) is not supported: API Gateway mapping templates cannot read other files",
                at: offset)
        case .macroCall:
            return try parseMacroCall(lexer.directiveName(of: lexeme), lexeme: lexeme)
        case .blockMacroCall:
            guard case .macroCall(let name, let arguments, _, _, let offset) = try parseMacroCall(lexer.directiveName(of: lexeme), lexeme: lexeme) else {
                return nil
            }
            let (body, terminator) = try parseBlock(until: .end, opener: lexeme)
            let end = current.range.upperBound
            if terminator == .end { try advance() }
            return .macroCall(name: name, arguments: arguments, body: body, sourceText: text(of: offset..<end), offset: offset)
        }
    }

    private mutating func parseConditional(lexeme: Lexeme) throws(VTLError) -> Node {
        var branches: [ConditionalBranch] = []
        var directive = "#if"
        while true {
            try advance()
            try expect(.leftParen, after: directive)
            let condition = try parseExpression()
            try expectDirectiveEnd(of: directive)
            let (body, terminator) = try parseBlock(until: .elseOrEnd, opener: lexeme)
            branches.append(ConditionalBranch(condition: condition, body: body))
            switch terminator {
            case .elseif:
                directive = "#elseif"
                continue
            case .else:
                try advance()
                let otherwise = try parseBody(of: lexeme)
                return .conditional(branches: branches, otherwise: otherwise)
            default:
                try advance()
                return .conditional(branches: branches, otherwise: nil)
            }
        }
    }

    /// A block up to its `#end`, which is consumed.
    private mutating func parseBody(of opener: Lexeme) throws(VTLError) -> [Node] {
        let (body, terminator) = try parseBlock(until: .end, opener: opener)
        if terminator == .end { try advance() }
        return body
    }

    private mutating func parseMacroDefinition(lexeme: Lexeme) throws(VTLError) {
        try advance()
        try expect(.leftParen, after: "#macro")
        guard case .word = current.kind else {
            throw source.error(.syntax, "#macro needs a name, as in #macro(name $argument)", at: current.range.lowerBound)
        }
        let name = text(of: current.range)
        try advance()
        var parameters: [Variable] = []
        while true {
            if case .comma = current.kind {
                try advance()
                continue
            }
            if case .referenceStart = current.kind {
                parameters.append(try parseSimpleReference(in: "#macro"))
                continue
            }
            break
        }
        try expectDirectiveEnd(of: "#macro")
        let body = try parseBody(of: lexeme)
        macros[name] = MacroDefinition(name: name, parameters: parameters, body: body)
    }

    private mutating func parseMacroCall(_ name: String, lexeme: Lexeme) throws(VTLError) -> Node {
        try advance()
        try expect(.leftParen, after: "#\(name)")
        var arguments: [Expression] = []
        while true {
            switch current.kind {
            case .comma:
                try advance()
            case .rightParen:
                let close = current
                try advance()
                // With the spaces and line break the `)` swallowed: a call to a macro that does not
                // exist prints as written, and Velocity gives those back too.
                let sourceText = text(of: lexeme.range.lowerBound..<close.range.upperBound)
                return .macroCall(name: name, arguments: arguments, body: nil, sourceText: sourceText, offset: lexeme.range.lowerBound)
            default:
                arguments.append(try parseArgument())
            }
        }
    }

    // MARK: References

    private mutating func parseReference() throws(VTLError) -> Reference {
        let start = current
        guard case .referenceStart(let quiet, let braced) = start.kind else {
            throw source.error(.syntax, "expected a reference", at: start.range.lowerBound)
        }
        try advance()
        guard case .identifier = current.kind else {
            throw source.error(.syntax, "expected a reference name", at: current.range.lowerBound)
        }
        let nameRange = current.range
        var end = current.range.upperBound
        try advance()
        var members: [Member] = []
        while true {
            let lexeme = current
            if case .dot = lexeme.kind {
                try advance()
                guard case .identifier = current.kind else {
                    throw source.error(.syntax, "expected a property or method name", at: current.range.lowerBound)
                }
                let name = text(of: current.range)
                let nameOffset = current.range.lowerBound
                end = current.range.upperBound
                try advance()
                if case .leftParen = current.kind, current.range.lowerBound == end {
                    try advance()
                    let arguments: [Expression]
                    (arguments, end) = try parseMethodArguments()
                    members.append(Member(kind: .method, name: name, arguments: arguments, offset: nameOffset))
                } else {
                    members.append(Member(kind: .property, name: name, arguments: [], offset: nameOffset))
                }
            } else if case .leftBracket = lexeme.kind, lexeme.range.lowerBound == end {
                try advance()
                switch current.kind {
                case .floatingPoint, .leftBracket, .leftBrace:
                    // Velocity's grammar takes only these in an index; AWS would reject the template.
                    throw source.error(.syntax, "an index must be a string, an integer, true, false or a reference", at: current.range.lowerBound)
                default:
                    break
                }
                let subscriptExpression = try parseArgument()
                guard case .rightBracket = current.kind else {
                    throw source.error(.syntax, "expected ']' after the index", at: current.range.lowerBound)
                }
                end = current.range.upperBound
                try advance()
                members.append(Member(kind: .index, name: "", arguments: [subscriptExpression], offset: lexeme.range.lowerBound))
            } else {
                break
            }
        }
        if braced {
            guard case .rightBrace = current.kind else {
                throw source.error(.syntax, "expected '}' to close '${'", at: start.range.lowerBound)
            }
            end = current.range.upperBound
            try advance()
        }
        // The slot is given after the steps': names inside arguments are numbered first.
        let slot = variables.slot(forUTF8: lexer.bytes(of: nameRange))
        let written = start.range.lowerBound..<end
        guard lexer.readsDecodedLiteral else {
            return Reference(
                name: variables.names[slot], slot: slot, members: members, quiet: quiet, writtenIn: source.bytes, at: written, offset: written.lowerBound)
        }
        // Inside a literal that had escapes, the reference as written is in the decoded text, not the template.
        let decoded = Array(lexer.bytes(of: written))
        return Reference(
            name: variables.names[slot], slot: slot, members: members, quiet: quiet, writtenIn: decoded, at: 0..<decoded.count, offset: written.lowerBound)
    }

    /// `$name` with nothing after it, as `#foreach`, `#define` and `#macro` take.
    private mutating func parseSimpleReference(in directive: String) throws(VTLError) -> Variable {
        let start = current
        let reference = try parseReference()
        guard reference.members.isEmpty else {
            throw source.error(.syntax, "\(directive) needs a plain variable such as $name", at: start.range.lowerBound)
        }
        return Variable(name: reference.name, slot: reference.slot)
    }

    /// The arguments after a method's `(`, and where its `)` ends.
    private mutating func parseMethodArguments() throws(VTLError) -> ([Expression], end: Int) {
        if case .rightParen = current.kind {
            let end = current.range.upperBound
            try advance()
            return ([], end)
        }
        var arguments: [Expression] = []
        while true {
            arguments.append(try parseArgument())
            switch current.kind {
            case .comma:
                try advance()
            case .rightParen:
                let end = current.range.upperBound
                try advance()
                return (arguments, end)
            default:
                throw source.error(.syntax, "expected ',' or ')' in the argument list, found \(describe(current))", at: current.range.lowerBound)
            }
        }
    }

    // MARK: Expressions

    private mutating func parseExpression() throws(VTLError) -> Expression {
        try parseBinary(level: 0)
    }

    /// Precedence climbing: operators of `level` or tighter bind here, all of them left-associative
    /// (levels in `BinaryOperator.precedence`).
    private mutating func parseBinary(level: Int) throws(VTLError) -> Expression {
        var left = try parseUnary()
        while true {
            let lexeme = current
            guard let (op, operatorLevel) = BinaryOperator.spelled(by: lexeme.kind), operatorLevel >= level else { return left }
            try advance()
            let right = try parseBinary(level: operatorLevel + 1)
            left = .binary(op, left, right, offset: lexeme.range.lowerBound)
        }
    }

    private mutating func parseUnary() throws(VTLError) -> Expression {
        try nest(at: current.range.lowerBound)
        defer { depth -= 1 }
        switch current.kind {
        case .operator(.not), .word(.not):
            try advance()
            return .not(try parseUnary())
        case .leftParen:
            try advance()
            let inner = try parseExpression()
            guard case .rightParen(endsDirective: false) = current.kind else {
                throw source.error(.syntax, "expected ')'", at: current.range.lowerBound)
            }
            try advance()
            return inner
        default:
            return try parseArgument()
        }
    }

    /// What Velocity 1.7 accepts as a method argument, list element or map entry: a reference or a literal.
    private mutating func parseArgument() throws(VTLError) -> Expression {
        let lexeme = current
        try nest(at: lexeme.range.lowerBound)
        defer { depth -= 1 }
        switch lexeme.kind {
        case .referenceStart:
            return .reference(try parseReference())
        case .string(let interpolates, let unescaped):
            try advance()
            let contents = lexer.contents(ofString: lexeme)
            guard interpolates else { return .constant(.string(unescaped.map(lexer.string(at:)) ?? String(decoding: contents, as: UTF8.self))) }
            guard let unescaped else { return .interpolatedString(try parseInterpolated(lexeme, bytes: contents)) }
            let bytes = Array(lexer.string(at: unescaped).utf8)
            return .interpolatedString(
                try bytes.withUnsafeBufferPointer { (buffer) throws(VTLError) -> [Node] in
                    try parseInterpolated(lexeme, bytes: buffer)
                })
        case .integer:
            try advance()
            return .constant(try integer(lexer.bytes(of: lexeme.range), at: lexeme.range.lowerBound))
        case .floatingPoint:
            try advance()
            let text = text(of: lexeme.range)
            guard let value = JavaDouble.parse(text) else {
                throw source.error(.syntax, "invalid number '\(text)'", at: lexeme.range.lowerBound)
            }
            return .constant(.double(value))
        case .word(.true):
            try advance()
            return .constant(.bool(true))
        case .word(.false):
            try advance()
            return .constant(.bool(false))
        case .leftBracket:
            return try parseListOrRange()
        case .leftBrace:
            return try parseMap()
        default:
            throw source.error(.syntax, "expected a value, found \(describe(lexeme))", at: lexeme.range.lowerBound)
        }
    }

    /// An integer literal: digits, perhaps after a minus sign.
    private func integer(_ digits: UnsafeBufferPointer<UInt8>, at offset: Int) throws(VTLError) -> Constant {
        let negative = digits.first == UInt8(ascii: "-")
        // Eighteen digits always fit in an Int; longer literals take the general path.
        if digits.count - (negative ? 1 : 0) <= 18 {
            var value = 0
            for digit in digits.dropFirst(negative ? 1 : 0) { value = value &* 10 &+ Int(digit &- UInt8(ascii: "0")) }
            return .integer(negative ? -value : value)
        }
        let text = String(decoding: digits, as: UTF8.self)
        if let value = Int(text) { return .integer(value) }
        guard let big = BigInteger(text) else { throw source.error(.syntax, "invalid number '\(text)'", at: offset) }
        return .bigInteger(big)
    }

    private mutating func parseListOrRange() throws(VTLError) -> Expression {
        let open = current
        try advance()
        if case .rightBracket = current.kind {
            try advance()
            return .list([])
        }
        let first = try parseArgument()
        if case .range = current.kind {
            let rangeLexeme = current
            try advance()
            let lastStart = current.range.lowerBound
            let last = try parseArgument()
            func isIntegerOrReference(_ bound: Expression) -> Bool {
                switch bound {
                case .reference, .constant(.integer): true
                default: false
                }
            }
            // Where Velocity's grammar stops: at `..` after a bad first bound, at a bad last bound.
            guard isIntegerOrReference(first), isIntegerOrReference(last) else {
                let offset = isIntegerOrReference(first) ? lastStart : rangeLexeme.range.lowerBound
                throw source.error(.syntax, "a range's bounds must be integers or references", at: offset)
            }
            try expect(.rightBracket, after: "the range")
            return .range(from: first, to: last, offset: open.range.lowerBound)
        }
        var elements = [first]
        while true {
            switch current.kind {
            case .comma:
                try advance()
                elements.append(try parseArgument())
            case .rightBracket:
                try advance()
                return .list(elements)
            default:
                throw source.error(.syntax, "expected ',' or ']' in the list, found \(describe(current))", at: current.range.lowerBound)
            }
        }
    }

    private mutating func parseMap() throws(VTLError) -> Expression {
        try advance()
        var entries: [(key: Expression, value: Expression)] = []
        if case .rightBrace = current.kind {
            try advance()
            return .map(entries)
        }
        while true {
            let key = try parseArgument()
            try expect(.colon, after: "the map key")
            let value = try parseArgument()
            entries.append((key, value))
            switch current.kind {
            case .comma:
                try advance()
            case .rightBrace:
                try advance()
                return .map(entries)
            default:
                throw source.error(.syntax, "expected ',' or '}' in the map, found \(describe(current))", at: current.range.lowerBound)
            }
        }
    }

    // MARK: Helpers

    private mutating func expect(_ kind: Lexeme.Kind, after context: @autoclosure () -> String) throws(VTLError) {
        guard Parser.isKind(current.kind, kind) else {
            throw source.error(
                .syntax, "expected \(Parser.spelling(of: kind)) after \(context()), found \(describe(current))", at: current.range.lowerBound)
        }
        try advance()
    }

    /// `kind == expected`, with the punctuation `expect` is given compared first: the derived `==`
    /// works through every payload-carrying case and cost more than the rest of `expect`.
    private static func isKind(_ kind: Lexeme.Kind, _ expected: Lexeme.Kind) -> Bool {
        switch (kind, expected) {
        case (.leftParen, .leftParen), (.assign, .assign), (.rightBracket, .rightBracket), (.colon, .colon): true
        default: kind == expected
        }
    }

    private mutating func expectDirectiveEnd(of directive: String) throws(VTLError) {
        guard case .rightParen(endsDirective: true) = current.kind else {
            throw source.error(.syntax, "expected ')' to close \(directive), found \(describe(current))", at: current.range.lowerBound)
        }
        try advance()
    }

    private func describe(_ lexeme: Lexeme) -> String {
        switch lexeme.kind {
        case .endOfInput: return "the end of the template"
        case .text, .unescapedText: return "text"
        default:
            let text = text(of: lexeme.range).trimmingWhitespace
            return text.isEmpty ? Parser.spelling(of: lexeme.kind) : "'\(text)'"
        }
    }

    private static func spelling(of kind: Lexeme.Kind) -> String {
        switch kind {
        case .leftParen: "'('"
        case .rightParen: "')'"
        case .leftBracket: "'['"
        case .rightBracket: "']'"
        case .leftBrace: "'{'"
        case .rightBrace: "'}'"
        case .assign: "'='"
        case .colon: "':'"
        case .comma: "','"
        case .endOfInput: "the end of the template"
        default: "a token"
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
