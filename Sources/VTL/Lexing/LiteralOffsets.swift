/// How offsets in the bytes a lexer reads map to template offsets once some string literal it is
/// nested in had escapes. One layer per enclosing literal, outermost first: each says where its
/// contents start in the bytes around it and where its escapes were.
///
/// Lexers outside such literals have none and just add their base offset.
struct LiteralOffsets: Sendable {
    private struct Layer: Sendable {
        /// Where the contents start in the enclosing bytes (for the outermost layer, the template).
        let start: Int
        let escapes: EscapeMarks
    }

    private var layers: [Layer] = []

    /// Offsets for the contents of a literal starting at `start` in the bytes these offsets map.
    func entering(literalAt start: Int, escapes: EscapeMarks) -> LiteralOffsets {
        var nested = self
        nested.layers.append(Layer(start: start, escapes: escapes))
        return nested
    }

    func templateOffset(of offset: Int) -> Int {
        var result = offset
        for layer in layers.reversed() { result = layer.start + layer.escapes.sourceOffset(ofDecoded: result) }
        return result
    }

    /// The inverse of `templateOffset(of:)`, for offsets at the edges of what the lexer found.
    func localOffset(of templateOffset: Int) -> Int {
        var result = templateOffset
        for layer in layers { result = layer.escapes.decodedOffset(ofSource: result - layer.start) }
        return result
    }
}
