/// One node of a YAML document: a scalar, a sequence or a mapping, with its tag and
/// the place it was written.
///
/// Scalars stay text. Whether `1` is a number depends on who reads it (CloudFormation
/// wants the text, a JSON writer wants a number), so typed values are a separate,
/// optional step: see ``scalarValue``.
///
/// Two nodes are equal when their content and tags are equal; ``location`` is where a
/// node was written, not what it is, so it takes no part in equality or hashing.
public struct YAMLNode: Sendable, Hashable {
    /// The content of a node.
    public enum Kind: Sendable, Hashable {
        /// Text, and how it was written (plain, quoted or as a block).
        case scalar(String, style: ScalarStyle)
        /// An ordered list of nodes.
        case sequence([YAMLNode])
        /// Key-value pairs in the order they were written.
        case mapping([YAMLPair])
    }

    /// The content.
    public var kind: Kind
    /// The tag as the document spelled it for local tags (`!Sub`, `!Ref`), or expanded to
    /// its full name for standard ones (`!!str` becomes `tag:yaml.org,2002:str`);
    /// `nil` when the node has no tag.
    public var tag: String?
    /// Where the node starts, including its tag or anchor if it has one.
    public var location: YAMLLocation

    /// Creates a node.
    public init(_ kind: Kind, tag: String? = nil, location: YAMLLocation) {
        self.kind = kind
        self.tag = tag
        self.location = location
    }

    /// Compares content and tags, ignoring locations.
    public static func == (lhs: YAMLNode, rhs: YAMLNode) -> Bool {
        lhs.tag == rhs.tag && lhs.kind == rhs.kind
    }

    /// Hashes content and tag, ignoring location, to agree with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(tag)
        hasher.combine(kind)
    }
}

/// One entry of a mapping.
public struct YAMLPair: Sendable, Hashable {
    /// The key; almost always a scalar.
    public var key: YAMLNode
    /// The value.
    public var value: YAMLNode

    /// Creates a pair.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// How a scalar was written. Only plain scalars are candidates for typed values:
/// `"1"` is the text 1 even to a YAML 1.2 core-schema reader.
public enum ScalarStyle: Sendable, Hashable {
    /// Unquoted text, including the empty value of `key:`.
    case plain
    /// `'text'`.
    case singleQuoted
    /// `"text"`.
    case doubleQuoted
    /// A `|` block scalar that keeps line breaks.
    case literal
    /// A `>` block scalar that folds line breaks into spaces.
    case folded

    /// Whether the scalar was written without quotes or block indicator.
    public var isPlain: Bool { self == .plain }
}
