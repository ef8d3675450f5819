import Foundation
import YAML

/// The Serverless Framework's own `${source:address, fallback}` variables, replaced before
/// the `resources` section is read as CloudFormation: `self:`, `opt:`, `sls:`, `aws:` and
/// `env:` (which reads nothing, so only its fallback can apply). Anything else, such as
/// `${file(...)}`, `${ssm:...}` or a mapping template's own `${name}`, is left as written.
struct ServerlessVariables: Sendable {
    var root: YAMLNode
    var options: DefinitionOptions
    var fileName: String

    private static let maximumDepth = 10
    /// Bytes all substitutions together may write. A value may name another several times,
    /// ten levels deep, so a 1 KB file could otherwise expand to 10^10 copies (the
    /// "billion laughs"); real files write a few kilobytes.
    static let maximumExpansion = 16 * 1024 * 1024

    private struct ExpansionTooLarge: Error {}

    /// `node` with variables replaced in every scalar.
    func substitute(in node: YAMLNode) throws(DefinitionError) -> YAMLNode {
        var budget = Self.maximumExpansion
        return try substitute(in: node, budget: &budget)
    }

    private func substitute(in node: YAMLNode, budget: inout Int) throws(DefinitionError) -> YAMLNode {
        var result = node
        switch node.kind {
        case .scalar(let text, let style):
            guard text.contains("${") else { break }
            do {
                result.kind = .scalar(try replace(in: text, depth: 0, budget: &budget), style: style)
            } catch {
                throw DefinitionError(
                    "Serverless variables here expand past \(Self.maximumExpansion / 1024 / 1024) MB; a value that names another several times, level after level, grows exponentially",
                    fileName: fileName, at: node.location)
            }
        case .sequence(let items):
            var substituted: [YAMLNode] = []
            substituted.reserveCapacity(items.count)
            for item in items { substituted.append(try substitute(in: item, budget: &budget)) }
            result.kind = .sequence(substituted)
        case .mapping(let pairs):
            var substituted: [YAMLPair] = []
            substituted.reserveCapacity(pairs.count)
            for pair in pairs { substituted.append(YAMLPair(key: pair.key, value: try substitute(in: pair.value, budget: &budget))) }
            result.kind = .mapping(substituted)
        }
        return result
    }

    private func replace(in text: String, depth: Int, budget: inout Int) throws(ExpansionTooLarge) -> String {
        guard depth < Self.maximumDepth else { return text }
        var output = ""
        var index = text.startIndex
        while let start = text[index...].range(of: "${") {
            output += text[index..<start.lowerBound]
            // Find the matching brace; fallbacks may nest variables: ${opt:stage, ${self:provider.stage}}.
            var level = 1
            var cursor = start.upperBound
            while cursor < text.endIndex, level > 0 {
                if text[cursor] == "{" { level += 1 } else if text[cursor] == "}" { level -= 1 }
                if level > 0 { cursor = text.index(after: cursor) }
            }
            guard cursor < text.endIndex else {
                output += text[start.lowerBound...]
                return output
            }
            let expression = String(text[start.upperBound..<cursor])
            let replacement = try value(of: expression, depth: depth, budget: &budget) ?? "${\(expression)}"
            budget -= replacement.utf8.count
            guard budget >= 0 else { throw ExpansionTooLarge() }
            output += replacement
            index = text.index(after: cursor)
        }
        return output + text[index...]
    }

    /// The first of the comma-separated candidates that has a value.
    private func value(of expression: String, depth: Int, budget: inout Int) throws(ExpansionTooLarge) -> String? {
        for candidate in topLevelParts(expression) {
            let trimmed = candidate.trimmingCharacters(in: .whitespaces)
            if trimmed.count >= 2, let first = trimmed.first, first == "'" || first == "\"", trimmed.last == first {
                return String(trimmed.dropFirst().dropLast())
            }
            if trimmed.hasPrefix("${") { return try replace(in: trimmed, depth: depth + 1, budget: &budget) }
            if !trimmed.isEmpty, trimmed.allSatisfy(\.isNumber) { return trimmed }
            if let value = try lookup(trimmed, depth: depth, budget: &budget) { return value }
        }
        return nil
    }

    private func lookup(_ address: String, depth: Int, budget: inout Int) throws(ExpansionTooLarge) -> String? {
        guard let colon = address.firstIndex(of: ":") else { return nil }
        let source = address[..<colon], key = String(address[address.index(after: colon)...])
        switch source {
        case "self":
            var node: YAMLNode? = root
            for part in key.split(separator: ".") { node = node?[String(part)] }
            guard let text = node?.string else { return nil }
            return try replace(in: text, depth: depth + 1, budget: &budget)
        case "opt":
            if key == "region" { return options.region }
            return options.parameters[key]
        case "sls":
            return key == "stage" ? try stage(depth: depth, budget: &budget) : nil
        case "aws":
            switch key {
            case "region": return options.region
            case "accountId": return options.accountId
            case "partition": return "aws"
            default: return nil
            }
        default:
            return nil
        }
    }

    private func stage(depth: Int, budget: inout Int) throws(ExpansionTooLarge) -> String {
        if let given = options.parameters["stage"] { return given }
        guard let text = root["provider"]?["stage"]?.string else { return "dev" }
        return try replace(in: text, depth: depth + 1, budget: &budget)
    }

    private func topLevelParts(_ expression: String) -> [String] {
        var parts: [String] = [], current = "", level = 0
        for character in expression {
            if character == "{" { level += 1 } else if character == "}" { level -= 1 }
            if character == ",", level == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }
}
