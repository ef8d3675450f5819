import JSON

/// Tells whether a value survived the template by comparing two runs: one with probes
/// (harmless alphanumeric tokens that every encoding leaves alone) and one with the hostile
/// payload in their place. Wherever the probe run shows a probe, the hostile run must show
/// the payload, decoded the same way: no model of the template is needed.
///
/// A string that is the whole probe body must come back byte for byte (`$input.body`); a
/// string that is JSON in the probe run is compared as JSON (`$input.json`, a JSON document
/// built by hand inside a field); a base64 string is compared after decoding (Kinesis `Data`).
struct ProbeComparison {
    /// One difference: where, what was expected and what came instead.
    struct Mismatch: Equatable {
        enum Kind: Equatable {
            case altered
            /// The field held base64 that no longer decodes to the value.
            case base64
        }

        var kind: Kind
        /// `$.a.b` inside a JSON value; empty for the string itself.
        var path: String
        var expected: String
        var actual: String
    }

    /// The probe body and the tokens standing for the payload in body fields and parameters.
    let probeBody: String
    let body: String
    /// Token → the text it stands for in the hostile run.
    let values: [(token: String, value: String)]
    /// For whole-body payloads only the body itself is a value: field tokens stand for nothing.
    let wholeBodyOnly: Bool

    /// Whether a probe-run string carries a request value.
    func carries(_ text: String) -> Bool {
        if wholeBodyOnly { return text.contains(probeBody) }
        return values.contains { text.contains($0.token) }
    }

    /// Whether a probe-run string carries a request value, directly or as base64.
    func carriesValue(_ text: String) -> Bool {
        carries(text) || (Self.base64Decoded(text).map(carries) ?? false)
    }

    /// What the hostile run should show where the probe run shows `text`.
    func expected(_ text: String) -> String {
        var result = text.replacing(probeBody, with: body)
        if !wholeBodyOnly {
            for (token, value) in values { result = result.replacing(token, with: value) }
        }
        return result
    }

    /// Compares a string of the probe run with the same string of the hostile run.
    func compare(probe: String, actual: String, depth: Int = 0) -> Mismatch? {
        guard carriesValue(probe) else { return nil }
        let wanted = expected(probe)
        if actual == wanted { return nil }
        if probe == probeBody || depth > 8 { return Mismatch(kind: .altered, path: "", expected: wanted, actual: actual) }
        if let probeJSON = try? StrictJSON.parse(probe), isContainerOrString(probeJSON) {
            guard let actualJSON = try? StrictJSON.parse(actual) else {
                return Mismatch(kind: .altered, path: "", expected: wanted, actual: actual)
            }
            return compare(probe: probeJSON, actual: actualJSON, path: "$", depth: depth + 1)
        }
        if let decodedProbe = Self.base64Decoded(probe), carries(decodedProbe) {
            guard let decodedActual = Self.base64Decoded(actual) else {
                return Mismatch(kind: .base64, path: "", expected: expected(decodedProbe), actual: actual)
            }
            if let inner = compare(probe: decodedProbe, actual: decodedActual, depth: depth + 1) {
                return Mismatch(kind: .base64, path: inner.path, expected: inner.expected, actual: inner.actual)
            }
            return nil
        }
        return Mismatch(kind: .altered, path: "", expected: wanted, actual: actual)
    }

    /// Compares two JSON values wherever the probe value carries a request value.
    func compare(probe: JSONValue, actual: JSONValue, path: String, depth: Int) -> Mismatch? {
        switch probe {
        case .string(let probeText):
            guard carriesValue(probeText) else { return nil }
            guard case .string(let actualText) = actual else {
                return Mismatch(kind: .altered, path: path, expected: expected(probeText), actual: actual.jsonText)
            }
            if let inner = compare(probe: probeText, actual: actualText, depth: depth) {
                return Mismatch(kind: inner.kind, path: path + String(inner.path.dropFirst()), expected: inner.expected, actual: inner.actual)
            }
            return nil
        case .object(let probeObject):
            for key in probeObject.keys {
                guard let child = probeObject[key], carriesAnywhere(child) else { continue }
                let childPath = path + "." + key
                guard case .object(let actualObject) = actual, let actualChild = actualObject[key] else {
                    return Mismatch(kind: .altered, path: childPath, expected: expectedJSON(child), actual: "(missing)")
                }
                if let mismatch = compare(probe: child, actual: actualChild, path: childPath, depth: depth) { return mismatch }
            }
            return nil
        case .array(let probeElements):
            for (index, child) in probeElements.enumerated() where carriesAnywhere(child) {
                let childPath = path + "[\(index)]"
                guard case .array(let actualElements) = actual, index < actualElements.count else {
                    return Mismatch(kind: .altered, path: childPath, expected: expectedJSON(child), actual: "(missing)")
                }
                if let mismatch = compare(probe: child, actual: actualElements[index], path: childPath, depth: depth) { return mismatch }
            }
            return nil
        default:
            return nil
        }
    }

    func carriesAnywhere(_ value: JSONValue) -> Bool {
        switch value {
        case .string(let text): carriesValue(text)
        case .object(let object): object.keys.contains { object[$0].map(carriesAnywhere) ?? false }
        case .array(let elements): elements.contains(where: carriesAnywhere)
        default: false
        }
    }

    private func expectedJSON(_ value: JSONValue) -> String {
        if case .string(let text) = value { return expected(text) }
        return expected(value.jsonText)
    }

    private func isContainerOrString(_ value: JSONValue) -> Bool {
        switch value {
        case .object, .array, .string: true
        default: false
        }
    }

    /// The text a base64 string encodes, when it looks like base64 at all (a probe's base64 has
    /// no spaces and a length that is a multiple of four).
    static func base64Decoded(_ text: String) -> String? {
        guard text.count >= 4, text.count % 4 == 0,
              text.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || "+/=".unicodeScalars.contains($0) })
        else { return nil }
        return try? Base64Text.decode(text)
    }
}
