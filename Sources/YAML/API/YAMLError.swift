/// Why a YAML source could not be read, and where.
///
/// Prints like a compiler diagnostic so editors and terminals can jump to the spot:
/// `template.yaml:3:14: error: message`. ``diagnostic`` adds the source line and a caret.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The broad reason, for callers and tests that branch on it rather than on wording.
    public enum Kind: Sendable, Hashable {
        /// Tokens in an order YAML does not allow (such as `a: b: c`).
        case invalidSyntax
        /// A line indented to a column no enclosing block uses.
        case badIndentation
        /// A tab character used to indent a block line; YAML allows only spaces there.
        case tabIndentation
        /// A quoted scalar or flow collection that is never closed.
        case unterminated
        /// A backslash escape a double-quoted scalar does not define, or a bad code point.
        case invalidEscape
        /// `*name` with no earlier `&name` in the same document.
        case unknownAlias
        /// The same key twice in one mapping; CloudFormation rejects these too.
        case duplicateKey
        /// A `<<` merge key whose value is not a mapping or a list of mappings.
        case invalidMerge
        /// Collections nested deeper than ``YAML/maximumDepth``.
        case nestingTooDeep
    }

    /// The broad reason.
    public var kind: Kind
    /// What went wrong, for a person.
    public var message: String
    /// The name given to ``YAML/parse(_:fileName:)``, used as the diagnostic's prefix.
    public var fileName: String
    /// Where it went wrong.
    public var location: YAMLLocation
    /// The text of the source line at ``location``, without its line break.
    public var sourceLine: String
    /// A second place the error involves, such as the first of two duplicate keys.
    public var relatedLocation: YAMLLocation?

    /// Creates an error.
    public init(
        kind: Kind, message: String, fileName: String, location: YAMLLocation,
        sourceLine: String = "", relatedLocation: YAMLLocation? = nil
    ) {
        self.kind = kind
        self.message = message
        self.fileName = fileName
        self.location = location
        self.sourceLine = sourceLine
        self.relatedLocation = relatedLocation
    }

    /// The 1-based line of ``location``.
    public var line: Int { location.line }
    /// The 1-based column of ``location``.
    public var column: Int { location.column }

    /// `file.yaml:3:14: error: message`.
    public var description: String {
        "\(fileName):\(line):\(column): error: \(message)"
    }

    /// ``description``, then the source line, then a caret under the column.
    public var diagnostic: String {
        // Tabs are copied into the caret line so the caret lines up under them.
        let padding = sourceLine.unicodeScalars.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
        return "\(description)\n\(sourceLine)\n\(padding)^"
    }
}
