/// Walks a syntax tree once and collects what `Template.inspect()` reports. Lives apart from
/// `Evaluation/` because it never runs anything: it only summarises the tree.
struct InspectionWalker {
    let source: SourceText
    private var insertions: [TemplateInspection.Insertion] = []
    private var loops: [TemplateInspection.Loop] = []
    private var assignments: [TemplateInspection.Assignment] = []
    private var references: [InspectedReference] = []
    /// The `#if` branches around the node being walked, and how many `#if`s came before.
    private var branches: [TemplateInspection.BranchChoice] = []
    private var conditionalCount = 0
    /// How many `#foreach`, `#define` or macro bodies are around the node being walked.
    private var repeatDepth = 0
    /// Line starts, built once: locations are asked for every reference, not just on error.
    private let lineStarts: [Int]

    init(source: SourceText) {
        self.source = source
        var starts = [0]
        for (index, byte) in source.bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        lineStarts = starts
    }

    func result() -> TemplateInspection {
        TemplateInspection(insertions: insertions, loops: loops, assignments: assignments, references: references)
    }

    mutating func walk(_ nodes: [Node], inStringLiteral: Bool) {
        for (index, node) in nodes.enumerated() {
            switch node {
            case .text, .stop:
                break
            case .reference(let reference):
                let inspected = summarise(reference)
                insertions.append(TemplateInspection.Insertion(
                    reference: inspected, inStringLiteral: inStringLiteral,
                    textBefore: textBefore(index, in: nodes), textAfter: textAfter(index, in: nodes)))
            case .escapedReference(_, let reference):
                _ = summarise(reference)
            case .set(let target, let value, let offset):
                let inspectedTarget = summarise(target)
                let inspectedValue = summarise(value)
                assignments.append(TemplateInspection.Assignment(
                    target: inspectedTarget, value: inspectedValue, location: location(offset), branches: self.branches,
                    repeats: repeatDepth > 0))
            case .conditional(let branches, let otherwise):
                let conditional = conditionalCount
                conditionalCount += 1
                for (number, branch) in branches.enumerated() {
                    _ = summarise(branch.condition)
                    walk(branch.body, inStringLiteral: inStringLiteral, branch: .init(conditional: conditional, branch: number))
                }
                if let otherwise {
                    walk(otherwise, inStringLiteral: inStringLiteral, branch: .init(conditional: conditional, branch: branches.count))
                }
            case .foreach(let variable, let iterable, let body, let offset):
                let inspected = summarise(iterable)
                loops.append(TemplateInspection.Loop(
                    variable: variable.name, iterable: inspected, location: location(offset), hasBreak: Self.containsBreak(body)))
                walkRepeated(body, inStringLiteral: inStringLiteral)
            case .breakLoop(let scope, _):
                if let scope { _ = summarise(scope) }
            case .define(_, let body):
                walkRepeated(body, inStringLiteral: inStringLiteral)
            case .macroCall(_, let arguments, let body, _, _):
                for argument in arguments { _ = summarise(argument) }
                if let body { walkRepeated(body, inStringLiteral: inStringLiteral) }
            case .evaluate(let expression, _):
                _ = summarise(expression)
            }
        }
    }

    /// Walks a body that may run any number of times: a loop's, a `#define`'s or a macro's.
    mutating func walkRepeated(_ nodes: [Node], inStringLiteral: Bool = false) {
        repeatDepth += 1
        walk(nodes, inStringLiteral: inStringLiteral)
        repeatDepth -= 1
    }

    private mutating func walk(_ nodes: [Node], inStringLiteral: Bool, branch: TemplateInspection.BranchChoice) {
        branches.append(branch)
        walk(nodes, inStringLiteral: inStringLiteral)
        branches.removeLast()
    }

    // MARK: Summaries

    private mutating func summarise(_ reference: Reference) -> InspectedReference {
        // Record the reference before its arguments, so `references` reads in source order.
        let position = references.count
        references.append(InspectedReference(root: reference.name, steps: [], sourceText: reference.sourceText, location: location(reference.offset)))
        var steps: [InspectedReference.Step] = []
        for step in reference.steps {
            switch step {
            case .property(let name, _): steps.append(.property(name))
            case .method(let name, let arguments, _): steps.append(.method(name, arguments: arguments.map { summarise($0) }))
            case .index(let expression, _): steps.append(.index(summarise(expression)))
            }
        }
        references[position].steps = steps
        return references[position]
    }

    private mutating func summarise(_ expression: Expression) -> InspectedExpression {
        switch expression {
        case .constant(let constant):
            switch constant {
            case .bool(let value): return .bool(value)
            case .integer(let value): return .number(String(value))
            case .bigInteger(let value): return .number(value.description)
            case .double(let value): return .number(String(value))
            case .string(let value): return .string(value)
            }
        case .interpolatedString(let nodes):
            let start = insertions.count
            walk(nodes, inStringLiteral: true)
            return .interpolatedString(references: insertions[start...].map(\.reference))
        case .reference(let reference):
            return .reference(summarise(reference))
        case .list(let elements):
            return .list(elements.map { summarise($0) })
        case .map(let pairs):
            var found: [InspectedReference] = []
            for pair in pairs {
                found += summarise(pair.key).references
                found += summarise(pair.value).references
            }
            return .other(references: found)
        case .range(let from, let to, _):
            return .other(references: summarise(from).references + summarise(to).references)
        case .not(let operand):
            return .other(references: summarise(operand).references)
        case .binary(_, let left, let right, _):
            return .other(references: summarise(left).references + summarise(right).references)
        }
    }

    // MARK: Surroundings

    private func textBefore(_ index: Int, in nodes: [Node]) -> String {
        var pieces: [Substring] = []
        var position = index - 1
        while position >= 0 {
            if case .text(let text, _) = nodes[position] {
                if let lineBreak = text.lastIndex(where: \.isNewline) {
                    pieces.append(text[text.index(after: lineBreak)...])
                    break
                }
                pieces.append(text[...])
            } else if case .reference = nodes[position] {
                pieces.append(Substring(String(TemplateInspection.Insertion.otherInsertion)))
            } else {
                break
            }
            position -= 1
        }
        return pieces.reversed().joined()
    }

    private func textAfter(_ index: Int, in nodes: [Node]) -> String {
        var output = ""
        var position = index + 1
        while position < nodes.count {
            if case .text(let text, _) = nodes[position] {
                if let lineBreak = text.firstIndex(where: \.isNewline) {
                    output += text[..<lineBreak]
                    break
                }
                output += text
            } else if case .reference = nodes[position] {
                output.append(TemplateInspection.Insertion.otherInsertion)
            } else {
                break
            }
            position += 1
        }
        return output
    }

    private static func containsBreak(_ nodes: [Node]) -> Bool {
        nodes.contains { node in
            switch node {
            case .breakLoop: true
            case .conditional(let branches, let otherwise):
                branches.contains { containsBreak($0.body) } || containsBreak(otherwise ?? [])
            case .define(_, let body): containsBreak(body)
            // A nested loop's #break leaves only that loop (unless scoped; rare enough to ignore).
            default: false
            }
        }
    }

    private func location(_ offset: Int) -> TemplateLocation {
        // Binary search for the line, then count scalars (skip UTF-8 continuation bytes).
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        var column = 1
        let end = min(offset, source.bytes.count)
        var position = lineStarts[low]
        while position < end {
            if source.bytes[position] & 0xC0 != 0x80 { column += 1 }
            position += 1
        }
        return TemplateLocation(line: low + 1, column: column)
    }
}
