/// A position inside a ``Source``: 0-based, like the arrays it indexes. Converted to the
/// 1-based ``YAMLLocation`` only when it leaves the module.
struct Mark: Sendable, Hashable {
    var offset: Int
    var line: Int
    var column: Int

    var location: YAMLLocation { YAMLLocation(line: line + 1, column: column + 1) }
}

/// The text being read, as Unicode scalars so that columns count what a person sees.
struct Source: Sendable {
    /// The text with every line break turned into `\n` and any byte-order mark removed,
    /// so the scanner has one kind of line break to think about.
    let scalars: [Unicode.Scalar]
    let fileName: String

    init(text: String, fileName: String) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                previousWasCarriageReturn = true
                continue
            }
            if !(scalar == "\n" && previousWasCarriageReturn) { scalars.append(scalar) }
            previousWasCarriageReturn = false
        }
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        self.scalars = scalars
        self.fileName = fileName
    }

    /// The text of the 0-based `line`, for diagnostics; computed only when an error is
    /// reported, so no line table is kept.
    func lineText(_ line: Int) -> String {
        var start = 0
        var currentLine = 0
        while currentLine < line, let newline = scalars[start...].firstIndex(of: "\n") {
            start = newline + 1
            currentLine += 1
        }
        let end = scalars[start...].firstIndex(of: "\n") ?? scalars.endIndex
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    func error(_ kind: YAMLError.Kind, _ message: String, at mark: Mark) -> YAMLError {
        YAMLError(kind: kind, message: message, fileName: fileName, location: mark.location, sourceLine: lineText(mark.line))
    }
}
