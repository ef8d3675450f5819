import APIGateway
import JSON

/// How `vtl check` prints a report: for people (grouped by integration, most severe first,
/// with the request that shows each payload finding) or as one JSON object for CI.
enum CheckOutput {
    static func text(_ report: CheckReport) -> String {
        var output = ""
        for integration in report.integrations {
            output += "\(integration.name) -> \(integration.target.rawValue)    \(integration.location)\n"
            if integration.findings.isEmpty {
                output += "  ok: no findings (\(report.payloadCount) payloads)\n\n"
                continue
            }
            for finding in integration.findings {
                output += "  \(finding.location): \(finding.severity.rawValue): \(finding.message) [\(finding.rule.rawValue)]\n"
                if let evidence = finding.evidence {
                    output += evidenceText(evidence, target: integration.target)
                }
                output += "    why: \(finding.why)\n"
                output += "    fix: \(finding.fix)\n"
            }
            output += "\n"
        }
        let findings = report.findings
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.count - errors
        let checked = report.integrations.count
        output += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") in \(checked) integration\(checked == 1 ? "" : "s") (\(report.payloadCount) payloads each)\n"
        return output
    }

    private static func evidenceText(_ evidence: CheckEvidence, target: CheckTarget) -> String {
        var output = "    payload: \(evidence.payload)"
        if evidence.failingPayloads > 1 { output += " (and \(evidence.failingPayloads - 1) more payloads fail the same way)" }
        output += "\n"
        output += "      request body:            \(quoted(evidence.requestBody))\n"
        if !evidence.integrationBody.isEmpty {
            output += "      body sent to backend:    \(quoted(evidence.integrationBody))\n"
        }
        if let expected = evidence.expected {
            output += "      \(pad((evidence.field ?? "value") + " should be:"))\(quoted(expected))\n"
        }
        if let received = evidence.received {
            let label = target == .sqsQuery && (evidence.field ?? "").hasPrefix("MessageBody") ? "SQS stores:" : "backend reads:"
            output += "      \(pad(label))\(quoted(received))\n"
        }
        return output
    }

    private static func pad(_ label: String) -> String {
        label.count >= 25 ? label + " " : label + String(repeating: " ", count: 25 - label.count)
    }

    /// JSON string syntax, so control characters and trailing spaces stay visible; very long
    /// values are shortened in the middle.
    private static func quoted(_ text: String) -> String {
        let shown = text.count > 300 ? String(text.prefix(200)) + "…(\(text.count - 260) more characters)…" + String(text.suffix(60)) : text
        return JSONWriter().string(.string(shown))
    }

    static func json(_ report: CheckReport) -> String {
        var root = JSONObject()
        root["clean"] = .bool(report.isClean)
        root["payloads"] = .integer(report.payloadCount)
        root["rules"] = .array(report.ruleIDs.map { .string($0) })
        root["integrations"] = .array(report.integrations.map { integration in
            var object = JSONObject()
            object["name"] = .string(integration.name)
            object["target"] = .string(integration.target.rawValue)
            object["location"] = location(integration.location)
            object["findings"] = .array(integration.findings.map(findingJSON))
            return .object(object)
        })
        return JSONValue.object(root).jsonText + "\n"
    }

    private static func findingJSON(_ finding: CheckFinding) -> JSONValue {
        var object = JSONObject()
        object["rule"] = .string(finding.rule.rawValue)
        object["severity"] = .string(finding.severity.rawValue)
        object["location"] = location(finding.location)
        object["message"] = .string(finding.message)
        object["why"] = .string(finding.why)
        object["fix"] = .string(finding.fix)
        if let evidence = finding.evidence {
            var details = JSONObject()
            details["payload"] = .string(evidence.payload)
            details["failingPayloads"] = .integer(evidence.failingPayloads)
            details["requestBody"] = .string(evidence.requestBody)
            details["integrationBody"] = .string(evidence.integrationBody)
            if let field = evidence.field { details["field"] = .string(field) }
            if let expected = evidence.expected { details["expected"] = .string(expected) }
            if let received = evidence.received { details["received"] = .string(received) }
            object["evidence"] = .object(details)
        }
        return .object(object)
    }

    private static func location(_ location: DefinitionLocation) -> JSONValue {
        ["file": .string(location.fileName), "line": .integer(location.line), "column": .integer(location.column)]
    }
}
