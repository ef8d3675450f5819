import VTL

/// Invariant: a template either parses, or fails with a 1-based line and column that lie
/// inside the source (a column may point just past the end of its line).
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let source = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    do {
        _ = try Template(source: source, name: "fuzz.vm")
    } catch {
        checkLocation(error, in: source)
    }
    return 0
}

func checkLocation(_ error: VTLError, in source: String) {
    let lines = source.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
    guard error.line >= 1, error.line <= lines.count else {
        fatalError("line \(error.line) outside 1...\(lines.count): \(error)")
    }
    let width = lines[error.line - 1].count
    guard error.column >= 1, error.column <= width + 1 else {
        fatalError("column \(error.column) outside 1...\(width + 1) on line \(error.line): \(error)")
    }
}
