import VTL

/// The variables API Gateway gives a mapping template for one request.
public enum MappingTemplateVariables {
    /// `$input`, `$util`, `$context` and `$stageVariables` for one request.
    ///
    /// The body is parsed lazily, once, the first time the template asks for JSON; so build
    /// one context per request rather than sharing one between requests with different bodies.
    /// A body over `limits.bodyBytes` fails the first expression that reads it, with a
    /// `limitExceeded` error at that spot.
    public static func context(for request: MethodRequest, limits: RequestLimits = RequestLimits()) -> Context {
        var variables = Context()
        variables["input"] = .object(InputVariable(request, limits: limits))
        variables["util"] = .object(UtilVariable())
        // Most templates never read these, and `$context` has dozens of entries to build.
        // Both closures share one copy of the request rather than capturing one each.
        let shared = SharedRequest(request)
        variables.setLazily("context") { ContextVariable.value(for: shared.request) }
        variables.setLazily("stageVariables") { stageVariables(shared.request) }
        return variables
    }

    private final class SharedRequest: Sendable {
        let request: MethodRequest
        init(_ request: MethodRequest) { self.request = request }
    }

    /// A map of the stage's variables; null when the stage has none, as in the proxy event
    /// (`"stageVariables": null`). Either way a missing name renders as nothing.
    private static func stageVariables(_ request: MethodRequest) -> Value {
        guard !request.stageVariables.isEmpty else { return .null }
        var variables = OrderedMap()
        variables.reserveCapacity(request.stageVariables.count)
        for variable in request.stageVariables { variables.setValue(.string(variable.value), forKey: variable.name) }
        return .map(variables)
    }
}
