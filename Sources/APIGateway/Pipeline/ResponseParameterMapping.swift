import VTL

/// Step 8: `responseParameters`, `method.response.header.X` ← `integration.response.header.H`,
/// `.multivalueheader.H`, `.body`, `.body.JSONPath`, `stageVariables.N`, `context.V` or `'static'` (DOC-rr).
enum ResponseParameterMapping {
    static func map(
        _ response: IntegrationResponse, backend: BackendResponse, request: MethodRequest, context: Value, integration: Integration
    ) throws(PipelineError) -> [Parameter] {
        var headers: [Parameter] = []
        for mapping in response.responseParameters {
            let prefix = "method.response.header."
            guard mapping.target.hasPrefix(prefix), mapping.target.count > prefix.count else {
                throw PipelineError("invalid response parameter target '\(mapping.target)'; expected method.response.header.NAME", location: integration.location)
            }
            let name = String(mapping.target.dropFirst(prefix.count))
            guard let source = MappingSource.parse(mapping.source, prefix: "integration.response.") else {
                throw PipelineError("invalid response parameter source '\(mapping.source)' for '\(mapping.target)'", location: integration.location)
            }
            var values = source.values(
                parameters: { area in area == .header ? backend.headers : [] }, body: backend.body, context: context,
                stageVariables: request.stageVariables)
            // A multi-value source sent as one header joins its values with commas (HTTP's list form).
            if case .multiple = source, values.count > 1 { values = [values.joined(separator: ",")] }
            guard let value = values.last else { continue }
            headers.removeAll { $0.name.lowercased() == name.lowercased() }
            headers.append(Parameter(name, value))
        }
        return headers
    }
}
