import YAML

/// A node's content without locations or scalar styles, written as literals so a test
/// states the expected tree the way the YAML reads: `["a": ["x", "y"]]`.
/// Tags show up as `.tagged("!Sub", "text")`.
indirect enum Shape: Equatable, CustomStringConvertible,
    ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    struct Pair: Equatable {
        var key: Shape
        var value: Shape
    }

    case scalar(String)
    case sequence([Shape])
    case mapping([Pair])
    case tagged(String, Shape)

    init(_ node: YAMLNode) {
        let content: Shape
        switch node.kind {
        case .scalar(let text, _): content = .scalar(text)
        case .sequence(let items): content = .sequence(items.map(Shape.init))
        case .mapping(let pairs): content = .mapping(pairs.map { Pair(key: Shape($0.key), value: Shape($0.value)) })
        }
        self = node.tag.map { .tagged($0, content) } ?? content
    }

    init(stringLiteral value: String) { self = .scalar(value) }
    init(arrayLiteral elements: Shape...) { self = .sequence(elements) }
    init(dictionaryLiteral elements: (Shape, Shape)...) {
        self = .mapping(elements.map { Pair(key: $0.0, value: $0.1) })
    }

    var description: String {
        switch self {
        case .scalar(let text): "\"\(text)\""
        case .sequence(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .mapping(let pairs): "{" + pairs.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        case .tagged(let tag, let content): "\(tag) \(content)"
        }
    }
}

/// Parses `text` and returns its shape; the one call most tests need.
func shape(_ text: String) throws -> Shape {
    Shape(try YAML.parse(text))
}

/// The error that parsing `text` throws, or `nil` if it parses.
func parseError(_ text: String, fileName: String = "<input>") -> YAMLError? {
    do {
        _ = try YAML.parseAll(text, fileName: fileName)
        return nil
    } catch {
        return error
    }
}
