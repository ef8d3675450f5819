/// Reads YAML the way API definitions use it: SAM and CloudFormation templates,
/// OpenAPI and Swagger files, Serverless Framework files, and JSON (which is YAML).
///
/// ```swift
/// let root = try YAML.parse(text, fileName: "template.yaml")
/// let body = root["Resources"]?["Api"]?["Properties"]?["DefinitionBody"]
/// ```
///
/// Anchors and aliases are resolved (an alias yields a copy of the anchored node), `<<`
/// merge keys are applied, duplicate keys are errors, and local tags such as `!Sub`
/// stay on their nodes for the caller to interpret.
public enum YAML {
    /// How deeply collections may nest before parsing stops with
    /// ``YAMLError/Kind-swift.enum/nestingTooDeep``; far beyond any real template, low
    /// enough that hostile input cannot exhaust the stack.
    public static let maximumDepth = 512

    /// Parses the first document of `text`; an empty source yields a null scalar.
    ///
    /// Later documents are parsed too, so an error anywhere in `text` is reported.
    /// - Parameter fileName: names the source in error messages.
    public static func parse(_ text: String, fileName: String = "<input>") throws(YAMLError) -> YAMLNode {
        let documents = try parseAll(text, fileName: fileName)
        return documents.first ?? YAMLNode(.scalar("", style: .plain), location: YAMLLocation(line: 1, column: 1))
    }

    /// Parses every document of a `---`-separated stream, in order; an empty source
    /// yields no documents.
    /// - Parameter fileName: names the source in error messages.
    public static func parseAll(_ text: String, fileName: String = "<input>") throws(YAMLError) -> [YAMLNode] {
        var parser = Parser(source: Source(text: text, fileName: fileName))
        return try parser.parseStream()
    }
}
