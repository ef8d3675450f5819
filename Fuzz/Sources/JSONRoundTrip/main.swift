import JSON

/// Invariant: whatever the permissive reader accepts, writing it and reading that back gives
/// the same value (numbers compared by numeric value). A rejected input has a location.
/// And the transcoder, where it answers, answers exactly what parse + write gives; it never
/// answers for input the parser rejects.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let transcoded = JSONTranscoder().compactText(text)
    let value: JSONValue
    do {
        value = try JSONValue.parse(text)
    } catch {
        guard error.line >= 1, error.column >= 1 else { fatalError("error without a location: \(error)") }
        guard transcoded == nil else { fatalError("transcoded input the parser rejects (\(error)):\n\(transcoded!)") }
        return 0
    }
    let written = JSONWriter().string(value)
    if let transcoded, transcoded != written {
        fatalError("transcoded text differs from parse + write:\n\(transcoded)\n\(written)")
    }
    let reread: JSONValue
    do {
        reread = try JSONValue.parse(written)
    } catch {
        fatalError("written JSON does not read back: \(error)\n\(written)")
    }
    // json-smart picks a number's Java type from its spelling: 20 digits (even with leading
    // zeros) make a BigInteger, a long fraction a BigDecimal. Written out, the same number can
    // read back as a Long or a Double. So numbers must agree in value; all else exactly.
    guard sameValue(reread, value) else { fatalError("round trip changed the value:\n\(written)") }
    return 0
}

/// Equal, except that numbers only need the same numeric value, whatever their Java type.
func sameValue(_ a: JSONValue, _ b: JSONValue) -> Bool {
    if let x = numericValue(a), let y = numericValue(b) { return x == y || (x.isNaN && y.isNaN) }
    switch (a, b) {
    // json-smart writes a number too large for a double (`121e97445`, Infinity) as null.
    case (.double(let x), .null), (.null, .double(let x)): return !x.isFinite
    case (.array(let x), .array(let y)):
        return x.count == y.count && zip(x, y).allSatisfy { sameValue($0, $1) }
    case (.object(let x), .object(let y)):
        return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && sameValue($0.value, $1.value) }
    default:
        return a == b
    }
}

func numericValue(_ value: JSONValue) -> Double? {
    switch value {
    // A double as itself: written, an infinite one is `null`, yet a BigDecimal too large for
    // a double (`7.01E+3122`) is written as it is and reads back as that infinity.
    case .double(let number): number
    case .integer, .bigInteger, .bigDecimal: Double(JSONWriter().string(value))
    default: nil
    }
}
