/// A JSONPath that Jayway JsonPath 2.0.0 refuses to compile (`InvalidPathException`).
public struct JSONPathError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public let message: String
    /// 1-based column in the path text where the problem was found.
    public let column: Int

    /// Creates an error at a column of the path text.
    public init(message: String, column: Int) {
        self.message = message
        self.column = column
    }

    /// `column: message`.
    public var description: String { "\(column): \(message)" }
}
