import Foundation
import JSON
import Testing

/// Every input the JSON fuzz harnesses crashed on (`Fuzz/Crashes/JSONRoundTrip/`,
/// `Fuzz/Crashes/JSONPathEvaluate/`) still holds their invariants (the transcoder's one is
/// `expectAgreement` in TranscoderTests).
@Suite("Fuzz crash replay: JSON")
struct CrashReplayTests {
    /// Parse -> write -> parse gives the same value, numbers compared by numeric value:
    /// json-smart picks a number's Java type from its spelling, so `00000000001408384777`
    /// (20 digits: BigInteger) reads back as a Long and `000000000014083847771.50` (a long
    /// literal: BigDecimal) as a Double; `121e97445` is Infinity, which json-smart writes as null.
    /// The transcoder answers only what parse + write gives, and nothing where parsing fails.
    @Test(arguments: crashInputs(of: "JSONRoundTrip"))
    func roundTripCrashStaysFixed(name: String) throws {
        let text = String(decoding: try crashBytes(of: "JSONRoundTrip", name), as: UTF8.self)
        expectAgreement(text)
        guard let value = try? JSONValue.parse(text) else { return }
        let reread = try JSONValue.parse(JSONWriter().string(value))
        #expect(sameValue(reread, value), "\(JSONWriter().string(value))")
    }

    @Test(arguments: crashInputs(of: "JSONPathEvaluate"))
    func pathCrashStaysFixed(name: String) throws {
        let text = String(decoding: try crashBytes(of: "JSONPathEvaluate", name), as: UTF8.self)
        let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let pathText = String(parts[0])
        do {
            let path = try JSONPath(pathText)
            let document = try? JSONValue.parse(parts.count > 1 ? String(parts[1]) : #"{"a":[1,2,{"b":"x"}],"s":"t","n":null}"#)
            // Compared as text: a document may hold NaN (permissive json-smart reads it), never == itself.
            if let document { #expect("\(path.evaluate(document))" == "\(path.evaluate(document))") }
        } catch {
            #expect((1...(pathText.utf8.count + 1)).contains(error.column))
        }
    }
}

private func crashFolder(_ harness: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/Crashes/\(harness)")
}

private func crashInputs(of harness: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: crashFolder(harness).path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
}

private func crashBytes(of harness: String, _ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: crashFolder(harness).appendingPathComponent(name)))
}

private func sameValue(_ a: JSONValue, _ b: JSONValue) -> Bool {
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

private func numericValue(_ value: JSONValue) -> Double? {
    switch value {
    // A double as itself: written, an infinite one is `null`, yet a BigDecimal too large for
    // a double (`7.01E+3122`) is written as it is and reads back as that infinity.
    case .double(let number): number
    case .integer, .bigInteger, .bigDecimal: Double(JSONWriter().string(value))
    default: nil
    }
}
