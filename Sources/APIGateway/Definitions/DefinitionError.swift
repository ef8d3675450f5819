import YAML

/// Why an API definition could not be loaded, and where in the file.
///
/// Prints like a compiler diagnostic, `template.yaml:12:9: error: message`, so editors and
/// terminals can jump to the spot. Errors from the YAML reader keep its coordinates.
public struct DefinitionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, for a person.
    public var message: String
    /// The name given to ``APIDefinitionLoader/load(_:fileName:options:)``.
    public var fileName: String
    /// 1-based line; 0 when the problem belongs to the file as a whole.
    public var line: Int
    /// 1-based column; 0 when the problem belongs to the file as a whole.
    public var column: Int

    /// Creates an error.
    public init(message: String, fileName: String, line: Int = 0, column: Int = 0) {
        self.message = message
        self.fileName = fileName
        self.line = line
        self.column = column
    }

    /// `file:line:column: error: message`, or `file: error: message` without a position.
    public var description: String {
        line > 0 ? "\(fileName):\(line):\(column): error: \(message)" : "\(fileName): error: \(message)"
    }

    init(_ message: String, fileName: String, at location: YAMLLocation) {
        self.init(message: message, fileName: fileName, line: location.line, column: location.column)
    }

    init(_ yamlError: YAMLError) {
        self.init(message: yamlError.message, fileName: yamlError.fileName, line: yamlError.line, column: yamlError.column)
    }
}
