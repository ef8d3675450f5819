/// `java.util.regex` syntax rewritten for ICU's engine where the two read the same text
/// differently. Java's predefined and POSIX classes are ASCII-only unless a pattern asks for
/// Unicode (`\w` is `[a-zA-Z_0-9]`, `\s` does not match U+00A0, `\p{Alpha}` is `[a-zA-Z]`);
/// ICU's are Unicode. And inside a class Java reads `[:alpha:]` as a nested class of the
/// letters `:alph`, where ICU reads a POSIX property. Everything else is passed on as written.
///
/// Not rewritten: `(?i)`, which Java applies to ASCII letters only (without `(?u)`) and ICU
/// to all of Unicode.
public enum JavaRegexSyntax {
    /// The ICU pattern that matches what `pattern` matches in Java.
    public static func icuPattern(_ pattern: String) -> String {
        // Most patterns have no backslash and no nested bracket: nothing to rewrite.
        guard pattern.utf8.contains(UInt8(ascii: "\\")) || pattern.utf8.contains(UInt8(ascii: ":")) else { return pattern }
        let scalars = Array(pattern.unicodeScalars)
        var output = String.UnicodeScalarView()
        var classDepth = 0
        var index = 0
        func append(_ text: String) { output.append(contentsOf: text.unicodeScalars) }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\", index + 1 < scalars.count {
                let next = scalars[index + 1]
                if next == "Q" {
                    // Quoted text, up to `\E` or the end, is literal in both.
                    var end = index + 2
                    while end < scalars.count, !(scalars[end] == "\\" && end + 1 < scalars.count && scalars[end + 1] == "E") { end += 1 }
                    let stop = min(end + 2, scalars.count)
                    output.append(contentsOf: scalars[index..<stop])
                    index = stop
                    continue
                }
                if let set = predefinedClass(next) {
                    append(set)
                    index += 2
                    continue
                }
                if next == "p" || next == "P", index + 2 < scalars.count, scalars[index + 2] == "{",
                   let close = scalars[(index + 3)...].firstIndex(of: "}"),
                   let set = posixClass(String(String.UnicodeScalarView(scalars[(index + 3)..<close])), negated: next == "P")
                {
                    append(set)
                    index = close + 1
                    continue
                }
                output.append(scalar)
                output.append(next)
                index += 2
                continue
            }
            if scalar == "[" {
                if classDepth > 0, index + 1 < scalars.count, scalars[index + 1] == ":" {
                    // A nested class that starts with ':' holds the ':' as a character.
                    append("[\\:")
                    classDepth += 1
                    index += 2
                    continue
                }
                classDepth += 1
            } else if scalar == "]", classDepth > 0 {
                classDepth -= 1
            }
            output.append(scalar)
            index += 1
        }
        return String(output)
    }

    /// `\w \W \d \D \s \S` as Java defines them, as a bracketed set (which ICU also reads nested inside a class).
    private static func predefinedClass(_ letter: Unicode.Scalar) -> String? {
        switch letter {
        case "w": "[a-zA-Z_0-9]"
        case "W": "[^a-zA-Z_0-9]"
        case "d": "[0-9]"
        case "D": "[^0-9]"
        case "s": "[ \\t\\n\\x{0B}\\f\\r]"
        case "S": "[^ \\t\\n\\x{0B}\\f\\r]"
        default: nil
        }
    }

    /// Java's POSIX classes (`\p{Alpha}`), US-ASCII only; nil for any other property name.
    private static func posixClass(_ name: String, negated: Bool) -> String? {
        let members: String
        switch name {
        case "Lower": members = "a-z"
        case "Upper": members = "A-Z"
        case "ASCII": members = "\\x{00}-\\x{7F}"
        case "Alpha": members = "a-zA-Z"
        case "Digit": members = "0-9"
        case "Alnum": members = "a-zA-Z0-9"
        case "Punct": members = "!-/:-@\\[-`{-~"
        case "Graph": members = "!-~"
        case "Print": members = " -~"
        case "Blank": members = " \\t"
        case "Cntrl": members = "\\x{00}-\\x{1F}\\x{7F}"
        case "XDigit": members = "0-9a-fA-F"
        case "Space": members = " \\t\\n\\x{0B}\\f\\r"
        default: return nil
        }
        return (negated ? "[^" : "[") + members + "]"
    }
}
