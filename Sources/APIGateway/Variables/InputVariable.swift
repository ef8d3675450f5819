import JSON
import VTL

/// `$input`: the method request's body and parameters.
struct InputVariable: TemplateObject {
    let body: RequestBody
    let parameters: RequestParameters
    let pathResults = PathResults()
    let pathLimits: JSONPathLimits
    /// What all of this request's path evaluations may visit together.
    let pathBudget: JSONPathBudget

    init(_ request: MethodRequest, limits: RequestLimits = RequestLimits()) {
        body = RequestBody(request.body, maximumBytes: limits.bodyBytes)
        parameters = RequestParameters(request)
        pathLimits = limits.jsonPath
        pathBudget = JSONPathBudget(values: limits.jsonPath.values)
    }

    /// What the Velocity 1.7 oracle's `$input` prints; AWS's text for it is not recorded.
    var printed: String { "$input" }

    func property(_ name: String) throws(TemplateObjectError) -> Value? {
        // Velocity finds `getBody()` for both spellings.
        name == "body" || name == "Body" ? .string(try body.checkedText()) : nil
    }

    func call(_ name: String, arguments: [Value]) throws(TemplateObjectError) -> MethodResult {
        switch (name, arguments.count) {
        case ("getBody", 0): return .value(.string(try body.checkedText()))
        case ("params", 0): return .value(parameters.allMaps)
        case (_, 1): return try call(name, argument: arguments[0])
        // `params()` and `params(String)` are overloads; Velocity 1.7 picks one by arity and
        // Java rejects any other argument (Velocity 1.7 oracle: `$input.params(1)`).
        case ("params", _): throw Self.wrongParameterArguments
        default: return .notFound
        }
    }

    func call(_ name: String, argument: Value) throws(TemplateObjectError) -> MethodResult {
        switch name {
        case "json", "path":
            // `json(String)`: Velocity 1.7 finds no method for a non-string argument.
            guard case .string(let pathText) = argument else { return .notFound }
            return .value(try read(pathText, asJSON: name == "json"))
        case "params":
            guard case .string(let parameter) = argument else { throw Self.wrongParameterArguments }
            return .value(.string(parameters.value(named: parameter)))
        default:
            return .notFound
        }
    }

    private static let wrongParameterArguments = TemplateObjectError("params failed: java.lang.IllegalArgumentException: wrong number of arguments")

    /// `$input.json(path)` as JSON text, `$input.path(path)` as Java objects.
    private func read(_ pathText: String, asJSON: Bool) throws(TemplateObjectError) -> Value {
        if asJSON, pathText == "$" {
            // The whole body: straight from its text when the transcoder can, else as below.
            _ = try body.checkedText()
            if let text = body.compactText() { return .string(text) }
        }
        let result = try evaluate(pathText)
        return asJSON ? json(result) : value(result)
    }

    private func evaluate(_ pathText: String) throws(TemplateObjectError) -> JSONPathResult {
        _ = try body.checkedText()
        // A path read before was read from a document that parsed.
        if let known = pathResults.result(of: pathText) { return known }
        let document: JSONValue
        switch body.parsed() {
        case .success(let value): document = value
        case .failure(let error):
            // AWS answers 400 with exactly this text (no space after "payload"), recorded in 2015.
            throw TemplateObjectError(
                "Could not process payloadnet.minidev.json.parser.ParseException: \(error.javaMessage)", kind: .input)
        }
        // The body is read before the path is compiled, as `json.read(document(), path)` does.
        let compiled: JSONPath
        do {
            compiled = try JSONPath(pathText)
        } catch {
            throw TemplateObjectError("invalid JSONPath '\(pathText)' at column \(error.column): \(error.message)")
        }
        let result = compiled.evaluate(document, limits: pathLimits, budget: pathBudget)
        switch result {
        case .failure(let message): throw TemplateObjectError("JSONPath '\(pathText)' failed: \(message)")
        case .limitExceeded(let message): throw TemplateObjectError("JSONPath '\(pathText)' stopped: \(message)", kind: .limitExceeded)
        default: break
        }
        pathResults.remember(result, of: pathText)
        return result
    }

    /// JSON text; a definite path that matches nothing gives empty text.
    private func json(_ result: JSONPathResult) -> Value {
        guard let matched = result.matchedValue else { return .string("") }
        return .string(matched.jsonText)
    }

    /// The matched value as Java objects; null when nothing matched.
    private func value(_ result: JSONPathResult) -> Value {
        result.matchedValue.map(Value.json) ?? .null
    }
}

/// Headers that `$input.params(name)` reads as empty even when sent, though `$input.params().header`
/// still lists them (recorded on AWS, LocalStack's `TestApiGatewayHeaderRemapping`).
enum HiddenHeaders {
    private static let names: Set<String> = [
        "connection", "content-length", "content-md5", "expect", "max-forwards", "proxy-authenticate",
        "server", "te", "transfer-encoding", "trailer", "upgrade", "www-authenticate",
    ]

    /// Any letter case.
    static func hides(_ name: String) -> Bool { names.contains(name.lowercased()) }
}
