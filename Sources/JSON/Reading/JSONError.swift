/// Why a body could not be read as JSON, and where.
///
/// API Gateway answers such a body with 400 `Could not process payload` followed by the
/// json-smart exception; `javaMessage` is that exception's text (for example
/// `Unexpected End Of File position 1: null`), with json-smart's 0-based UTF-16 position.
public struct JSONError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of failure json-smart distinguishes.
    public enum Kind: Sendable, Hashable {
        /// A structural character in the wrong place: `ParseException` "Unexpected character".
        case unexpectedCharacter
        /// Something other than `,` or `}` after an object member: "Unexpected token".
        case unexpectedToken
        /// The text ended inside a string, array or object: "Unexpected End Of File".
        case unexpectedEndOfInput
        /// A `\u` or `\x` escape with a non-hex digit: "Unexpected unicode escape sequence".
        case invalidUnicodeEscape
        /// Nesting deeper than the limit: json-smart's "Malicious payload" depth check.
        case tooDeep
        /// Number-like text Java cannot convert, e.g. `1e+` (`NumberFormatException`).
        case invalidNumber
    }

    /// What went wrong.
    public let kind: Kind
    /// 1-based line of the offending spot.
    public let line: Int
    /// 1-based column, counted in Unicode scalars.
    public let column: Int
    /// The exception text json-smart 2.2 produces for the same input.
    public let javaMessage: String

    /// Creates an error; parsers compute `line` and `column` only when they fail.
    public init(kind: Kind, line: Int, column: Int, javaMessage: String) {
        self.kind = kind
        self.line = line
        self.column = column
        self.javaMessage = javaMessage
    }

    /// `line:column: message`, the message being json-smart's.
    public var description: String { "\(line):\(column): \(javaMessage)" }
}
