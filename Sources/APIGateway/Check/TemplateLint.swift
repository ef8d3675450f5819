import VTL

/// The static rules: what the template's text alone shows will break, located in the file.
struct TemplateLint {
    let inspection: TemplateInspection
    let format: CheckTarget.BodyFormat
    /// Template coordinates → definition file coordinates.
    let locate: @Sendable (TemplateLocation) -> DefinitionLocation

    /// The six functions `$util` has (DOC-ref; re:Post answer: others fail silently).
    static let utilFunctions: Set<String> = ["escapeJavaScript", "parseJson", "urlEncode", "urlDecode", "base64Encode", "base64Decode"]

    /// `$context` names documented for mapping templates (aws-reference §4), plus `deploymentId`
    /// and `isCanaryRequest`, which AWS shows too.
    static let contextVariables: Set<String> = [
        "accountId", "apiId", "authorizer", "awsEndpointRequestId", "deploymentId", "domainName", "domainPrefix", "error",
        "extendedRequestId", "httpMethod", "identity", "isCanaryRequest", "path", "protocol", "requestId", "requestOverride",
        "requestTime", "requestTimeEpoch", "resourceId", "resourcePath", "responseOverride", "stage", "wafResponseCode",
        "webaclArn",
    ]
    static let identityVariables: Set<String> = [
        "accountId", "apiKey", "apiKeyId", "accessKey", "caller", "cognitoAuthenticationProvider", "cognitoAuthenticationType",
        "cognitoIdentityId", "cognitoIdentityPoolId", "principalOrgId", "sourceIp", "clientCert", "user", "userAgent", "userArn",
    ]
    /// Methods a Java map answers; `$context.keySet()` is not an unknown variable.
    static let mapMethods: Set<String> = ["get", "put", "keySet", "entrySet", "values", "containsKey", "size", "isEmpty", "toString"]
    /// Methods whose result is not request text (a count, a flag), so it needs no escaping.
    static let nonTextMethods: Set<String> = ["size", "length", "count", "isEmpty", "contains", "containsKey", "equals", "startsWith", "endsWith", "matches"]

    func findings() -> [CheckFinding] {
        let tainted = taintedVariables()
        var findings: [CheckFinding] = []
        for insertion in inspection.insertions where !insertion.inStringLiteral {
            switch format {
            case .form: findings += formRules(insertion, tainted: tainted)
            case .json: findings += jsonRules(insertion, tainted: tainted)
            case .other: break
            }
        }
        findings += referenceRules()
        for loop in inspection.loops where !loop.hasBreak && isBodyData(loop.iterable, tainted: tainted) {
            findings.append(CheckFinding(
                rule: .unboundedForeach, location: locate(loop.location),
                message: "#foreach over request data has no bound",
                why: "API Gateway stops a #foreach after 1000 iterations and fails the request; a client decides how long this list is",
                fix: "add #if($foreach.count > 1000)#break#end at the start of the loop body, or limit the array size with a request model"))
        }
        findings += overrideRules()
        return findings
    }

    // MARK: Rules

    private func formRules(_ insertion: TemplateInspection.Insertion, tainted: Set<String>) -> [CheckFinding] {
        let reference = insertion.reference
        guard isRequestValue(reference, tainted: tainted) else { return [] }
        return [CheckFinding(
            rule: .formUnencodedValue, location: locate(reference.location),
            message: "\(reference.sourceText) is inserted into a form-encoded body without $util.urlEncode",
            why: "in application/x-www-form-urlencoded text '&' starts a new parameter, '=' ends a name, '+' means a space and %XX is decoded, so a value holding them arrives cut, split or changed",
            fix: "write $util.urlEncode(\(reference.sourceText))")]
    }

    private func jsonRules(_ insertion: TemplateInspection.Insertion, tainted: Set<String>) -> [CheckFinding] {
        let reference = insertion.reference
        let inString = Self.isInsideJSONString(insertion.textBefore)
        guard inString else { return [] }
        let members = reference.memberNames
        if reference.root == "util", members.first == "escapeJavaScript", !members.contains("replaceAll") {
            return [CheckFinding(
                rule: .escapeJavaScriptInJSON, location: locate(reference.location),
                message: "\(reference.sourceText) inside a JSON string turns ' into \\', which is not valid JSON",
                why: "JSON has no \\' escape: backends answer \"Unrecognized character escape ''' (code 39)\" for any value with an apostrophe",
                fix: "write \(reference.sourceText).replaceAll(\"\\\\'\",\"'\") (or insert $input.json(...) without quotes)")]
        }
        if reference.root == "input", members.first == "json" {
            return [CheckFinding(
                rule: .jsonQuotedJSON, location: locate(reference.location),
                message: "\(reference.sourceText) is inside quotes, but $input.json already prints JSON with its own quotes",
                why: "a string comes out as \"\"text\"\" and an object as \"{...}\": the result is not JSON",
                fix: "remove the quotes around \(reference.sourceText)")]
        }
        guard isRequestValue(reference, tainted: tainted) else { return [] }
        return [CheckFinding(
            rule: .jsonUnescapedValue, location: locate(reference.location),
            message: "\(reference.sourceText) is inserted into a JSON string without escaping",
            why: "a value holding \", \\ or a control character ends the string early or makes the JSON invalid",
            fix: "write $util.escapeJavaScript(\(reference.sourceText)).replaceAll(\"\\\\'\",\"'\"), or use $input.json('...') without quotes for body fields")]
    }

    /// "Overrides are final": each `requestOverride` or `responseOverride` entry may be set once
    /// per request, and setting one twice answers 5XX (DOC-ov, aws-reference §6). Two `#set`s
    /// of one entry are reported when a render can run both: neither inside a loop or macro
    /// (which may run once) nor in different branches of one `#if`.
    private func overrideRules() -> [CheckFinding] {
        var findings: [CheckFinding] = []
        var earlier: [(entry: String, assignment: TemplateInspection.Assignment)] = []
        for assignment in inspection.assignments where !assignment.repeats {
            guard let entry = Self.overrideEntry(assignment.target) else { continue }
            if let first = earlier.first(where: { $0.entry == entry && !$0.assignment.excludes(assignment) }) {
                let firstLocation = locate(first.assignment.location)
                findings.append(CheckFinding(
                    rule: .overrideSetTwice, location: locate(assignment.location),
                    message: "\(entry) is set a second time (first at line \(firstLocation.line), column \(firstLocation.column))",
                    why: "API Gateway applies each override once: setting the same one twice in a request makes it answer 5XX",
                    fix: "build the value in a variable and set \(entry) once, at the end of the template"))
            }
            earlier.append((entry, assignment))
        }
        return findings
    }

    /// `$context.requestOverride.header.NAME` (or `.querystring.`, `.path.`),
    /// `$context.responseOverride.header.NAME` or `$context.responseOverride.status` as written
    /// by a `#set` target with literal names; nil for any other target.
    static func overrideEntry(_ target: InspectedReference) -> String? {
        guard target.root == "context" else { return nil }
        func literal(_ step: InspectedReference.Step) -> String? {
            switch step {
            case .property(let name): name
            case .index(.string(let name)): name
            default: nil
            }
        }
        let names = target.steps.map(literal)
        guard names.count >= 2, let kind = names[0], let area = names[1] else { return nil }
        switch (kind, area, names.count) {
        case ("responseOverride", "status", 2):
            return "$context.responseOverride.status"
        case ("requestOverride", "header", 3), ("requestOverride", "querystring", 3), ("requestOverride", "path", 3),
             ("responseOverride", "header", 3):
            return names[2].map { "$context.\(kind).\(area).\($0)" }
        default:
            return nil
        }
    }

    private func referenceRules() -> [CheckFinding] {
        var findings: [CheckFinding] = []
        for reference in inspection.references {
            guard let first = reference.steps.first else { continue }
            switch (reference.root, first) {
            case ("util", .method(let name, _)), ("util", .property(let name)):
                guard !Self.utilFunctions.contains(name) else { continue }
                findings.append(CheckFinding(
                    rule: .unknownUtilFunction, location: locate(reference.location),
                    message: "$util.\(name) does not exist",
                    why: "API Gateway's $util has only \(Self.utilFunctions.sorted().joined(separator: ", ")); any other call prints nothing and logs no error",
                    fix: Self.closest(to: name, in: Self.utilFunctions).map { "did you mean $util.\($0)?" } ?? "compute the value in the backend instead"))
            case ("context", .property(let name)):
                if let problem = unknownContext(name, reference) { findings.append(problem) }
            default:
                continue
            }
        }
        return findings
    }

    private func unknownContext(_ name: String, _ reference: InspectedReference) -> CheckFinding? {
        var unknown: String?
        if !Self.contextVariables.contains(name) {
            unknown = "$context.\(name)"
        } else if name == "identity", reference.steps.count > 1, case .property(let inner) = reference.steps[1],
                  !Self.identityVariables.contains(inner) {
            unknown = "$context.identity.\(inner)"
        }
        guard let unknown else { return nil }
        let candidates = unknown.hasPrefix("$context.identity.") ? Self.identityVariables : Self.contextVariables
        let last = String(unknown.split(separator: ".").last ?? "")
        return CheckFinding(
            rule: .unknownContextVariable, location: locate(reference.location),
            message: "\(unknown) is not a $context variable API Gateway provides",
            why: "an unknown $context variable prints nothing, silently",
            fix: Self.closest(to: last, in: candidates).map { "did you mean \(unknown.dropLast(last.count))\($0)?" }
                ?? "see the $context table of the API Gateway mapping template reference")
    }

    // MARK: Request values

    /// Whether a reference prints text a client chose: `$input.body/json/path/params`, a variable
    /// set from one, a loop variable over one, or `$util` decoding of one.
    func isRequestValue(_ reference: InspectedReference, tainted: Set<String>) -> Bool {
        if let last = reference.memberNames.last, Self.nonTextMethods.contains(last) { return false }
        let members = reference.memberNames
        if reference.root == "input", let first = members.first, ["body", "json", "path", "params"].contains(first) { return true }
        if reference.root == "util", let first = members.first, ["parseJson", "base64Decode", "urlDecode"].contains(first) {
            return reference.firstArguments.contains { isRequestData($0, tainted: tainted) }
        }
        return tainted.contains(reference.root)
    }

    private func isRequestData(_ expression: InspectedExpression, tainted: Set<String>) -> Bool {
        expression.references.contains { isRequestValue($0, tainted: tainted) }
    }

    /// Request data that comes from the body, which is what can hold 1000+ elements.
    private func isBodyData(_ expression: InspectedExpression, tainted: Set<String>) -> Bool {
        expression.references.contains { reference in
            if reference.root == "input" { return ["body", "json", "path"].contains(reference.memberNames.first ?? "") }
            if reference.root == "util" { return reference.firstArguments.contains { isBodyData($0, tainted: tainted) } }
            return tainted.contains(reference.root)
        }
    }

    /// Variables that hold request data: set from it, or looping over it (two rounds catch a
    /// variable set inside a loop over request data).
    private func taintedVariables() -> Set<String> {
        var tainted: Set<String> = []
        for _ in 0..<2 {
            for loop in inspection.loops where isRequestData(loop.iterable, tainted: tainted) { tainted.insert(loop.variable) }
            for assignment in inspection.assignments where assignment.target.steps.isEmpty {
                if isRequestData(assignment.value, tainted: tainted) { tainted.insert(assignment.target.root) }
            }
        }
        return tainted
    }

    // MARK: Helpers

    /// Whether the text before an insertion leaves it inside a JSON string: an odd number of
    /// unescaped double quotes on the line so far.
    static func isInsideJSONString(_ textBefore: String) -> Bool {
        var inside = false
        var escaped = false
        for character in textBefore where character != TemplateInspection.Insertion.otherInsertion {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true } else if character == "\"" { inside.toggle() }
        }
        return inside
    }

    /// The known name nearest to a misspelt one (edit distance at most 3).
    static func closest(to name: String, in candidates: Set<String>) -> String? {
        let scored = candidates.map { ($0, distance(name.lowercased(), $0.lowercased())) }.filter { $0.1 <= 3 }
        return scored.min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }?.0
    }

    private static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
