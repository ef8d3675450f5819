import VTL

/// A MOCK integration has no backend body: in its response templates `$input.body`,
/// `$input.json(...)` and `$input.path(...)` read nothing, neither the request nor what the
/// request template wrote (aws-reference §2, user-pain #22). `$input.params()` still reads the
/// method request, and values set as `$context.requestOverride.path.NAME` in the request
/// template can be read back in the response template.
enum MockResponseLint {
    static func findings(for integration: Integration, definitionText: String) -> [CheckFinding] {
        guard integration.type == .mock else { return [] }
        var findings: [CheckFinding] = []
        for response in integration.responses {
            for template in response.responseTemplates {
                // A response template that does not parse fails every request: the invocation shows it.
                guard let parsed = try? Template(source: template.template, name: template.location.fileName) else { continue }
                let mapping = TemplateLocationMapping(definitionText: definitionText, template: template)
                for reference in parsed.inspect().references where readsBody(reference) {
                    findings.append(CheckFinding(
                        rule: .mockResponseReadsBody, location: mapping.map(reference.location),
                        message: "the \(response.statusCode) response template of a MOCK integration reads \(reference.sourceText), which is empty there",
                        why: "a MOCK integration has no backend body: $input in its response template sees neither the request body nor the request template's output",
                        fix: "in the request template, #set($context.requestOverride.path.NAME = ...) what the response needs and read $context.requestOverride.path.NAME here; $input.params() still reads the request's parameters"))
                }
            }
        }
        return findings
    }

    private static func readsBody(_ reference: InspectedReference) -> Bool {
        guard reference.root == "input", let first = reference.memberNames.first else { return false }
        return ["body", "json", "path", "getBody"].contains(first)
    }
}
