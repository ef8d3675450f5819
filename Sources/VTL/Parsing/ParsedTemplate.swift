/// What parsing a template produces, in the form the renderer reads: one immutable object that
/// a render retains once, where copying each part into the renderer retained every array in it.
final class ParsedTemplate: Sendable {
    let source: SourceText
    let nodes: [Node]
    let macros: [String: MacroDefinition]
    let variables: VariableSlots
    /// Also applied to the text of `#evaluate` while rendering.
    let limits: ParseLimits
    /// False when the template only reads lists and maps, so JSON can be read in place.
    let writesContainers: Bool

    /// Parses `source`; a syntax error, or a limit exceeded, is thrown with its line and column.
    init(_ source: SourceText, limits: ParseLimits) throws(VTLError) {
        self.source = source
        self.limits = limits
        var variables = VariableSlots()
        (nodes, macros) = try Parser.parse(source, limits: limits, variables: &variables)
        self.variables = variables
        writesContainers = ContainerWrites.possible(in: nodes, macros: macros)
    }
}
