import VTL

/// Turns a line and column inside a mapping template into a line and column of the file the
/// template is written in. `ContentTemplate.location` says where the text starts; a block
/// scalar's later lines follow one per file line at the same indentation, so each template
/// line is looked for on the matching file line. When the text cannot be found there (a
/// quoted scalar with `\n` escapes, a folded scalar), the template's start is the answer:
/// still the right integration, never a wrong line.
struct TemplateLocationMapping: Sendable {
    private let fileLines: SourceLines
    private let templateLines: [Substring]
    private let start: DefinitionLocation

    init(definitionText: String, template: ContentTemplate) {
        // Split as the YAML reader splits, so `\r\n` files count lines as the locations do.
        fileLines = SourceLines(definitionText)
        templateLines = template.template.split(separator: "\n", omittingEmptySubsequences: false)
        start = template.location
    }

    func map(_ location: TemplateLocation) -> DefinitionLocation {
        guard start.line > 0 else {
            return DefinitionLocation(fileName: start.fileName, line: location.line, column: location.column)
        }
        let fileLineNumber = start.line + location.line - 1
        guard location.line <= templateLines.count, fileLineNumber <= fileLines.count else { return start }
        let fileLine = Array(fileLines[fileLineNumber].unicodeScalars)
        let templateLine = Array(templateLines[location.line - 1].unicodeScalars)
        // The first line starts at the recorded column; later lines wherever their text is.
        let searchFrom = location.line == 1 ? max(0, start.column - 1) : 0
        let prefixLength = min(templateLine.count, max(0, location.column - 1) + 8)
        let needle = Array(templateLine.prefix(prefixLength))
        guard let found = Self.find(needle, in: fileLine, from: searchFrom) else { return start }
        return DefinitionLocation(fileName: start.fileName, line: fileLineNumber, column: found + location.column)
    }

    private static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int) -> Int? {
        if needle.isEmpty { return from }
        guard haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        for index in from...(haystack.count - needle.count) where haystack[index..<index + needle.count].elementsEqual(needle) {
            return index
        }
        return nil
    }
}
