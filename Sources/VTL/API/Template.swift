/// A parsed mapping template: immutable, `Sendable`, parsed once and rendered many times from any thread.
public struct Template: Sendable {
    /// The name used in error messages, usually the file name.
    public let name: String
    let source: SourceText
    let nodes: [Node]
    let macros: [String: MacroDefinition]
    let variables: VariableSlots
    /// Also applied to the text of `#evaluate` while rendering.
    let limits: ParseLimits
    /// False when the template only reads lists and maps, so JSON can be read in place.
    let writesContainers: Bool

    /// Parses `source`; a syntax error, or a limit exceeded, is thrown with its line and column.
    public init(source: String, name: String = "template.vm", limits: ParseLimits = ParseLimits()) throws(VTLError) {
        self.name = name
        self.source = SourceText(name: name, text: source)
        self.limits = limits
        var variables = VariableSlots()
        (nodes, macros) = try Parser.parse(self.source, limits: limits, variables: &variables)
        self.variables = variables
        writesContainers = ContainerWrites.possible(in: nodes, macros: macros)
    }

    /// Renders with a fresh copy of `context`; returns exactly the text the template produces.
    public func render(_ context: Context = Context(), options: RenderOptions = .apiGateway) throws(VTLError) -> String {
        try render(context, options: options, returning: []).output
    }

    /// Renders and also returns the final values of the named variables, for callers that read
    /// what a template set (API Gateway reads `$context.requestOverride` this way).
    public func render(_ context: Context, options: RenderOptions = .apiGateway, returning names: Set<String>) throws(VTLError) -> RenderResult {
        let renderer = Renderer(
            source: source, macros: macros, variables: variables, context: context, options: options, parseLimits: limits,
            readsJSONInPlace: !writesContainers)
        defer { renderer.finish() }
        _ = try renderer.render(nodes)
        var variables: [String: Value] = [:]
        for name in names {
            guard let value = renderer.global(name) else { continue }
            try renderer.checkDepth(of: [value], passingTo: "$" + name, at: 0)
            variables[name] = value.snapshot()
        }
        return RenderResult(output: renderer.outputText, variables: variables)
    }
}

/// What a render produced.
public struct RenderResult: Sendable, Equatable {
    /// The rendered text.
    public var output: String
    /// Final values of the variables asked for; a variable that was never set is absent.
    public var variables: [String: Value]
}
