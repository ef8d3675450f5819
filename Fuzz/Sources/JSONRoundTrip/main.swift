import JSON

/// Invariant: whatever the permissive reader accepts, writing it and reading that back gives
/// the same value, and writing again gives the same text. A rejected input has a location.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let value: JSONValue
    do {
        value = try JSONValue.parse(text)
    } catch {
        guard error.line >= 1, error.column >= 1 else { fatalError("error without a location: \(error)") }
        return 0
    }
    let written = JSONWriter().string(value)
    let reread: JSONValue
    do {
        reread = try JSONValue.parse(written)
    } catch {
        fatalError("written JSON does not read back: \(error)\n\(written)")
    }
    guard reread == value else { fatalError("round trip changed the value:\n\(written)") }
    guard JSONWriter().string(reread) == written else { fatalError("writing is not stable:\n\(written)") }
    return 0
}
