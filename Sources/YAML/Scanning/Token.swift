/// The scanner's output: YAML's indentation and indicators turned into explicit
/// brackets (`blockMappingStart` ... `blockEnd`), so the parser never counts spaces.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case streamStart, streamEnd
        case tagDirective(handle: String, prefix: String)
        /// `%YAML` and unknown directives, which change nothing for us.
        case ignoredDirective
        case documentStart, documentEnd
        case blockSequenceStart, blockMappingStart, blockEnd
        case flowSequenceStart, flowSequenceEnd, flowMappingStart, flowMappingEnd
        /// Inserted before a key once the scanner sees its `:`.
        case key
        case value
        /// `-` in a block sequence.
        case blockEntry
        /// `,` in a flow collection.
        case flowEntry
        case alias(String)
        case anchor(String)
        /// `!handle!suffix`; the parser expands the handle with the document's directives.
        case tag(handle: String, suffix: String)
        case scalar(String, style: ScalarStyle)
    }

    var kind: Kind
    var start: Mark

    /// How a token is named in "expected X, found Y" messages.
    var description: String {
        switch kind {
        case .streamStart: "the start of the input"
        case .streamEnd: "the end of the input"
        case .tagDirective, .ignoredDirective: "a directive"
        case .documentStart: "'---'"
        case .documentEnd: "'...'"
        case .blockSequenceStart: "a sequence"
        case .blockMappingStart: "a mapping"
        case .blockEnd: "the end of a block"
        case .flowSequenceStart: "'['"
        case .flowSequenceEnd: "']'"
        case .flowMappingStart: "'{'"
        case .flowMappingEnd: "'}'"
        case .key: "a mapping key"
        case .value: "':'"
        case .blockEntry: "'-'"
        case .flowEntry: "','"
        case .alias(let name): "alias '*\(name)'"
        case .anchor(let name): "anchor '&\(name)'"
        case .tag(let handle, let suffix): "tag '\(handle)\(suffix)'"
        case .scalar(let text, _): "scalar '\(text.count > 30 ? text.prefix(30) + "..." : text)'"
        }
    }
}
