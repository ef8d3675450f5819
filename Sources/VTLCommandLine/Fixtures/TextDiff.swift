/// A readable account of how two texts differ: the first differing line, with both versions.
enum TextDiff {
    static func describe(expected: String, actual: String) -> String {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var line = 0
        while line < min(expectedLines.count, actualLines.count), expectedLines[line] == actualLines[line] { line += 1 }
        let want = line < expectedLines.count ? quoted(String(expectedLines[line])) : "(no more lines)"
        let got = line < actualLines.count ? quoted(String(actualLines[line])) : "(no more lines)"
        return """
            output differs at line \(line + 1):
              expected: \(want)
              actual:   \(got)
            whole expected: \(quoted(expected))
            whole actual:   \(quoted(actual))
            """
    }

    /// The text in double quotes with invisible characters spelled out, so whitespace differences show.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
