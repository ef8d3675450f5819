// Expected values: the layout the JSON model was shaped for (see JSONObject.KeyList), not an
// external reference; a change here means every array of a parsed tree grew.
import JSON
import Testing

@Suite("The JSON model's memory layout")
struct ObjectLayoutTests {
    /// An object is two words, so a value is at most two words and a tag: 24 bytes an element.
    @Test("JSONObject is two words and JSONValue 24 bytes a slot")
    func compactValues() {
        #expect(MemoryLayout<JSONObject>.size == 16)
        #expect(MemoryLayout<JSONValue>.stride == 24)
    }

    /// Built key by key past the point where an index is kept, then back below it.
    @Test("an object keeps finding its keys as it grows past an index and shrinks back")
    func growAndShrink() {
        var object = JSONObject()
        for key in 0..<12 { object["k\(key)"] = .integer(key) }
        object["k3"] = "three"
        #expect(object.count == 12 && object["k3"] == "three" && object["k11"] == .integer(11))
        for key in 0..<10 where key != 3 { object["k\(key)"] = nil }
        #expect(object.keys == ["k3", "k10", "k11"])
        #expect(object["k10"] == .integer(10) && object["k0"] == nil)
        #expect(object == JSONObject([("k11", 11), ("k3", "three"), ("k10", 10)]))
    }
}
