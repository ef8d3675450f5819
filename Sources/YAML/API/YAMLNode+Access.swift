/// Read-only shortcuts for walking a document without switching on ``YAMLNode/Kind``
/// at every step. Each returns `nil` when the node is not of the asked-for kind, so
/// chains such as `node["paths"]?["/"]?["post"]` stay short.
extension YAMLNode {
    /// The text of a scalar, whatever its style; `nil` for collections.
    public var string: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// How a scalar was written; `nil` for collections.
    public var scalarStyle: ScalarStyle? {
        if case .scalar(_, let style) = kind { return style }
        return nil
    }

    /// The items of a sequence; `nil` for scalars and mappings.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The pairs of a mapping in document order; `nil` for scalars and sequences.
    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    /// The keys of a mapping that are scalars, in document order; `nil` for other kinds.
    public var keys: [String]? {
        mapping?.compactMap(\.key.string)
    }

    /// The value for the scalar key whose text is `key`, or `nil` when this is not a
    /// mapping or has no such key. Keys are compared as text, so `"200"` finds `200:`.
    public subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.string == key }?.value
    }

    /// The item at `index` of a sequence, or `nil` when this is not a sequence or the
    /// index is out of range.
    public subscript(index: Int) -> YAMLNode? {
        guard let items = sequence, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// Whether this is an untagged plain scalar that the core schema reads as null
    /// (`null`, `~`, or nothing at all as in `key:`).
    public var isNull: Bool {
        guard tag == nil || tag == StandardTag.null else { return false }
        return scalarValue == .null
    }
}
