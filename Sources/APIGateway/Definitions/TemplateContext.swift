import YAML

/// What intrinsic functions can refer to: a CloudFormation template's `Parameters`,
/// `Conditions`, `Mappings` and `Resources`, plus the options that stand in for a deployment.
/// A bare OpenAPI file has none of the sections, only the options.
struct TemplateContext: Sendable {
    /// A declared resource: its `Type` and its unresolved `Properties`.
    struct Resource: Sendable {
        var logicalId: String
        var type: String
        var properties: YAMLNode?
        var node: YAMLNode
    }

    var fileName: String
    var options: DefinitionOptions
    var parameters: [String: YAMLNode] = [:]
    var conditions: [String: YAMLNode] = [:]
    var mappings: YAMLNode?
    /// Resources in file order, so readers report methods in the order they were written.
    var resources: [Resource] = []
    private var resourceIndex: [String: Int] = [:]
    /// The source, to find where a block scalar's text starts.
    private var lines: SourceLines

    init(fileName: String, options: DefinitionOptions, text: String) {
        self.fileName = fileName
        self.options = options
        self.lines = SourceLines(text)
    }

    /// Reads the sections of a template; `root` is the mapping that holds `Resources`.
    init(template root: YAMLNode, fileName: String, options: DefinitionOptions, text: String) {
        self.init(fileName: fileName, options: options, text: text)
        for pair in root["Parameters"]?.mapping ?? [] {
            if let name = pair.key.string { parameters[name] = pair.value }
        }
        for pair in root["Conditions"]?.mapping ?? [] {
            if let name = pair.key.string { conditions[name] = pair.value }
        }
        mappings = root["Mappings"]
        for pair in root["Resources"]?.mapping ?? [] {
            guard let logicalId = pair.key.string else { continue }
            let type = pair.value["Type"]?.string ?? ""
            resourceIndex[logicalId] = resources.count
            resources.append(Resource(logicalId: logicalId, type: type, properties: pair.value["Properties"], node: pair.value))
        }
    }

    func resource(_ logicalId: String) -> Resource? {
        resourceIndex[logicalId].map { resources[$0] }
    }

    func error(_ message: String, at node: YAMLNode) -> DefinitionError {
        DefinitionError(message, fileName: fileName, at: node.location)
    }

    func error(_ message: String, at location: YAMLLocation) -> DefinitionError {
        DefinitionError(message, fileName: fileName, at: location)
    }

    func location(of node: YAMLNode) -> DefinitionLocation {
        DefinitionLocation(fileName: fileName, line: node.location.line, column: node.location.column)
    }

    /// Where the text of a scalar begins: a block scalar's text starts on the next non-blank
    /// line, at its indentation; a quoted scalar's one column after the quote.
    func textLocation(of node: YAMLNode) -> DefinitionLocation {
        switch node.scalarStyle {
        case .literal?, .folded?:
            var line = node.location.line + 1
            while line <= lines.count, lines[line].allSatisfy({ $0 == " " }) { line += 1 }
            guard line <= lines.count else { return location(of: node) }
            let indentation = lines[line].prefix { $0 == " " }.count
            return DefinitionLocation(fileName: fileName, line: line, column: indentation + 1)
        case .singleQuoted?, .doubleQuoted?:
            return DefinitionLocation(fileName: fileName, line: node.location.line, column: node.location.column + 1)
        default:
            return location(of: node)
        }
    }
}
