import JSON

/// Runs every payload through one method and template with `Invocation.run` and checks what
/// the backend receives against what the client sent (see `ProbeComparison`). Findings of the
/// same rule on the same field are merged: the first payload is the evidence, the rest are counted.
struct PayloadSweep {
    let api: APIDefinition
    let request: SweepRequest
    let format: CheckTarget.BodyFormat
    let payloads: [CheckPayload]
    let location: DefinitionLocation
    /// The advice for a broken value, from the lint findings when they name the spot.
    let formFix: String
    let jsonFix: String
    let settings: InvocationSettings

    private struct Run {
        var request: InvocationRequest
        var comparison: ProbeComparison
        var result: InvocationResult?
        var failure: PipelineError?
    }

    func findings() -> [CheckFinding] {
        let probes = [CheckPayload.Placement.value, .body].map { placement in run(nil, placement: placement) }
        if let failure = probes[0].failure {
            return [CheckFinding(
                rule: .integrationError, location: failure.location.line > 0 ? failure.location : location,
                message: "the integration cannot run even for a plain request: \(failure.message)",
                why: failure.templateDiagnostic ?? "API Gateway would refuse this definition or fail every call",
                fix: "fix the definition; `vtl invoke` shows the whole run")]
        }
        var merged: [String: CheckFinding] = [:]
        var order: [String] = []
        func add(_ finding: CheckFinding) {
            let key = finding.rule.rawValue + "|" + (finding.evidence?.field ?? "")
            if var existing = merged[key] {
                existing.evidence?.failingPayloads += 1
                merged[key] = existing
            } else {
                merged[key] = finding
                order.append(key)
            }
        }
        if format == .json, let body = probes[0].result?.integrationRequest?.body, !StrictJSON.isValid(body) {
            add(CheckFinding(
                rule: .payloadInvalidJSON, location: location,
                message: "the body sent to a JSON backend is not JSON even for a plain request",
                why: "the backend cannot parse it: \(Self.describeJSONError(body))",
                fix: jsonFix, evidence: CheckEvidence(payload: "(plain request)", requestBody: probes[0].request.body, integrationBody: body)))
        }
        for payload in payloads {
            let probe = payload.placement == .value ? probes[0] : probes[1]
            for finding in check(payload, against: probe) { add(finding) }
        }
        return order.compactMap { merged[$0] }
    }

    private func run(_ payload: CheckPayload?, placement: CheckPayload.Placement) -> Run {
        let (request, comparison) = self.request.build(payload, placement: placement)
        do {
            return Run(request: request, comparison: comparison, result: try Invocation.run(request, in: api, settings: settings))
        } catch {
            return Run(request: request, comparison: comparison, failure: error)
        }
    }

    private func check(_ payload: CheckPayload, against probe: Run) -> [CheckFinding] {
        let hostile = run(payload, placement: payload.placement)
        let name = payload.name
        func evidence(field: String? = nil, expected: String? = nil, received: String? = nil) -> CheckEvidence {
            CheckEvidence(
                payload: name, requestBody: hostile.request.body, integrationBody: hostile.result?.integrationRequest?.body ?? "",
                field: field, expected: expected, received: received)
        }
        if let failure = hostile.failure {
            return [CheckFinding(
                rule: .payloadServerError, location: location, message: "payload '\(name)' makes the template fail: \(failure.message)",
                why: failure.templateDiagnostic ?? failure.message, fix: "make the template cope with any request text",
                evidence: evidence())]
        }
        guard let result = hostile.result, let probeResult = probe.result else { return [] }
        if result.status >= 500 && probeResult.status < 500 {
            let reason = result.log.last(where: { $0.contains("failed") }) ?? "status \(result.status)"
            return [CheckFinding(
                rule: .payloadServerError, location: location,
                message: "payload '\(name)' alone makes API Gateway answer \(result.status)",
                why: reason, fix: "make the template cope with any request text (guard lookups, bound loops)",
                evidence: evidence(received: "status \(result.status)"))]
        }
        var findings: [CheckFinding] = []
        if let backend = result.integrationResponse, let probeBackend = probeResult.integrationResponse,
           backend.status >= 400, probeBackend.status < 400 {
            let refusal = result.sqs?.errorCode ?? "status \(backend.status)"
            findings.append(CheckFinding(
                rule: .payloadRejected, location: location,
                message: "payload '\(name)': the backend refuses the request (\(refusal)) while a plain one is accepted",
                why: "the backend answers \(backend.status)\(result.status < 400 ? ", yet the client gets \(result.status): the message is lost silently" : "")",
                fix: "add an integration response with selectionPattern \"4\\d{2}\" so clients see the failure; base64-encode values the backend cannot store",
                evidence: evidence(received: refusal)))
        }
        guard let sent = result.integrationRequest?.body, let probeSent = probeResult.integrationRequest?.body else { return findings }
        switch format {
        case .form: findings += formFindings(name, sent: sent, probeSent: probeSent, comparison: hostile.comparison, result: result, evidence: evidence)
        case .json: findings += jsonFindings(payload, sent: sent, probeSent: probeSent, comparison: hostile.comparison, evidence: evidence)
        case .other: break
        }
        return findings
    }

    private func formFindings(
        _ name: String, sent: String, probeSent: String, comparison: ProbeComparison, result: InvocationResult,
        evidence: (String?, String?, String?) -> CheckEvidence
    ) -> [CheckFinding] {
        let probeParameters = SQSFormBody.parameters(probeSent)
        let parameters = SQSFormBody.parameters(sent)
        let why = "form encoding gives '&', '=', '+' and '%' a meaning: an unencoded value is cut at '&', '+' turns into a space and %XX is decoded"
        let stored = result.sqs.map { report in report.messageBody ?? "(nothing: SQS answers \(report.errorCode ?? "an error"))" }
        if parameters.map(\.name) != probeParameters.map(\.name) {
            let carrier = probeParameters.first { comparison.carries($0.value) }
            return [CheckFinding(
                rule: .payloadFormAltered, location: location,
                message: "payload '\(name)' splits the form body into parameters \(Self.names(parameters)) instead of \(Self.names(probeParameters))",
                why: why, fix: formFix,
                evidence: evidence(carrier?.name ?? "parameters", carrier.map { comparison.expected($0.value) }, stored ?? Self.names(parameters)))]
        }
        for (probeParameter, parameter) in zip(probeParameters, parameters) {
            guard let mismatch = comparison.compare(probe: probeParameter.value, actual: parameter.value) else { continue }
            let field = probeParameter.name + (mismatch.path.isEmpty ? "" : " " + mismatch.path)
            let received = probeParameter.name == "MessageBody" ? (stored ?? parameter.value) : parameter.value
            return [CheckFinding(
                rule: mismatch.kind == .base64 ? .payloadBase64Altered : .payloadFormAltered, location: location,
                message: "payload '\(name)': the backend reads \(field) as something other than what the client sent",
                why: why, fix: formFix, evidence: evidence(field, mismatch.expected, received))]
        }
        return []
    }

    private func jsonFindings(
        _ payload: CheckPayload, sent: String, probeSent: String, comparison: ProbeComparison,
        evidence: (String?, String?, String?) -> CheckEvidence
    ) -> [CheckFinding] {
        let actual: JSONValue
        do {
            actual = try StrictJSON.parse(sent)
        } catch {
            // A client that sends a body that is not JSON gets what it asked for.
            let bodyIsJSON = payload.placement == .value || payload.text.isEmpty || StrictJSON.isValid(payload.text)
            guard bodyIsJSON, StrictJSON.isValid(probeSent) else { return [] }
            return [CheckFinding(
                rule: .payloadInvalidJSON, location: location,
                message: "payload '\(payload.name)' makes the body sent to the backend invalid JSON",
                why: "the backend cannot parse it: \(Self.describeJSONError(sent))",
                fix: jsonFix, evidence: evidence(nil, nil, nil))]
        }
        guard let probeJSON = try? StrictJSON.parse(probeSent),
              let mismatch = comparison.compare(probe: probeJSON, actual: actual, path: "$", depth: 0)
        else { return [] }
        return [CheckFinding(
            rule: mismatch.kind == .base64 ? .payloadBase64Altered : .payloadJSONAltered, location: location,
            message: "payload '\(payload.name)': \(mismatch.path) no longer holds the value the client sent",
            why: mismatch.kind == .base64
                ? "the base64 text does not decode to the request value"
                : "the value was escaped twice, not at all, or cut: the backend reads different text",
            fix: mismatch.kind == .base64
                ? "base64-encode the request value exactly as sent, as in $util.base64Encode($input.body), without decoding it first"
                : jsonFix, evidence: evidence(mismatch.path, mismatch.expected, mismatch.actual))]
    }

    private static func names(_ parameters: [SQSFormParameter]) -> String {
        "[" + parameters.map(\.name).joined(separator: ", ") + "]"
    }

    static func describeJSONError(_ text: String) -> String {
        do {
            _ = try StrictJSON.parse(text)
            return "valid"
        } catch {
            let bytes = Array(text.utf8)
            let start = max(0, error.offset - 20)
            let end = min(bytes.count, error.offset + 20)
            let near = String(decoding: bytes[start..<end], as: UTF8.self)
            return "\(error.message) at byte \(error.offset), near \(JSONWriter().string(.string(near)))"
        }
    }
}
