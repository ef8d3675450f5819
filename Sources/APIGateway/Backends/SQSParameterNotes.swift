/// SQS's notes on query parameter names it does not simply use: a repeated name (the first
/// is used; SQS's choice is not recorded, Java servlets' `getParameter` does this) and a name
/// `SendMessage` does not take.
enum SQSParameterNotes {
    /// Parameters of `SendMessage` and of every query request (SQS API reference, "Common Parameters").
    private static let knownNames: Set<String> = [
        "Action", "Version", "QueueUrl", "MessageBody", "DelaySeconds", "MessageDeduplicationId", "MessageGroupId",
        "AWSAccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "Timestamp", "Expires", "SecurityToken",
        "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Security-Token", "X-Amz-Signature", "X-Amz-SignedHeaders",
    ]
    private static let attributePrefixes = ["MessageAttribute.", "MessageSystemAttribute."]
    /// The first bytes of the known names and prefixes, all ASCII capitals.
    private static let initials = Set((Array(knownNames) + attributePrefixes).compactMap(\.utf8.first))

    /// Adds the notes to `parameters`, in place.
    static func annotate(_ parameters: inout [SQSFormParameter]) {
        var seen: Set<String> = []
        seen.reserveCapacity(parameters.count)
        for index in parameters.indices where !parameters[index].name.isEmpty {
            let name = parameters[index].name
            if !seen.insert(name).inserted {
                parameters[index].note = join(parameters[index].note, "repeated: the first '\(name)' is used (SQS's choice is not recorded)")
            } else if !isKnown(name) {
                parameters[index].note = join(parameters[index].note, "not a SendMessage parameter: ignored (SQS's exact answer is not recorded)")
            }
        }
    }

    /// A known name or an attribute's.
    private static func isKnown(_ name: String) -> Bool {
        // Equal strings (and a string and its prefix) start with the same Character. Each
        // known name starts with an ASCII capital that no other Character equals (only K, ;
        // and ` have canonical equivalents elsewhere in Unicode, and none starts a name
        // here), so a name whose first byte is not such a capital is neither known nor an
        // attribute: a stray piece of an unencoded body is told so without hashing it.
        guard let first = name.utf8.first, initials.contains(first) else { return false }
        return knownNames.contains(name) || attributePrefixes.contains { name.hasPrefix($0) }
    }

    private static func join(_ first: String?, _ second: String) -> String {
        first.map { $0 + "; " + second } ?? second
    }
}
