/// An `application/x-www-form-urlencoded` body read the way SQS's query API reads it: `&`
/// separates parameters, the first `=` separates name from value, `+` is a space and `%XX`
/// is a byte, the bytes read as UTF-8 (WHATWG URL "application/x-www-form-urlencoded parsing",
/// HTML 4.01 §17.13.4; the rules every AWS query API follows).
///
/// Where the rules leave a choice, SQS's exact answer is not recorded, and this reader says so
/// in `note`: a `%` not followed by two hex digits is kept as written (WHATWG's rule; a Java
/// `URLDecoder` would refuse the whole request), and a piece without `=` is a name with an empty value.
public struct SQSFormParameter: Sendable, Equatable {
    /// The decoded parameter name (`MessageBody`), or the JSON key for the JSON protocol.
    public var name: String
    /// The decoded value SQS uses.
    public var value: String
    /// The piece of the body it came from, before decoding.
    public var raw: String
    /// What SQS does with this parameter, when it is not simply used.
    public var note: String?

    /// Creates a parameter.
    public init(name: String, value: String, raw: String, note: String? = nil) {
        self.name = name
        self.value = value
        self.raw = raw
        self.note = note
    }
}

enum SQSFormBody {
    static func parameters(_ body: String) -> [SQSFormParameter] {
        var parameters: [SQSFormParameter] = []
        read(body, into: &parameters)
        return parameters
    }

    /// Appends the body's parameters to `parameters`.
    static func read(_ body: String, into parameters: inout [SQSFormParameter]) {
        let text = body[...]
        forEachPiece(of: text) { bytes, piece, equals in
            parameters.append(parameter(bytes, piece, equals: equals))
            return true
        }
    }

    /// The decoded value of the first parameter with each of `names`, nil for a name no
    /// parameter has, reading `texts` in turn as one list. Only names that could equal one
    /// of `names` are decoded, and only the found values: a body that was never URL-encoded
    /// breaks into many long pieces that SQS reads and the pipeline does not need.
    static func firstValues(of names: [String], in texts: [String]) -> [String?] {
        var values = [String?](repeating: nil, count: names.count)
        var missing = names.count
        // A name equal to an ASCII name of n characters has at most n scalars (decomposition
        // never shortens), so at most 4n bytes, each written as at most three (`%XX`).
        let longestRaw = 12 * (names.map(\.utf8.count).max() ?? 0)
        let nameCodes = names.map { Array($0.utf8) }
        for body in texts where missing > 0 {
            forEachPiece(of: body[...]) { bytes, piece, equals in
                let nameBytes = UnsafeBufferPointer(rebasing: bytes[piece.lowerBound..<(equals ?? piece.upperBound)])
                guard nameBytes.count <= longestRaw else { return true }
                let index: Int?
                if nameBytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "%") }) {
                    // ASCII text equals another string only byte for byte: compare without decoding.
                    index = nameCodes.firstIndex { name in
                        name.count == nameBytes.count
                            && zip(name, nameBytes).allSatisfy { $0 == ($1 == UInt8(ascii: "+") ? UInt8(ascii: " ") : $1) }
                    }
                } else {
                    index = names.firstIndex(of: decode(nameBytes).text)
                }
                if let index, values[index] == nil {
                    values[index] = equals.map { decode(UnsafeBufferPointer(rebasing: bytes[($0 + 1)..<piece.upperBound])).text } ?? ""
                    missing -= 1
                }
                return missing > 0
            }
        }
        return values
    }

    /// Calls `visit` with each non-empty `&`-separated piece of `text` as a range of its UTF-8
    /// bytes, and the offset of the piece's first `=`, until `visit` returns false. One pass
    /// over the bytes finds the pieces that splitting on `&` `Character`s, then each piece on
    /// its first `=` `Character`, would give: a separator byte counts only where it is a
    /// `Character` by itself. The pieces' ends are such separators, so whether an `=` inside a
    /// piece is one is the same question asked of the whole text.
    private static func forEachPiece(
        of text: Substring, _ visit: (UnsafeBufferPointer<UInt8>, Range<Int>, _ equals: Int?) -> Bool
    ) {
        text.withUTF8Bytes { bytes in
            var pieceStart = 0
            var equals: Int?
            var offset = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "&") && text.isWholeCharacter(atOffset: offset, in: bytes) {
                    // Empty pieces (`&&`, a leading or trailing `&`) are no parameters.
                    if offset > pieceStart, !visit(bytes, pieceStart..<offset, equals) { return }
                    pieceStart = offset + 1
                    equals = nil
                } else if byte == UInt8(ascii: "="), equals == nil, text.isWholeCharacter(atOffset: offset, in: bytes) {
                    equals = offset
                }
                offset += 1
            }
            if pieceStart < bytes.count { _ = visit(bytes, pieceStart..<bytes.count, equals) }
        }
    }

    /// The parameter of one piece, given as a range of the body's bytes.
    private static func parameter(_ bytes: UnsafeBufferPointer<UInt8>, _ piece: Range<Int>, equals: Int?) -> SQSFormParameter {
        let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[piece]), as: UTF8.self)
        let name = decode(UnsafeBufferPointer(rebasing: bytes[piece.lowerBound..<(equals ?? piece.upperBound)]))
        let value = equals.map { decode(UnsafeBufferPointer(rebasing: bytes[($0 + 1)..<piece.upperBound])) } ?? (text: "", malformed: false)
        var notes: [String] = []
        if equals == nil { notes.append("no '=': read as a name with an empty value") }
        if name.malformed || value.malformed {
            notes.append("a '%' not followed by two hex digits is kept as written (SQS's exact answer is not recorded)")
        }
        return SQSFormParameter(name: name.text, value: value.text, raw: raw, note: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }

    /// The decoded text and whether a malformed `%` escape was met.
    private static func decode(_ source: UnsafeBufferPointer<UInt8>) -> (text: String, malformed: Bool) {
        // Most names and many values have nothing to decode: their bytes are the answer.
        guard let firstCoded = source.firstIndex(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) else {
            return (String(decoding: source, as: UTF8.self), false)
        }
        var malformed = false
        // Decoding never lengthens the text. The string repairs ill-formed UTF-8 (a `%FF`)
        // with U+FFFD, as `String(decoding:as:)` does.
        let decoded = String(unsafeUninitializedCapacity: source.count) { output in
            var written = 0
            while written < firstCoded {
                output[written] = source[written]
                written += 1
            }
            var index = firstCoded
            while index < source.count {
                let byte = source[index]
                if byte == UInt8(ascii: "+") {
                    output[written] = UInt8(ascii: " ")
                    index += 1
                } else if byte == UInt8(ascii: "%"), index + 2 < source.count,
                    let high = hexValue(source[index + 1]), let low = hexValue(source[index + 2])
                {
                    output[written] = high << 4 | low
                    index += 3
                } else {
                    if byte == UInt8(ascii: "%") { malformed = true }
                    output[written] = byte
                    index += 1
                }
                written += 1
            }
            return written
        }
        return (decoded, malformed)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
