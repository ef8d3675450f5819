/// One problem `vtl check` found, with where it is, why it breaks and how to fix it.
public struct CheckFinding: Sendable, Equatable {
    /// The rule that fired; its raw value is the id shown in reports (`form-unencoded-value`).
    public var rule: CheckRule
    /// Always the rule's default severity; kept here so reports can sort without looking it up.
    public var severity: CheckSeverity
    /// The place in the definition (or template) file.
    public var location: DefinitionLocation
    /// What goes wrong, in one line.
    public var message: String
    /// Why it breaks.
    public var why: String
    /// What to write instead.
    public var fix: String
    /// For payload findings: the request that shows it.
    public var evidence: CheckEvidence?

    /// Creates a finding; the severity comes from `rule`.
    public init(
        rule: CheckRule, location: DefinitionLocation, message: String, why: String, fix: String,
        evidence: CheckEvidence? = nil
    ) {
        self.rule = rule
        self.severity = rule.severity
        self.location = location
        self.message = message
        self.why = why
        self.fix = fix
        self.evidence = evidence
    }
}

/// The request behind a payload finding and what the backend made of it.
public struct CheckEvidence: Sendable, Equatable {
    /// The payload's name in the corpus (or the user's file name).
    public var payload: String
    /// How many payloads fail the same way.
    public var failingPayloads: Int
    /// The request body sent.
    public var requestBody: String
    /// The body the backend receives after the template.
    public var integrationBody: String
    /// The parameter or JSON field concerned (`MessageBody`, `$.Item.message.S`), when there is one.
    public var field: String?
    /// What the field should hold.
    public var expected: String?
    /// What the backend reads instead; for SQS, the message it stores.
    public var received: String?

    /// Creates evidence; `failingPayloads` counts the payload itself, so 1 means it alone.
    public init(
        payload: String, failingPayloads: Int = 1, requestBody: String, integrationBody: String, field: String? = nil,
        expected: String? = nil, received: String? = nil
    ) {
        self.payload = payload
        self.failingPayloads = failingPayloads
        self.requestBody = requestBody
        self.integrationBody = integrationBody
        self.field = field
        self.expected = expected
        self.received = received
    }
}

/// The findings for one integration (one method, one request template).
public struct IntegrationCheck: Sendable, Equatable {
    /// `POST /orders (application/json)`.
    public var name: String
    /// What the integration's body is for, which decides the invariants the payload sweep checks.
    public var target: CheckTarget
    /// Where the method is defined (the template file for a lone template).
    public var location: DefinitionLocation
    /// Most severe first; lint findings before payload findings; then by place in the file.
    public var findings: [CheckFinding]

    /// Creates the check and sorts `findings` into report order.
    public init(name: String, target: CheckTarget, location: DefinitionLocation, findings: [CheckFinding]) {
        self.name = name
        self.target = target
        self.location = location
        self.findings = findings.sorted { left, right in
            if left.severity != right.severity { return left.severity < right.severity }
            // The rule that points at the spot first, then the payloads that prove it.
            if (left.evidence == nil) != (right.evidence == nil) { return left.evidence == nil }
            if left.location.line != right.location.line { return left.location.line < right.location.line }
            if left.location.column != right.location.column { return left.location.column < right.location.column }
            return left.rule < right.rule
        }
    }
}

/// Everything `vtl check` found.
public struct CheckReport: Sendable, Equatable {
    /// Integrations with findings first (most severe first), then the clean ones, in file order.
    public var integrations: [IntegrationCheck]
    /// How many payloads each integration was swept with.
    public var payloadCount: Int

    /// Creates the report and sorts `integrations` into report order.
    public init(integrations: [IntegrationCheck], payloadCount: Int) {
        let indexed = integrations.enumerated().map { ($0.offset, $0.element) }
        self.integrations = indexed.sorted { left, right in
            let leftRank = left.1.findings.first.map { $0.severity == .error ? 0 : 1 } ?? 2
            let rightRank = right.1.findings.first.map { $0.severity == .error ? 0 : 1 } ?? 2
            return leftRank != rightRank ? leftRank < rightRank : left.0 < right.0
        }.map(\.1)
        self.payloadCount = payloadCount
    }

    /// Every finding of every integration, in report order.
    public var findings: [CheckFinding] { integrations.flatMap(\.findings) }

    /// True when nothing was found.
    public var isClean: Bool { integrations.allSatisfy { $0.findings.isEmpty } }

    /// The distinct rule ids found, sorted.
    public var ruleIDs: [String] { Set(findings.map(\.rule.rawValue)).sorted() }
}
