import JSON
import VTL

/// `$input`: the method request's body and parameters.
struct InputVariable: TemplateObject {
    let body: RequestBody
    let parameters: RequestParameters

    init(_ request: MethodRequest, limits: RequestLimits = RequestLimits()) {
        body = RequestBody(request.body, maximumBytes: limits.bodyBytes)
        parameters = RequestParameters(request)
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
        case ("json", 1), ("path", 1):
            // `json(String)`: Velocity 1.7 finds no method for a non-string argument.
            guard case .string(let pathText) = arguments[0] else { return .notFound }
            if name == "json", pathText == "$" {
                // The whole body: straight from its text when the transcoder can, else as below.
                _ = try body.checkedText()
                if let text = body.compactText() { return .value(.string(text)) }
            }
            let result = try evaluate(pathText)
            return .value(name == "json" ? json(result) : value(result))
        case ("params", 0):
            return .value(parameters.allMaps)
        case ("params", _):
            // `params()` and `params(String)` are overloads; Velocity 1.7 picks one by arity and
            // Java rejects any other argument (Velocity 1.7 oracle: `$input.params(1)`).
            guard arguments.count == 1, case .string(let parameter) = arguments[0] else {
                throw TemplateObjectError("params failed: java.lang.IllegalArgumentException: wrong number of arguments")
            }
            return .value(.string(parameters.value(named: parameter)))
        default:
            return .notFound
        }
    }

    private func evaluate(_ pathText: String) throws(TemplateObjectError) -> JSONPathResult {
        let document: JSONValue
        _ = try body.checkedText()
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
        let result = compiled.evaluate(document)
        if case .failure(let message) = result {
            throw TemplateObjectError("JSONPath '\(pathText)' failed: \(message)")
        }
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
