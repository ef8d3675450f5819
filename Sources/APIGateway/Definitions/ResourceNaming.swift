/// Names and ids for resources a template does not name, made up the way CloudFormation
/// makes them (`stack-LogicalId-1A2B3C4D5E6F`) but derived from the logical id, so every
/// load of the same file gives the same values and tests can spell them out.
enum ResourceNaming {
    /// `STACK-LOGICALID-SUFFIX`, CloudFormation's pattern for unnamed resources.
    static func generatedName(stack: String, logicalId: String) -> String {
        "\(stack)-\(logicalId)-\(token(logicalId, length: 12, alphabet: upperAlphanumerics))"
    }

    /// A REST API id or resource id: lower-case letters and digits, as API Gateway prints them.
    static func id(_ seed: String, length: Int) -> String {
        token(seed, length: length, alphabet: lowerAlphanumerics)
    }

    /// A version-4-shaped UUID, for stack ids.
    static func uuid(_ seed: String) -> String {
        let hex = Array(token(seed, length: 32, alphabet: Array("0123456789abcdef")))
        let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(hex[$0]) }
        return groups.joined(separator: "-")
    }

    private static let upperAlphanumerics = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    private static let lowerAlphanumerics = Array("abcdefghijklmnopqrstuvwxyz0123456789")

    /// Characters drawn from a 64-bit FNV-1a hash, re-hashed when it runs out; `Hasher`
    /// would differ between runs.
    private static func token(_ seed: String, length: Int, alphabet: [Character]) -> String {
        var state: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in seed.utf8 {
            state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        var output = ""
        while output.count < length {
            // splitmix64 steps spread the hash over as many characters as are asked for.
            state = state &+ 0x9e37_79b9_7f4a_7c15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
            mixed ^= mixed >> 31
            output.append(alphabet[Int(mixed % UInt64(alphabet.count))])
        }
        return output
    }
}
