import APIGateway
import VTL

/// Renders `template` as API Gateway would for a request with this body and parameters.
func render(
    _ template: String, body: String = "", headers: [Parameter] = [], query: [Parameter] = [],
    path: [Parameter] = [], stageVariables: [Parameter] = [], context: OrderedMap = OrderedMap()
) throws -> String {
    let request = MethodRequest(
        body: body, headers: headers, queryString: query, pathParameters: path, stageVariables: stageVariables,
        context: context)
    return try Template(source: template).render(MappingTemplateVariables.context(for: request))
}

/// The error a render fails with, or nil when it succeeds.
func renderError(_ template: String, body: String = "") -> VTLError? {
    do {
        _ = try render(template, body: body)
        return nil
    } catch let error as VTLError {
        return error
    } catch {
        return nil
    }
}
