import Testing
import YAML

/// Hostile or broken input ends in an error, never a crash or a hang.
@Suite("Robustness")
struct RobustnessTests {
    @Test("deep-nesting-is-an-error-not-a-stack-overflow", arguments: [
        String(repeating: "[", count: 100_000),
        String(repeating: "{a: ", count: 10_000),
        String(repeating: "- ", count: 10_000) + "x",
        (0..<2_000).map { String(repeating: " ", count: $0) + "k:\n" }.joined(),
        String(repeating: "!Ref [", count: 5_000),
    ])
    func deepNesting(text: String) throws {
        let error = try #require(parseError(text))
        #expect(error.kind == .nestingTooDeep)
    }

    @Test("nesting-up-to-the-limit-parses")
    func nestingAtLimit() throws {
        let depth = YAML.maximumDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var node = try YAML.parse(text)
        var levels = 1
        while let inner = node[0] {
            node = inner
            levels += 1
        }
        #expect(levels == depth)
    }

    @Test("aliases-share-storage-instead-of-expanding")
    func billionLaughs() throws {
        // Each level doubles the logical size; copies are values that share storage.
        var text = "a0: &a0 [x, x]\n"
        for level in 1..<40 { text += "a\(level): &a\(level) [*a\(level - 1), *a\(level - 1)]\n" }
        let root = try YAML.parse(text)
        #expect(root["a39"]?.sequence?.count == 2)
    }

    @Test("every-prefix-of-a-real-template-parses-or-fails-cleanly")
    func prefixes() {
        let text = """
            Resources:
              Api: &api
                Type: "AWS::Serverless::Api"
                Props: {a: [1, 'two', "th\\u00e9"], b: !Sub x}
                Body: |-
                  #set($x = 1)
                  ok
                List:
                - ? k
                  : v
                - *api
            ...
            """
        let scalars = Array(text.unicodeScalars)
        for length in 0...scalars.count {
            let prefix = String(String.UnicodeScalarView(scalars[0..<length]))
            if let error = parseError(prefix) {
                #expect(error.line >= 1 && error.column >= 1)
            }
        }
    }

    @Test("random-bytes-never-crash")
    func randomInput() {
        var generator = SplitMix64(seed: 0x5EED)
        let alphabet = Array("ab :-?[]{},#&*!|>'\"%@`\\\n\t  \n\u{FEFF}é0.~<".unicodeScalars)
        for _ in 0..<3_000 {
            let length = Int(generator.next() % 40)
            let scalars = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let text = String(String.UnicodeScalarView(scalars))
            if let error = parseError(text) {
                #expect(error.line >= 1 && error.column >= 1, "\(text.debugDescription)")
            }
        }
    }
}

/// A small deterministic generator so failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
