/// Step 7's address: the integration `uri` turned into the URL API Gateway calls.
///
/// AWS service integrations (API-Integration): `arn:aws:apigateway:{region}:{subdomain.service|service}:path/{path}`
/// calls `https://{subdomain.}{service}.{region}.amazonaws.com/{path}`; `action/{Name}&p=v` calls the
/// service's query API with `?Action={Name}&p=v`. HTTP URIs are used as written. In both,
/// `{name}` placeholders take `integration.request.path.name` (recorded on AWS, LS-http) and
/// `${stageVariables.name}` the stage variable (DOC-ref).
struct IntegrationEndpoint: Equatable {
    /// The service of an AWS integration (`sqs`, `lambda`), nil for HTTP.
    var service: String?
    var url: String

    /// Resolves `integration.uri`; throws for a URI API Gateway would not accept.
    static func resolve(
        _ integration: Integration, parameters: IntegrationParameters, stageVariables: [Parameter], region: String
    ) throws(PipelineError) -> IntegrationEndpoint {
        if integration.type == .mock { return IntegrationEndpoint(service: nil, url: "") }
        guard let rawURI = integration.uri, !rawURI.isEmpty else {
            throw PipelineError("the \(integration.type.rawValue) integration has no uri", location: integration.location)
        }
        let uri = substituteStageVariables(rawURI, stageVariables)
        switch integration.type {
        case .http, .httpProxy:
            guard uri.hasPrefix("http://") || uri.hasPrefix("https://") else {
                throw PipelineError("an HTTP integration uri must start with http:// or https://, got '\(uri)'", location: integration.location)
            }
            return IntegrationEndpoint(service: nil, url: appendQuery(fill(uri, parameters.path), parameters.querystring))
        case .aws, .awsProxy:
            return try awsService(uri, parameters: parameters, integration: integration, defaultRegion: region)
        case .mock:
            return IntegrationEndpoint(service: nil, url: "")
        }
    }

    private static func awsService(
        _ uri: String, parameters: IntegrationParameters, integration: Integration, defaultRegion: String
    ) throws(PipelineError) -> IntegrationEndpoint {
        // arn : partition : apigateway : region : service : path|action/...
        let parts = uri.splitOnASCII(":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "apigateway" else {
            throw PipelineError(
                "an AWS integration uri must look like arn:aws:apigateway:{region}:{service}:path/... or :action/..., got '\(uri)'",
                location: integration.location)
        }
        let region = parts[3].isEmpty ? defaultRegion : parts[3]
        let suffix = parts[1] == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com"
        let serviceParts = parts[4].splitOnASCII(".").map(String.init)
        guard let service = serviceParts.last else {
            throw PipelineError("the integration uri names no service: '\(uri)'", location: integration.location)
        }
        let host = (serviceParts + [region, suffix]).joined(separator: ".")
        let target = parts[5]
        if target.hasPrefix("path/") {
            let path = fill(String(target.dropFirst("path/".count)), parameters.path)
            return IntegrationEndpoint(service: service, url: appendQuery("https://\(host)/" + path, parameters.querystring))
        }
        if target.hasPrefix("action/") {
            let action = fill(String(target.dropFirst("action/".count)), parameters.path)
            return IntegrationEndpoint(service: service, url: appendQuery("https://\(host)/?Action=" + action, parameters.querystring))
        }
        throw PipelineError("an AWS integration uri needs path/ or action/ after the service, got '\(target)'", location: integration.location)
    }

    /// `{name}` from the integration path parameters; a placeholder with no value stays as
    /// written (AWS rejects such a definition on deploy; what a call would send is not recorded).
    static func fill(_ text: String, _ values: [Parameter]) -> String {
        // Without a `{` byte there is no `{` Character either: nothing to fill.
        guard text.containsUTF8Byte(UInt8(ascii: "{")) else { return text }
        var output = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            output += rest[..<open]
            var name = rest[rest.index(after: open)..<close]
            if name.hasSuffix("+") { name = name.dropLast() }
            if let value = values.last(where: { $0.name == name }) {
                output += value.value
            } else {
                output += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }

    /// `${stageVariables.name}`; a missing variable becomes empty.
    static func substituteStageVariables(_ text: String, _ variables: [Parameter]) -> String {
        // Without a `$` byte the marker cannot match: most URIs have none.
        guard text.containsUTF8Byte(UInt8(ascii: "$")) else { return text }
        var output = ""
        var rest = Substring(text)
        let marker = "${stageVariables."
        while let range = rest.firstRange(of: marker), let close = rest[range.upperBound...].firstIndex(of: "}") {
            output += rest[..<range.lowerBound]
            let name = rest[range.upperBound..<close]
            output += variables.last(where: { $0.name == name })?.value ?? ""
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }

    /// Adds form-encoded query parameters after any the URL already has.
    static func appendQuery(_ url: String, _ parameters: [Parameter]) -> String {
        guard !parameters.isEmpty else { return url }
        let query = parameters.map { FormURLCoding.encode($0.name) + "=" + FormURLCoding.encode($0.value) }.joined(separator: "&")
        return url + (url.utf8.contains(UInt8(ascii: "?")) ? "&" : "?") + query
    }
}
