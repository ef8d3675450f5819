/// Builds nodes from tokens following YAML's grammar:
///
/// ```
/// stream     ::= document*            (implicit first document, then '---' before each)
/// block node ::= ALIAS | properties? (block collection | flow collection | SCALAR)
/// properties ::= TAG ANCHOR? | ANCHOR TAG?
/// block map  ::= BLOCK-MAPPING-START (KEY node? (VALUE node?)?)* BLOCK-END
/// block seq  ::= BLOCK-SEQUENCE-START (BLOCK-ENTRY node?)* BLOCK-END
/// flow seq   ::= '[' (entry (',' entry)* ','?)? ']'      entry ::= node | KEY node? (VALUE node?)?
/// flow map   ::= '{' (entry (',' entry)* ','?)? '}'
/// ```
///
/// The grammar is nested, but the parser keeps its open collections on an explicit
/// stack (see `Parser+Nodes.swift`) rather than recursing, so hostile nesting ends in
/// a ``YAMLError/Kind-swift.enum/nestingTooDeep`` error instead of a stack overflow.
///
/// Composition happens here too, so there is no separate event layer: aliases are
/// replaced by the anchored node as they are met, and mappings are checked for
/// duplicate keys and have their `<<` merges applied as they close.
struct Parser {
    var scanner: Scanner
    let source: Source
    /// `%TAG` handles of the current document.
    var tagHandles: [String: String] = [:]
    /// Anchored nodes of the current document; an alias copies the latest definition.
    var anchors: [String: YAMLNode] = [:]
    /// Anchors whose node is still being read; an alias to one of them would be a cycle.
    var openAnchors: Set<String> = []

    init(source: Source) {
        self.source = source
        self.scanner = Scanner(source: source)
    }

    func error(_ kind: YAMLError.Kind, _ message: String, at mark: Mark) -> YAMLError {
        source.error(kind, message, at: mark)
    }

    // MARK: - Documents

    mutating func parseStream() throws(YAMLError) -> [YAMLNode] {
        try scanner.skipToken()
        var documents: [YAMLNode] = []
        var needsExplicitStart = false
        while true {
            var directiveSeen = false
            tagHandles = [:]
            directives: while true {
                switch try scanner.peekKind() {
                case .documentEnd:
                    try scanner.skipToken()
                    needsExplicitStart = false
                case .tagDirective:
                    let directive = try scanner.nextToken()
                    tagHandles[directive.text] = directive.suffix
                    directiveSeen = true
                case .ignoredDirective:
                    try scanner.skipToken()
                    directiveSeen = true
                default:
                    break directives
                }
            }
            let token = try scanner.peekToken()
            anchors = [:]
            if token.kind == .streamEnd {
                if directiveSeen {
                    throw error(.invalidSyntax, "expected '---' and a document after the directives", at: token.start)
                }
                return documents
            }
            if token.kind == .documentStart {
                try scanner.skipToken()
                if isDocumentBoundary(try scanner.peekKind()) {
                    documents.append(emptyScalar(at: token.start))
                } else {
                    documents.append(try parseRootNode())
                }
            } else if directiveSeen {
                throw error(.invalidSyntax, "expected '---' after the directives", at: token.start)
            } else if needsExplicitStart {
                throw error(
                    .invalidSyntax,
                    "unexpected \(token.description) after the document's top-level value; "
                        + "is it indented less than the value it belongs to?",
                    at: token.start)
            } else {
                documents.append(try parseRootNode())
            }
            needsExplicitStart = true
        }
    }

    private func isDocumentBoundary(_ kind: Token.Kind) -> Bool {
        switch kind {
        case .documentStart, .documentEnd, .streamEnd, .tagDirective, .ignoredDirective: true
        default: false
        }
    }

    func emptyScalar(at mark: Mark) -> YAMLNode {
        YAMLNode(.scalar("", style: .plain), location: mark.location)
    }

    /// Expands `!!` and `%TAG` handles; local tags such as `!Sub` are kept as written.
    func resolveTag(handle: String, suffix: String, at mark: Mark) throws(YAMLError) -> String {
        if handle.isEmpty { return suffix }
        if let prefix = tagHandles[handle] { return prefix + suffix }
        switch handle {
        case "!": return "!" + suffix
        case "!!": return StandardTag.prefix + suffix
        default: throw error(.invalidSyntax, "tag handle '\(handle)' is not declared by a %TAG directive", at: mark)
        }
    }
}
