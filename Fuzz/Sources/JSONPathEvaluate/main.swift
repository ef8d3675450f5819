import JSON

/// Invariant: the first line is a JSONPath, the rest a JSON document. A path compiles or fails
/// with a column inside it; evaluation never crashes and gives the same result twice.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
    let pathText = String(parts[0])
    let documentText = parts.count > 1 ? String(parts[1]) : #"{"a":[1,2,{"b":"x"}],"s":"t","n":null}"#
    let path: JSONPath
    do {
        path = try JSONPath(pathText)
    } catch {
        guard error.column >= 1, error.column <= pathText.utf8.count + 1 else {
            fatalError("column \(error.column) outside the path of \(pathText.utf8.count) bytes: \(error)")
        }
        return 0
    }
    guard let document = try? JSONValue.parse(documentText) else { return 0 }
    let result = path.evaluate(document)
    // Compared as text: permissive json-smart reads NaN, which never equals itself.
    guard "\(path.evaluate(document))" == "\(result)" else { fatalError("evaluation is not deterministic") }
    _ = result.matchedValue?.jsonText
    return 0
}
