import APIGateway

/// Invariant: an API definition (OpenAPI, Swagger, SAM, CloudFormation; JSON or YAML) loads,
/// or fails with a position inside the source, or with none (line 0: the file as a whole).
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    do {
        _ = try APIDefinitionLoader.load(text, fileName: "fuzz.yaml")
    } catch {
        if error.line == 0 && error.column == 0 { return 0 }
        var normalised = String.UnicodeScalarView()
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                normalised.append("\n")
                previousWasCarriageReturn = true
                continue
            }
            if !(scalar == "\n" && previousWasCarriageReturn) { normalised.append(scalar) }
            previousWasCarriageReturn = false
        }
        var scalars = Array(normalised)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let lines = scalars.split(separator: "\n", omittingEmptySubsequences: false)
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
