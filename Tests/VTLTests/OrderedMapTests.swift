import Testing
import VTL

/// `OrderedMap` behaves as the `LinkedHashMap` hosts hand to templates, small or large.
@Suite("Ordered maps")
struct OrderedMapTests {
    @Test(arguments: [3, 40])
    func aRepeatedKeyKeepsItsFirstPlaceAndItsLastValue(size: Int) {
        var pairs: [(String, Value)] = (0..<size).map { ("k\($0)", .integer($0)) }
        pairs.append(("k1", "last"))
        let map = OrderedMap(pairs)
        #expect(map.count == size)
        #expect(map.keys == (0..<size).map { "k\($0)" })
        #expect(map["k1"] == "last")
        #expect(map["k\(size - 1)"] == .integer(size - 1))
        #expect(map["missing"] == nil)
    }

    @Test(arguments: [3, 40])
    func setValueAddsNewKeysLastAndReplacesInPlace(size: Int) {
        var map = OrderedMap()
        map.reserveCapacity(size)
        for number in 0..<size { map.setValue(.integer(number), forKey: "k\(number)") }
        map.setValue("last", forKey: "k1")
        map.setValue("new", forKey: "added")
        #expect(map.count == size + 1)
        #expect(map.keys == (0..<size).map { "k\($0)" } + ["added"])
        #expect(map["k1"] == "last")
        #expect(map["added"] == "new")
        #expect(map == OrderedMap((0..<size).map { ("k\($0)", .integer($0)) } + [("k1", "last"), ("added", "new")]))
    }

    @Test func writesAfterBuildingFindTheSameKeys() {
        var map = OrderedMap((0..<40).map { ("k\($0)", .integer($0)) })
        map["k39"] = "x"
        map["new"] = "y"
        map["k0"] = nil
        #expect(map.count == 40)
        #expect(map["k39"] == "x")
        #expect(map["new"] == "y")
        #expect(map.keys.first == "k1")
    }

    /// A `LinkedHashMap` compares keys with `String.equals`: U+00E9 and e + U+0301 are two keys.
    @Test(arguments: [3, 40])
    func keysAndStringsAreTheSameOnlyByteForByte(size: Int) {
        var pairs: [(String, Value)] = (0..<size - 2).map { ("k\($0)", .integer($0)) }
        pairs += [("\u{E9}", 1), ("e\u{301}", 2)]
        let map = OrderedMap(pairs)
        #expect(map.count == size)
        #expect(map["\u{E9}"] == 1 && map["e\u{301}"] == 2)
        #expect(Value.string("\u{E9}") != Value.string("e\u{301}"))
        #expect(OrderedMap([("\u{E9}", 1)]) != OrderedMap([("e\u{301}", 1)]))
    }
}
