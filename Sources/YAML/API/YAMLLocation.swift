/// Where something was written in a YAML source: a 1-based line and a 1-based column.
///
/// Columns count Unicode scalars, so a line with non-ASCII text still points at the
/// character a person sees in an editor rather than at a byte.
public struct YAMLLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column number, in Unicode scalars.
    public var column: Int

    /// Creates a location from a 1-based line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Orders locations as they appear in the source: by line, then by column.
    public static func < (lhs: YAMLLocation, rhs: YAMLLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// `line:column`, the way compilers print positions.
    public var description: String { "\(line):\(column)" }
}
