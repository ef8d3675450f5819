/// A failure to parse or render a template, located in the template's own coordinates.
public struct VTLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, broadly; lets callers choose an exit code or HTTP status.
    public enum Kind: String, Sendable, Equatable {
        /// The template text is not valid VTL.
        case syntax
        /// A directive that API Gateway refuses (`#include`, `#parse`).
        case unsupportedDirective
        /// A method or property call failed at render time (index out of range, bad regex, ...).
        case evaluation
        /// A configured limit was exceeded (template size, loop iterations, output size, ...).
        case limitExceeded
        /// A value given to the template (a request body, a parameter) could not be read.
        case input
    }

    /// The broad category, for choosing an exit code or status.
    public var kind: Kind
    /// What went wrong, in one line, without the location.
    public var message: String
    /// The template's name as given to `Template(source:name:)`, used as the file name in messages.
    public var templateName: String
    /// 1-based line of the error in the template.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int
    /// The source line the error is on, without its line break; empty when unknown.
    public var sourceLine: String

    /// Creates an error; the renderer and parser make these, hosts rarely need to.
    public init(kind: Kind, message: String, templateName: String, line: Int, column: Int, sourceLine: String = "") {
        self.kind = kind
        self.message = message
        self.templateName = templateName
        self.line = line
        self.column = column
        self.sourceLine = sourceLine
    }

    /// `name:line:column: error: message`, the first line of `diagnostic`.
    public var description: String {
        "\(templateName):\(line):\(column): error: \(message)"
    }

    /// The compiler-style report: the description, the source line, and a caret under the column.
    public var diagnostic: String {
        guard !sourceLine.isEmpty else { return description }
        var caretLine = ""
        for (offset, scalar) in sourceLine.unicodeScalars.enumerated() where offset < column - 1 {
            caretLine.append(scalar == "\t" ? "\t" : " ")
        }
        return "\(description)\n\(sourceLine)\n\(caretLine)^"
    }
}
