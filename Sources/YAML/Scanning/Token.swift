/// The scanner's output: YAML's indentation and indicators turned into explicit
/// brackets (`blockMappingStart` ... `blockEnd`), so the parser never counts spaces.
///
/// The few kinds that carry text keep it in ``text`` and ``suffix`` rather than in the
/// kind, so that a token is a plain struct the parser can copy and compare cheaply.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case streamStart, streamEnd
        /// `%TAG handle prefix`: ``text`` is the handle, ``suffix`` the prefix.
        case tagDirective
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
        /// `*name`, with the name in ``text``.
        case alias
        /// `&name`, with the name in ``text``.
        case anchor
        /// `!handle!suffix`, in ``text`` and ``suffix``; the parser expands the handle with
        /// the document's directives.
        case tag
        /// A scalar's content in ``text``, written in ``style``.
        case scalar
    }

    var kind: Kind
    var start: Mark
    var text = ""
    var suffix = ""
    var style = ScalarStyle.plain

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
        case .alias: "alias '*\(text)'"
        case .anchor: "anchor '&\(text)'"
        case .tag: "tag '\(text)\(suffix)'"
        case .scalar: "scalar '\(text.count > 30 ? text.prefix(30) + "..." : text)'"
        }
    }
}

/// The tokens scanned but not yet taken, oldest first. Taking one only moves a start
/// index, so the parser's steady taking costs no shifting of the rest.
struct TokenQueue {
    private var storage: [Token] = []
    private var head = 0

    var count: Int { storage.count - head }
    var isEmpty: Bool { head == storage.count }
    var first: Token { storage[head] }
    var firstKind: Token.Kind { storage[head].kind }

    mutating func append(_ token: Token) {
        storage.append(token)
    }

    /// Inserts `token` so that `position` tokens are taken before it.
    mutating func insert(_ token: Token, at position: Int) {
        storage.insert(token, at: head + position)
    }

    mutating func removeFirst() {
        head += 1
        if head == storage.count {
            storage.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 32 && head * 2 >= storage.count {
            storage.removeFirst(head)
            head = 0
        }
    }
}
