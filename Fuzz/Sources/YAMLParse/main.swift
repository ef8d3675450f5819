import YAML

/// Invariant: YAML parses, or fails with a line and column inside the source (after line
/// breaks are normalised to `\n` and a byte-order mark dropped, as the reader does).
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    do {
        _ = try YAML.parseAll(text, fileName: "fuzz.yaml")
    } catch {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var normalised = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\r" {
                normalised.append("\n")
                if index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
            } else {
                normalised.append(scalars[index])
            }
            index += 1
        }
        let lines = Array(normalised).split(separator: "\n", omittingEmptySubsequences: false)
        guard error.line >= 1, error.line <= lines.count else {
            fatalError("line \(error.line) outside 1...\(lines.count): \(error)")
        }
        let width = lines[error.line - 1].count
        guard error.column >= 1, error.column <= width + 1 else {
            fatalError("column \(error.column) outside 1...\(width + 1) on line \(error.line): \(error)")
        }
    }
    return 0
}
