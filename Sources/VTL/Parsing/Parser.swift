import JavaLang

/// Builds the syntax tree from tokens. Macros are collected while parsing, as Velocity registers
/// inline macros when it parses a template.
struct Parser {
    private let source: SourceText
    private let tokens: [Token]
    private var index = 0
    private(set) var macros: [String: MacroDefinition] = [:]
    private(set) var variables: VariableSlots
    /// Open blocks, parentheses and literals; bounded so hostile input cannot exhaust the stack.
    private var depth: Int
    /// Deeper nesting than any real template needs; the parser and renderer recurse per level.
    private let maximumNesting: Int

    private init(
        source: SourceText, tokens: [Token], macros: [String: MacroDefinition] = [:], variables: VariableSlots, depth: Int = 0,
        maximumNesting: Int
    ) {
        self.source = source
        self.tokens = tokens
        self.macros = macros
        self.variables = variables
        self.depth = depth
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
        var parser = Parser(source: source, tokens: try Lexer.tokenize(source), variables: variables, maximumNesting: limits.nestingDepth)
        let nodes = try parser.parseTemplateBody()
        variables = parser.variables
        return (nodes, parser.macros)
    }

    private mutating func parseTemplateBody() throws(VTLError) -> [Node] {
        let (nodes, _) = try parseBlock(until: .endOfInput, opener: nil)
        return nodes
    }

    // MARK: Blocks

    /// Nodes up to one of `terminators` (`#end`, `#else`, ...), which is left unconsumed.
    private mutating func parseBlock(until terminators: BlockTerminators, opener: Token?) throws(VTLError) -> ([Node], String?) {
        try nest(at: opener?.range.lowerBound ?? tokens[index].range.lowerBound)
        defer { depth -= 1 }
        var nodes = TextMergingNodes()
        while true {
            let token = tokens[index]
            switch token.kind {
            case .endOfInput:
                if let opener, case .directive(let name) = opener.kind {
                    throw source.error(.syntax, "#\(name) has no matching #end", at: opener.range.lowerBound)
                }
                return (nodes.finish(), nil)
            case .text(let text):
                index += 1
                nodes.appendText(text)
            case .comment:
                index += 1
            case .referenceEscape(let backslashes):
                index += 1
                nodes.append(.escapedReference(backslashes: backslashes, try parseReference()))
            case .referenceStart:
                nodes.append(.reference(try parseReference()))
            case .directive(let name):
                if terminators.includes(name) { return (nodes.finish(), name) }
                if let node = try parseDirective(name, token: token) { nodes.append(node) }
            case .bareMacroCall(let name):
                index += 1
                let sourceText = source.text(token.range)
                if macros[name] != nil {
                    nodes.append(.macroCall(name: name, arguments: [], sourceText: sourceText, offset: token.range.lowerBound))
                } else {
                    nodes.appendText(sourceText)
                }
            default:
                throw source.error(.syntax, "unexpected \(describe(token))", at: token.range.lowerBound)
            }
        }
    }

    private mutating func parseDirective(_ name: String, token: Token) throws(VTLError) -> Node? {
        let offset = token.range.lowerBound
        switch name {
        case "else", "elseif", "end":
            throw source.error(.syntax, "#\(name) without a matching #if, #foreach, #macro or #define", at: offset)
        case "set":
            index += 1
            try expect(.leftParen, after: "#set")
            guard case .referenceStart = tokens[index].kind else {
                throw source.error(.syntax, "#set needs a reference to assign to, as in #set($name = value)", at: tokens[index].range.lowerBound)
            }
            let target = try parseReference()
            try expect(.assign, after: "the reference in #set")
            let value = try parseExpression()
            try expectDirectiveEnd(of: "#set")
            // Velocity 1.7 silently ignores a braced target such as #set(${a} = 1).
            if target.sourceText.hasPrefix("${") || target.sourceText.hasPrefix("$!{") { return nil }
            return .set(target: target, value: value, offset: offset)
        case "if":
            return try parseConditional(token: token)
        case "foreach":
            index += 1
            try expect(.leftParen, after: "#foreach")
            let variable = try parseSimpleReference(in: "#foreach")
            // Velocity 1.7 accepts any word where `in` belongs, and without one the loop never runs.
            var hasWord = false
            if case .word = tokens[index].kind {
                hasWord = true
                index += 1
            }
            let iterable = try parseArgument()
            try expectDirectiveEnd(of: "#foreach")
            let body = try parseBody(of: token)
            return .foreach(variable: variable, iterable: hasWord ? iterable : .list([]), body: body, offset: offset)
        case "break":
            index += 1
            var scope: Expression?
            if case .leftParen = tokens[index].kind {
                index += 1
                scope = try parseArgument()
                try expectDirectiveEnd(of: "#break")
            }
            return .breakLoop(scope: scope, offset: offset)
        case "stop":
            index += 1
            return .stop
        case "define":
            index += 1
            try expect(.leftParen, after: "#define")
            let variable = try parseSimpleReference(in: "#define")
            try expectDirectiveEnd(of: "#define")
            return .define(name: variable, body: try parseBody(of: token))
        case "macro":
            try parseMacroDefinition(token: token)
            return nil
        case "evaluate":
            index += 1
            try expect(.leftParen, after: "#evaluate")
            let argument = try parseArgument()
            try expectDirectiveEnd(of: "#evaluate")
            return .evaluate(argument, offset: offset)
        case "include", "parse":
            throw source.error(
                .unsupportedDirective, "#\(name) is not supported: API Gateway mapping templates cannot read other files",
                at: offset)
        default:
            return try parseMacroCall(name, token: token)
        }
    }

    private mutating func parseConditional(token: Token) throws(VTLError) -> Node {
        var branches: [ConditionalBranch] = []
        var directive = "#if"
        while true {
            index += 1
            try expect(.leftParen, after: directive)
            let condition = try parseExpression()
            try expectDirectiveEnd(of: directive)
            let (body, terminator) = try parseBlock(until: .elseOrEnd, opener: token)
            branches.append(ConditionalBranch(condition: condition, body: body))
            switch terminator {
            case "elseif":
                directive = "#elseif"
                continue
            case "else":
                index += 1
                let otherwise = try parseBody(of: token)
                return .conditional(branches: branches, otherwise: otherwise)
            default:
                index += 1
                return .conditional(branches: branches, otherwise: nil)
            }
        }
    }

    /// A block up to its `#end`, which is consumed.
    private mutating func parseBody(of opener: Token) throws(VTLError) -> [Node] {
        let (body, terminator) = try parseBlock(until: .end, opener: opener)
        if terminator == "end" { index += 1 }
        return body
    }

    private mutating func parseMacroDefinition(token: Token) throws(VTLError) {
        index += 1
        try expect(.leftParen, after: "#macro")
        guard case .word(let name) = tokens[index].kind else {
            throw source.error(.syntax, "#macro needs a name, as in #macro(name $argument)", at: tokens[index].range.lowerBound)
        }
        index += 1
        var parameters: [Variable] = []
        while true {
            if case .comma = tokens[index].kind { index += 1; continue }
            if case .referenceStart = tokens[index].kind {
                parameters.append(try parseSimpleReference(in: "#macro"))
                continue
            }
            break
        }
        try expectDirectiveEnd(of: "#macro")
        let body = try parseBody(of: token)
        macros[name] = MacroDefinition(name: name, parameters: parameters, body: body)
    }

    private mutating func parseMacroCall(_ name: String, token: Token) throws(VTLError) -> Node {
        index += 1
        try expect(.leftParen, after: "#\(name)")
        var arguments: [Expression] = []
        while true {
            switch tokens[index].kind {
            case .comma:
                index += 1
            case .rightParen:
                let close = tokens[index]
                index += 1
                let sourceText = source.text(token.range.lowerBound..<(close.range.lowerBound + 1))
                return .macroCall(name: name, arguments: arguments, sourceText: sourceText, offset: token.range.lowerBound)
            default:
                arguments.append(try parseArgument())
            }
        }
    }

    // MARK: References

    private mutating func parseReference() throws(VTLError) -> Reference {
        let startToken = tokens[index]
        guard case .referenceStart(let quiet, let braced) = startToken.kind else {
            throw source.error(.syntax, "expected a reference", at: startToken.range.lowerBound)
        }
        index += 1
        guard case .identifier(let name) = tokens[index].kind else {
            throw source.error(.syntax, "expected a reference name", at: tokens[index].range.lowerBound)
        }
        var end = tokens[index].range.upperBound
        index += 1
        var steps: [ReferenceStep] = []
        while true {
            let token = tokens[index]
            if case .dot = token.kind {
                index += 1
                guard case .identifier(let member) = tokens[index].kind else {
                    throw source.error(.syntax, "expected a property or method name", at: tokens[index].range.lowerBound)
                }
                let memberOffset = tokens[index].range.lowerBound
                end = tokens[index].range.upperBound
                index += 1
                if case .leftParen = tokens[index].kind, tokens[index].range.lowerBound == end {
                    index += 1
                    let arguments = try parseMethodArguments()
                    end = tokens[index - 1].range.upperBound
                    steps.append(.method(member, arguments: arguments, offset: memberOffset))
                } else {
                    steps.append(.property(member, offset: memberOffset))
                }
            } else if case .leftBracket = token.kind, token.range.lowerBound == end {
                index += 1
                let subscriptExpression = try parseArgument()
                guard case .rightBracket = tokens[index].kind else {
                    throw source.error(.syntax, "expected ']' after the index", at: tokens[index].range.lowerBound)
                }
                end = tokens[index].range.upperBound
                index += 1
                steps.append(.index(subscriptExpression, offset: token.range.lowerBound))
            } else {
                break
            }
        }
        if braced {
            guard case .rightBrace = tokens[index].kind else {
                throw source.error(.syntax, "expected '}' to close '${'", at: startToken.range.lowerBound)
            }
            end = tokens[index].range.upperBound
            index += 1
        }
        return Reference(
            name: name, slot: variables.slot(for: name), steps: steps, quiet: quiet, sourceText: source.text(startToken.range.lowerBound..<end),
            offset: startToken.range.lowerBound)
    }

    /// `$name` with nothing after it, as `#foreach`, `#define` and `#macro` take.
    private mutating func parseSimpleReference(in directive: String) throws(VTLError) -> Variable {
        let token = tokens[index]
        let reference = try parseReference()
        guard reference.steps.isEmpty else {
            throw source.error(.syntax, "\(directive) needs a plain variable such as $name", at: token.range.lowerBound)
        }
        return Variable(name: reference.name, slot: reference.slot)
    }

    private mutating func parseMethodArguments() throws(VTLError) -> [Expression] {
        var arguments: [Expression] = []
        if case .rightParen = tokens[index].kind {
            index += 1
            return arguments
        }
        while true {
            arguments.append(try parseArgument())
            switch tokens[index].kind {
            case .comma:
                index += 1
            case .rightParen:
                index += 1
                return arguments
            default:
                throw source.error(.syntax, "expected ',' or ')' in the argument list, found \(describe(tokens[index]))", at: tokens[index].range.lowerBound)
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
            let token = tokens[index]
            guard let (op, operatorLevel) = BinaryOperator.spelled(by: token.kind), operatorLevel >= level else { return left }
            index += 1
            let right = try parseBinary(level: operatorLevel + 1)
            left = .binary(op, left, right, offset: token.range.lowerBound)
        }
    }

    private mutating func parseUnary() throws(VTLError) -> Expression {
        try nest(at: tokens[index].range.lowerBound)
        defer { depth -= 1 }
        switch tokens[index].kind {
        case .operator(.not), .word("not"):
            index += 1
            return .not(try parseUnary())
        case .leftParen:
            index += 1
            let inner = try parseExpression()
            guard case .rightParen(endsDirective: false) = tokens[index].kind else {
                throw source.error(.syntax, "expected ')'", at: tokens[index].range.lowerBound)
            }
            index += 1
            return inner
        default:
            return try parseArgument()
        }
    }

    /// What Velocity 1.7 accepts as a method argument, list element or map entry: a reference or a literal.
    private mutating func parseArgument() throws(VTLError) -> Expression {
        let token = tokens[index]
        try nest(at: token.range.lowerBound)
        defer { depth -= 1 }
        switch token.kind {
        case .referenceStart:
            return .reference(try parseReference())
        case .string(let text, let interpolates):
            index += 1
            guard interpolates else { return .constant(.string(text)) }
            let contentStart = token.range.lowerBound + 1
            var inner = Parser(
                source: source, tokens: try Lexer.tokenize(Array(text.utf8), at: contentStart, in: source), macros: macros,
                variables: variables, depth: depth, maximumNesting: maximumNesting)
            let nodes = try inner.parseTemplateBody()
            macros.merge(inner.macros) { _, new in new }
            variables = inner.variables
            return .interpolatedString(nodes)
        case .integer(let text):
            index += 1
            if let value = Int(text) { return .constant(.integer(value)) }
            guard let big = BigInteger(text) else { throw source.error(.syntax, "invalid number '\(text)'", at: token.range.lowerBound) }
            return .constant(.bigInteger(big))
        case .floatingPoint(let text):
            index += 1
            guard let value = JavaDouble.parse(text) else {
                throw source.error(.syntax, "invalid number '\(text)'", at: token.range.lowerBound)
            }
            return .constant(.double(value))
        case .word("true"):
            index += 1
            return .constant(.bool(true))
        case .word("false"):
            index += 1
            return .constant(.bool(false))
        case .leftBracket:
            return try parseListOrRange()
        case .leftBrace:
            return try parseMap()
        default:
            throw source.error(.syntax, "expected a value, found \(describe(token))", at: token.range.lowerBound)
        }
    }

    private mutating func parseListOrRange() throws(VTLError) -> Expression {
        let open = tokens[index]
        index += 1
        if case .rightBracket = tokens[index].kind {
            index += 1
            return .list([])
        }
        let first = try parseArgument()
        if case .range = tokens[index].kind {
            let rangeToken = tokens[index]
            index += 1
            let last = try parseArgument()
            for bound in [first, last] {
                switch bound {
                case .reference, .constant(.integer): continue
                default: throw source.error(.syntax, "a range's bounds must be integers or references", at: rangeToken.range.lowerBound)
                }
            }
            try expect(.rightBracket, after: "the range")
            return .range(from: first, to: last, offset: open.range.lowerBound)
        }
        var elements = [first]
        while true {
            switch tokens[index].kind {
            case .comma:
                index += 1
                elements.append(try parseArgument())
            case .rightBracket:
                index += 1
                return .list(elements)
            default:
                throw source.error(.syntax, "expected ',' or ']' in the list, found \(describe(tokens[index]))", at: tokens[index].range.lowerBound)
            }
        }
    }

    private mutating func parseMap() throws(VTLError) -> Expression {
        index += 1
        var entries: [(key: Expression, value: Expression)] = []
        if case .rightBrace = tokens[index].kind {
            index += 1
            return .map(entries)
        }
        while true {
            let key = try parseArgument()
            try expect(.colon, after: "the map key")
            let value = try parseArgument()
            entries.append((key, value))
            switch tokens[index].kind {
            case .comma:
                index += 1
            case .rightBrace:
                index += 1
                return .map(entries)
            default:
                throw source.error(.syntax, "expected ',' or '}' in the map, found \(describe(tokens[index]))", at: tokens[index].range.lowerBound)
            }
        }
    }

    // MARK: Helpers

    private mutating func expect(_ kind: TokenKind, after context: String) throws(VTLError) {
        guard tokens[index].kind == kind else {
            throw source.error(.syntax, "expected \(Parser.spelling(of: kind)) after \(context), found \(describe(tokens[index]))", at: tokens[index].range.lowerBound)
        }
        index += 1
    }

    private mutating func expectDirectiveEnd(of directive: String) throws(VTLError) {
        guard case .rightParen(endsDirective: true) = tokens[index].kind else {
            throw source.error(.syntax, "expected ')' to close \(directive), found \(describe(tokens[index]))", at: tokens[index].range.lowerBound)
        }
        index += 1
    }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .endOfInput: return "the end of the template"
        case .text: return "text"
        default:
            let text = source.text(token.range).trimmingWhitespace
            return text.isEmpty ? Parser.spelling(of: token.kind) : "'\(text)'"
        }
    }

    private static func spelling(of kind: TokenKind) -> String {
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
