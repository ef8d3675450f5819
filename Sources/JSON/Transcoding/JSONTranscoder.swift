/// Turns a body straight into the compact text `$input.json('$')` prints, without building
/// a `JSONValue` tree: `JSONWriter().string(try JSONValue.parse(text))` in one pass.
///
/// A request body can be megabytes, and the tree costs several times the text's size; the
/// common passthrough template needs only the text back. Where one pass cannot be exact the
/// transcoder declines (nil) and the caller parses and writes as before: input the parser
/// rejects (so errors always come from the parser), a duplicate key, a top level that is not
/// an object or array, unquoted or single-quoted text. Ordinary JSON is always transcoded.
public struct JSONTranscoder: Sendable {
    /// The deepest nesting transcoded; deeper input is declined, and the parser with the same
    /// limit rejects it.
    public var maxDepth: Int

    /// A transcoder with json-smart's limits, like `JSONParser()`.
    public init(maxDepth: Int = JSONParser.defaultMaxDepth) {
        self.maxDepth = maxDepth
    }

    /// The compact JSON text of `text`, exactly what `JSONWriter` writes for what `JSONParser`
    /// reads from it (same `maxDepth`), or nil where the transcoder declines.
    public func compactText(_ text: String) -> String? {
        var text = text
        let maxDepth = maxDepth
        return text.withUTF8 { bytes in
            // Written straight into the new String's storage, reserved up front: compact text
            // is rarely longer than its source, and untouched reserved pages cost no memory.
            // Escaping can make it longer (a raw control byte becomes six), so one retry
            // reserves what even that needs.
            guard bytes.count < Int.max / 8 else { return nil }
            // Two attempts counted rather than an array of capacities, which would allocate on every call.
            for attempt in 0..<2 {
                let capacity = attempt == 0 ? bytes.count + bytes.count / 8 + 64 : bytes.count * 6 + 64
                do {
                    return try String(unsafeUninitializedCapacity: capacity) { buffer in
                        var pass = TranscodingPass(bytes: bytes, maxDepth: maxDepth, output: CompactOutput(buffer))
                        try pass.transcodeDocument()
                        if pass.output.isFull { throw TranscodingStop.outputFull }
                        return pass.output.count
                    }
                } catch TranscodingStop.outputFull {
                    continue
                } catch {
                    return nil
                }
            }
            return nil
        }
    }
}
