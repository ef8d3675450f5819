import FuzzSupport
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
