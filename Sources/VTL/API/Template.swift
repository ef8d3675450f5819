/// A parsed mapping template: immutable, `Sendable`, parsed once and rendered many times from any thread.
public struct Template: Sendable {
    /// The name used in error messages, usually the file name.
    public let name: String
    let parsed: ParsedTemplate
    var source: SourceText { parsed.source }
    var nodes: [Node] { parsed.nodes }
    var macros: [String: MacroDefinition] { parsed.macros }
    var variables: VariableSlots { parsed.variables }
    var writesContainers: Bool { parsed.writesContainers }

    /// Parses `source`; a syntax error, or a limit exceeded, is thrown with its line and column.
    public init(source: String, name: String = "template.vm", limits: ParseLimits = ParseLimits()) throws(VTLError) {
        self.name = name
        parsed = try ParsedTemplate(SourceText(name: name, text: source), limits: limits)
    }

    /// Renders with a fresh copy of `context`; returns exactly the text the template produces.
    public func render(_ context: Context = Context(), options: RenderOptions = .apiGateway) throws(VTLError) -> String {
        try render(context, options: options, returning: []).output
    }

    /// Renders and also returns the final values of the named variables, for callers that read
    /// what a template set (API Gateway reads `$context.requestOverride` this way).
    public func render(_ context: Context, options: RenderOptions = .apiGateway, returning names: Set<String>) throws(VTLError) -> RenderResult {
        let renderer = Renderer(parsed, context: context, options: options)
        defer { renderer.finish() }
        _ = try renderer.render(parsed.nodes)
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
