import JSON
import VTL

/// Why a request file (`request.json`, `--request`) could not be read.
public struct RequestFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, naming the key when the JSON is fine but its content is not.
    public var message: String
    /// 1-based line in the request file; 0 when the problem is not at one spot.
    public var line: Int
    /// 1-based column, counted in Unicode scalars; 0 when the problem is not at one spot.
    public var column: Int

    /// An error at a spot in the file, or (line and column 0) about its content.
    public init(message: String, line: Int = 0, column: Int = 0) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// `line:column: message`, or just the message when it has no location.
    public var description: String {
        line > 0 ? "\(line):\(column): \(message)" : message
    }
}

extension MethodRequest {
    /// The fixture/CLI request file: {"headers":{}, "query":{}, "path":{}, "stageVariables":{}, "context":{}} (all optional; values are strings, except context which is any JSON); throws a clear error with line:column for bad JSON.
    public init(requestJSON: String, body: String) throws(RequestFileError) {
        let document: JSONValue
        do {
            document = try JSONValue.parse(requestJSON)
        } catch {
            throw RequestFileError(message: "invalid JSON: \(error.javaMessage)", line: error.line, column: error.column)
        }
        guard case .object(let object) = document else {
            throw RequestFileError(message: "the request file must hold a JSON object")
        }
        self.init(body: body)
        for (key, value) in object {
            switch key {
            case "headers": headers = try Self.parameters(value, key: key)
            case "query": queryString = try Self.parameters(value, key: key)
            case "path": pathParameters = try Self.parameters(value, key: key)
            case "stageVariables": stageVariables = try Self.parameters(value, key: key)
            case "context":
                guard case .map(let overrides) = Value(value) else {
                    throw RequestFileError(message: "\"context\" must be a JSON object")
                }
                context = overrides
            default:
                throw RequestFileError(
                    message: "unknown key \"\(key)\"; expected headers, query, path, stageVariables or context")
            }
        }
        // The method and resource are part of the context a template reads; let the file set them there.
        if case .string(let method) = context["httpMethod"] { httpMethod = method }
        if case .string(let resource) = context["resourcePath"] { resourcePath = resource }
    }

    private static func parameters(_ value: JSONValue, key: String) throws(RequestFileError) -> [Parameter] {
        guard case .object(let object) = value else {
            throw RequestFileError(message: "\"\(key)\" must be a JSON object of strings")
        }
        var parameters: [Parameter] = []
        for (name, member) in object {
            guard case .string(let text) = member else {
                throw RequestFileError(message: "\"\(key)\".\"\(name)\" must be a string")
            }
            parameters.append(Parameter(name, text))
        }
        return parameters
    }
}
