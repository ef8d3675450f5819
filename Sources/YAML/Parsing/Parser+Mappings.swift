/// What happens when a mapping closes: duplicate keys are rejected and `<<` merge keys
/// are applied, so consumers see plain mappings.
extension Parser {
    /// How keys are compared for duplicates. Scalar keys compare as text whatever their
    /// style, because CloudFormation and JSON see `1` and `"1"` as the same key.
    private enum KeyIdentity: Hashable {
        case text(String)
        case node(YAMLNode)

        init(_ key: YAMLNode) {
            if let text = key.string { self = .text(text) } else { self = .node(key) }
        }

        var shown: String {
            switch self {
            case .text(let text): "'\(text)'"
            case .node: "(a collection key)"
            }
        }
    }

    func makeMapping(_ pairs: [YAMLPair], tag: String?, location: YAMLLocation) throws(YAMLError) -> YAMLNode {
        // `nil` stands for a merge key.
        let identities = pairs.map { isMergeKey($0.key) ? nil : KeyIdentity($0.key) }
        try checkDuplicates(pairs, identities)
        guard identities.contains(nil) else { return YAMLNode(.mapping(pairs), tag: tag, location: location) }

        // Merged pairs go where the `<<` key was. Keys written in this mapping win over
        // merged ones, and earlier mappings in a `<<: [*a, *b]` list win over later ones,
        // which is what PyYAML, libyaml-based loaders and SnakeYAML do.
        var merged: [YAMLPair] = []
        var present = Set(identities.compactMap { $0 })
        for pair in pairs {
            guard isMergeKey(pair.key) else {
                merged.append(pair)
                continue
            }
            for source in try mergeSources(pair.value) {
                for sourcePair in source where present.insert(KeyIdentity(sourcePair.key)).inserted {
                    merged.append(sourcePair)
                }
            }
        }
        return YAMLNode(.mapping(merged), tag: tag, location: location)
    }

    /// Rejects the first key that repeats an earlier one. Most mappings are small, and
    /// comparing each key with those before it is cheaper for them than hashing.
    private func checkDuplicates(_ pairs: [YAMLPair], _ identities: [KeyIdentity?]) throws(YAMLError) {
        if identities.count <= 16 {
            for index in identities.indices {
                guard let identity = identities[index] else { continue }
                if let first = identities[..<index].firstIndex(of: identity) {
                    throw duplicateKeyError(identity, at: pairs[index].key.location, first: pairs[first].key.location)
                }
            }
            return
        }
        var firstSeen: [KeyIdentity: YAMLLocation] = [:]
        firstSeen.reserveCapacity(identities.count)
        for (pair, identity) in zip(pairs, identities) {
            guard let identity else { continue }
            if let first = firstSeen[identity] { throw duplicateKeyError(identity, at: pair.key.location, first: first) }
            firstSeen[identity] = pair.key.location
        }
    }

    private func duplicateKeyError(_ identity: KeyIdentity, at location: YAMLLocation, first: YAMLLocation) -> YAMLError {
        var duplicate = error(
            .duplicateKey,
            "duplicate key \(identity.shown); it was first defined at line \(first.line), column \(first.column)",
            at: mark(of: location))
        duplicate.relatedLocation = first
        return duplicate
    }

    private func isMergeKey(_ key: YAMLNode) -> Bool {
        guard case .scalar("<<", let style) = key.kind else { return false }
        return (style == .plain && key.tag == nil) || key.tag == StandardTag.merge
    }

    private func mergeSources(_ value: YAMLNode) throws(YAMLError) -> [[YAMLPair]] {
        if let pairs = value.mapping { return [pairs] }
        if let items = value.sequence {
            var sources: [[YAMLPair]] = []
            for item in items {
                guard let pairs = item.mapping else {
                    throw error(.invalidMerge, "each item of a '<<' merge list must be a mapping", at: mark(of: item.location))
                }
                sources.append(pairs)
            }
            return sources
        }
        throw error(
            .invalidMerge, "the value of a '<<' merge key must be a mapping or a list of mappings",
            at: mark(of: value.location))
    }

    /// Errors take marks; nodes keep only their public location.
    private func mark(of location: YAMLLocation) -> Mark {
        Mark(offset: 0, line: location.line - 1, column: location.column - 1)
    }
}
