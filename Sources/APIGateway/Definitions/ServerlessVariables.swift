import Foundation
import YAML

/// The Serverless Framework's own `${source:address, fallback}` variables, replaced before
/// the `resources` section is read as CloudFormation: `self:`, `opt:`, `sls:`, `aws:` and
/// `env:` (which reads nothing, so only its fallback can apply). Anything else, such as
/// `${file(...)}`, `${ssm:...}` or a mapping template's own `${name}`, is left as written.
struct ServerlessVariables: Sendable {
    var root: YAMLNode
    var options: DefinitionOptions

    private static let maximumDepth = 10

    /// `node` with variables replaced in every scalar.
    func substitute(in node: YAMLNode, depth: Int = 0) -> YAMLNode {
        var result = node
        switch node.kind {
        case .scalar(let text, let style):
            if text.contains("${") { result.kind = .scalar(replace(in: text, depth: depth), style: style) }
        case .sequence(let items):
            result.kind = .sequence(items.map { substitute(in: $0, depth: depth) })
        case .mapping(let pairs):
            result.kind = .mapping(pairs.map { YAMLPair(key: $0.key, value: substitute(in: $0.value, depth: depth)) })
        }
        return result
    }

    private func replace(in text: String, depth: Int) -> String {
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
            output += value(of: expression, depth: depth) ?? "${\(expression)}"
            index = text.index(after: cursor)
        }
        return output + text[index...]
    }

    /// The first of the comma-separated candidates that has a value.
    private func value(of expression: String, depth: Int) -> String? {
        for candidate in topLevelParts(expression) {
            let trimmed = candidate.trimmingCharacters(in: .whitespaces)
            if trimmed.count >= 2, let first = trimmed.first, first == "'" || first == "\"", trimmed.last == first {
                return String(trimmed.dropFirst().dropLast())
            }
            if trimmed.hasPrefix("${") { return replace(in: trimmed, depth: depth + 1) }
            if !trimmed.isEmpty, trimmed.allSatisfy(\.isNumber) { return trimmed }
            if let value = lookup(trimmed, depth: depth) { return value }
        }
        return nil
    }

    private func lookup(_ address: String, depth: Int) -> String? {
        guard let colon = address.firstIndex(of: ":") else { return nil }
        let source = address[..<colon], key = String(address[address.index(after: colon)...])
        switch source {
        case "self":
            var node: YAMLNode? = root
            for part in key.split(separator: ".") { node = node?[String(part)] }
            return node?.string.map { replace(in: $0, depth: depth + 1) }
        case "opt":
            if key == "region" { return options.region }
            return options.parameters[key]
        case "sls":
            return key == "stage" ? stage(depth: depth) : nil
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

    private func stage(depth: Int) -> String {
        options.parameters["stage"] ?? root["provider"]?["stage"]?.string.map { replace(in: $0, depth: depth + 1) } ?? "dev"
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
