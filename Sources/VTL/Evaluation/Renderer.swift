import Foundation
import JavaLang

/// What a macro parameter stands for while its macro is expanded.
enum MacroBinding {
    /// Set in the body (`#set`, `#foreach`), or a literal argument.
    case value(RuntimeValue)
    /// The argument as written, evaluated at each use where the call was made.
    case byName(Expression)
}

/// The state of one render: variables, output, counters. Made afresh for every render, so a
/// `Template` can render from many threads at once.
final class Renderer {
    /// How rendering a list of nodes ended.
    enum Flow: Equatable {
        case normal
        /// Leaves loops up to and including `target` (the innermost one when nil).
        case breakLoop(target: ObjectIdentifier?)
        case stop

        /// Cheaper than `==`, which the nodes of every body would otherwise call once each.
        @inline(__always)
        var isNormal: Bool {
            if case .normal = self { return true }
            return false
        }
    }

    /// The template being rendered, shared with it.
    let parsed: ParsedTemplate
    var source: SourceText { parsed.source }
    let options: RenderOptions
    /// `options.limits.steps` and `.outputBytes`, checked on every node and every write.
    private let stepLimit: Int
    private let outputLimit: Int
    private(set) var macros: [String: MacroDefinition]
    /// The slot of every variable name: the template's, copied once `#evaluate` mentions a new one.
    private var evaluatedSlots: VariableSlots?
    private var variableSlots: VariableSlots { evaluatedSlots ?? parsed.variables }
    /// Variable values by slot; `.null` is unset (a variable can never be set to null).
    @exclusivity(unchecked) private var globals: [RuntimeValue]
    /// What the render started with, for names that only `#evaluate` text mentions.
    private let context: Context
    /// Arguments of the macros being expanded, innermost last.
    @exclusivity(unchecked) private var macroFrames: [[(slot: Int, binding: MacroBinding)]] = []
    // Hot state is marked `@exclusivity(unchecked)`: a render runs on one thread and never
    // holds two accesses to one of these at once, and the dynamic checks cost about 7% of a render.
    /// A constant, so writing to it costs no retain of it.
    let output = RenderedOutput()
    @exclusivity(unchecked) private var steps = 0
    @exclusivity(unchecked) var callDepth = 0
    var regexCache: [String: JavaRegex] = [:]
    /// What remains of `RenderLimits.regexTime`, shared by every regex call of the render.
    var regexTimeLeft: Duration
    /// Whether variables may hold JSON containers as parsed (`RuntimeValue.json`) instead of
    /// thawed copies: only when nothing in the template can write to a list or map.
    private let readsJSONInPlace: Bool
    /// Lists and maps a template put a list or map into: the only way to make a cycle.
    /// `finish()` empties them, since reference counting alone would never free a cycle.
    @exclusivity(unchecked) var containersHoldingContainers: [RuntimeValue] = []

    init(_ parsed: ParsedTemplate, context: Context, options: RenderOptions) {
        self.parsed = parsed
        readsJSONInPlace = !parsed.writesContainers
        macros = parsed.macros
        self.options = options
        stepLimit = options.limits.steps
        outputLimit = options.limits.outputBytes
        self.regexTimeLeft = options.limits.regexTime
        let variables = parsed.variables
        globals = Array(repeating: .null, count: variables.count)
        self.context = context
        // Only variables the template mentions are made now; `#evaluate` may mention the rest.
        for named in context.entries {
            guard let slot = variables.existingSlot(named.name) else { continue }
            globals[slot] = bindable(RuntimeValue(named.entry.value))
        }
    }

    func error(_ kind: VTLError.Kind, _ message: String, at offset: Int) -> VTLError {
        source.error(kind, message, at: offset)
    }

    func error(_ message: String, at offset: Int) -> VTLError {
        source.error(.evaluation, message, at: offset)
    }

    // MARK: Variables

    @inline(__always)
    func variable(_ slot: Int) throws(VTLError) -> RuntimeValue {
        if macroFrames.isEmpty { return globals[slot] }
        return try macroVariable(slot)
    }

    /// `$name.property` for a global that is a map, a JSON object or `$foreach`, read where the
    /// variable is rather than from a copy of it (copying a JSON object retains its key and
    /// value arrays, and releases them again); nil for anything else, which the caller reads
    /// from a copy. Null for an unset variable, as a step on null gives.
    @inline(__always)
    func propertyInPlace(_ member: Member, ofVariable slot: Int) -> RuntimeValue? {
        guard macroFrames.isEmpty else { return nil }
        switch globals[slot] {
        case .json(.object(let object)): return RuntimeValue.member(member.name, of: object)
        case .map(let map): return map.get(identifier: member.name) ?? .null
        case .loop(let status): return status.field(member.loopField)
        case .null: return .null
        default: return nil
        }
    }

    /// A name inside macros: the innermost macro that has it as a parameter decides, and a
    /// caller's parameters are visible in the macros it calls, as Velocity's nested macro
    /// contexts are. An argument passed by name is evaluated again at each use, where the call
    /// was made; a null there is the parameter's value (no global of that name shows through).
    private func macroVariable(_ slot: Int) throws(VTLError) -> RuntimeValue {
        var depth = macroFrames.count
        while depth > 0 {
            depth -= 1
            guard let binding = macroFrames[depth].first(where: { $0.slot == slot })?.binding else { continue }
            switch binding {
            case .value(let value):
                return value
            case .byName(let argument):
                let inner = Array(macroFrames[depth...])
                macroFrames.removeSubrange(depth...)
                defer { macroFrames.append(contentsOf: inner) }
                return bindable(try evaluate(argument))
            }
        }
        return globals[slot]
    }

    /// `value` as a variable holds it: thawed, unless the template can never write to it.
    @inline(__always)
    private func bindable(_ value: RuntimeValue) -> RuntimeValue {
        readsJSONInPlace ? value : value.thawed()
    }

    /// Velocity's macro contexts write through: setting a parameter sets it in every macro that
    /// has it, and sets the global variable of that name too.
    func setVariable(_ slot: Int, _ value: RuntimeValue) {
        let value = bindable(value)
        for depth in macroFrames.indices {
            if let position = macroFrames[depth].firstIndex(where: { $0.slot == slot }) { macroFrames[depth][position].binding = .value(value) }
        }
        globals[slot] = value
    }

    /// Whether a macro being expanded has `slot` as a parameter.
    private func isMacroParameter(_ slot: Int) -> Bool {
        macroFrames.contains { frame in frame.contains { $0.slot == slot } }
    }

    /// The final value of a global variable, nil when unset; a JSON container comes back
    /// thawed, as it would have been bound had the template written to containers.
    func global(_ name: String) -> RuntimeValue? {
        guard let slot = variableSlots.existingSlot(name), !globals[slot].isNull else { return nil }
        return globals[slot].thawed()
    }

    /// Parses `#evaluate` text with this render's slots, giving new names a slot of their own.
    private func parseEvaluated(_ text: String) throws(VTLError) -> (nodes: [Node], macros: [String: MacroDefinition]) {
        var slots = variableSlots
        let parsed = try Parser.parse(SourceText(name: source.name, text: text), limits: self.parsed.limits, variables: &slots)
        evaluatedSlots = slots
        while globals.count < slots.count {
            let name = slots.names[globals.count]
            // A name new to the slots was never bound: its value comes from the context, if anywhere.
            globals.append(context.entry(name).map { bindable(RuntimeValue($0.value)) } ?? .null)
        }
        return parsed
    }

    /// Ends the render: empties every container that may be part of a cycle. Nothing made
    /// during a render outlives it (results are snapshots), so this cannot be seen.
    func finish() {
        for container in containersHoldingContainers {
            switch container {
            case .list(let list): list.elements.removeAll()
            case .map(let map): map.removeAll()
            default: break
            }
        }
        containersHoldingContainers.removeAll()
    }

    // MARK: Nodes

    func render(_ nodes: [Node]) throws(VTLError) -> Flow {
        for node in nodes {
            let flow = try render(node)
            if !flow.isNormal { return flow }
        }
        return .normal
    }

    /// Building a string costs a step per 64 bytes on top of its nodes: a loop that copies a
    /// growing string (`#set($s = "$s.")` a million times) does quadratic work in few nodes.
    /// True once the render has taken more steps than it may.
    @inline(__always)
    func chargeSteps(forBuilding byteCount: Int) -> Bool {
        steps &+= byteCount >> 6
        return steps > stepLimit
    }

    func stepLimitError(at offset: Int) -> VTLError {
        error(.limitExceeded, "the render took more than \(stepLimit) steps", at: offset)
    }

    private func render(_ node: Node) throws(VTLError) -> Flow {
        steps += 1
        if steps > stepLimit { throw stepLimitError(at: node.offset ?? 0) }
        switch node {
        case .text(let text, let offset):
            try write(text, at: Int(offset))
        case .reference(let reference):
            try insert(reference)
        case .escapedReference(let backslashes, let reference):
            try renderEscaped(reference, backslashes: backslashes)
        case .set(let target, let value, let offset):
            try assign(target, value: value, offset: offset)
        case .conditional(let branches, let otherwise):
            // By index, reading only the fields needed: each branch copied whole retained its condition and body.
            var index = 0
            while index < branches.count {
                if try holds(branches, index) { return try render(branches[index].body) }
                index += 1
            }
            if let otherwise { return try render(otherwise) }
        case .foreach(let variable, let iterable, let body, let offset):
            return try renderLoop(variable: variable, iterable: iterable, body: body, offset: offset)
        case .breakLoop(let scope, let offset):
            return try breakFlow(scope, offset: offset)
        case .stop:
            return .stop
        case .define(let variable, let body):
            setVariable(variable.slot, .block(body))
        case .macroCall(let name, let arguments, let body, let sourceText, let offset):
            return try renderMacroCall(name, arguments: arguments, body: body, sourceText: sourceText, offset: offset)
        case .evaluate(let expression, let offset):
            return try renderEvaluate(expression, offset: offset)
        }
        return .normal
    }

    /// What has been written so far, as text.
    var outputText: String { output.text }

    func write(_ text: String, at offset: Int) throws(VTLError) {
        output.append(text)
        try checkOutputSize(at: offset)
    }

    @inline(__always)
    private func checkOutputSize(at offset: Int) throws(VTLError) {
        if output.count > outputLimit {
            throw error(.limitExceeded, "the output is larger than \(outputLimit) bytes", at: offset)
        }
    }

    /// `$ref`: its value as text; a null prints nothing on API Gateway, or the reference as written in stock Velocity.
    private func insert(_ reference: Reference) throws(VTLError) {
        let value = try evaluate(reference)
        switch value {
        case .null:
            if !reference.quiet && options.nullHandling == .velocity { try write(reference.sourceText, at: reference.offset) }
        case .block(let body):
            try expand(body, at: reference.offset)
        case .string(let string):
            try write(string, at: reference.offset)
        case .integer(let integer):
            output.appendDecimal(integer)
            try checkOutputSize(at: reference.offset)
        case .double(let double):
            // Prices and amounts are often whole: their digits go straight into the output.
            if let whole = JavaDouble.wholeNumber(double) {
                output.appendDecimal(whole)
                output.append(".0")
                try checkOutputSize(at: reference.offset)
            } else {
                try write(JavaDouble.string(double), at: reference.offset)
            }
        default:
            // Printing stops just past what the output limit allows, so write reports it.
            let room = max(outputLimit - output.count, 0)
            try write(value.javaString(maximumBytes: room.addingReportingOverflow(1).partialValue), at: reference.offset)
        }
    }

    /// `\$a` prints `$a` when `$a` is defined, and stays as written when it is not.
    /// An even run of backslashes is pairs of escaped backslashes followed by a live reference.
    private func renderEscaped(_ reference: Reference, backslashes: Int) throws(VTLError) {
        let value = try evaluate(reference)
        if value.isNull {
            // An odd run keeps half its pairs plus the escaping backslash; an even run stays as
            // written in stock Velocity, while API Gateway's empty nulls print only the pairs.
            if backslashes % 2 == 0 && options.nullHandling == .velocity {
                try write(String(repeating: "\\", count: backslashes) + reference.sourceText, at: reference.offset)
            } else if backslashes % 2 == 1 {
                try write(String(repeating: "\\", count: (backslashes + 1) / 2) + reference.sourceText, at: reference.offset)
            } else {
                try write(String(repeating: "\\", count: backslashes / 2), at: reference.offset)
            }
            return
        }
        try write(String(repeating: "\\", count: backslashes / 2), at: reference.offset)
        if backslashes % 2 == 1 {
            try write(reference.sourceText, at: reference.offset)
        } else {
            try insert(reference)
        }
    }

    private func expand(_ body: [Node], at offset: Int) throws(VTLError) {
        try enterCall(at: offset)
        defer { callDepth -= 1 }
        _ = try render(body)
    }

    func enterCall(at offset: Int) throws(VTLError) {
        callDepth += 1
        if callDepth > options.limits.callDepth {
            throw error(.limitExceeded, "macros, #define and #evaluate nest deeper than \(options.limits.callDepth) levels", at: offset)
        }
    }

    // MARK: #set

    private func assign(_ target: Reference, value expression: Expression, offset: Int) throws(VTLError) {
        let value = try evaluate(expression)
        // Velocity 1.7 leaves the target unchanged when the right-hand side is null.
        if value.isNull { return }
        guard let lastStep = target.members.last?.step else {
            setVariable(target.slot, value)
            return
        }
        let owner = try evaluate(target, stepCount: target.members.count - 1)
        switch (owner, lastStep) {
        case (.map(let map), .property(let key, _)):
            noteStoring(value, in: owner)
            map.put(key, value)
        case (.map(let map), .index(let keyExpression, _)):
            noteStoring(value, in: owner)
            map.put(try evaluate(keyExpression).javaString, value)
        case (.list(let list), .index(let indexExpression, let stepOffset)):
            guard let resolved = try resolvedPosition(try evaluate(indexExpression), count: list.elements.count, offset: stepOffset) else { return }
            noteStoring(value, in: owner)
            list.elements[resolved] = value
        default:
            break
        }
    }

    // MARK: #foreach

    private func renderLoop(variable: Variable, iterable: Expression, body: [Node], offset: Int) throws(VTLError) -> Flow {
        // Elements are read one at a time, as Java's iterator does, so JSON thaws only as the loop reaches it.
        let count: Int
        let element: (Int) -> RuntimeValue
        switch try evaluate(iterable) {
        case .list(let list):
            count = list.elements.count
            element = readsJSONInPlace ? { list.elements[$0] } : { list.element(at: $0) }
        case .map(let map):
            let keys = map.keys
            count = keys.count
            element = { map.get(keys[$0]) ?? .null }
        case .json(.array(let elements)):
            count = elements.count
            element = { self.bindable(RuntimeValue(json: elements[$0])) }
        case .json(.object(let object)):
            let keys = object.keys
            count = keys.count
            element = { self.bindable(RuntimeValue(json: object[keys[$0]]!)) }
        default:
            return .normal
        }
        let savedVariable = globals[variable.slot]
        let savedLoop = globals[VariableSlots.foreach]
        let savedCount = globals[VariableSlots.velocityCount]
        // A loop over a macro parameter's name sets and restores it through the macro, as
        // Velocity's context does: afterwards the parameter holds the value it had (evaluated).
        let savedParameter = isMacroParameter(variable.slot) ? try self.variable(variable.slot) : nil
        var parent: LoopStatus?
        if case .loop(let outer) = savedLoop { parent = outer }
        let status = LoopStatus(parent: parent)
        defer {
            if let savedParameter, !savedParameter.isNull { setVariable(variable.slot, savedParameter) } else { globals[variable.slot] = savedVariable }
            globals[VariableSlots.foreach] = savedLoop
            globals[VariableSlots.velocityCount] = savedCount
        }
        var flow = Flow.normal
        // API Gateway stops a loop after a set number of iterations, as Velocity's
        // directive.foreach.maxloops does: silently, keeping what was rendered.
        let limit = min(count, options.limits.foreachIterations)
        for position in 0..<limit {
            status.index = position
            status.hasNext = position + 1 < count
            if savedParameter == nil { globals[variable.slot] = element(position) } else { setVariable(variable.slot, element(position)) }
            globals[VariableSlots.foreach] = .loop(status)
            globals[VariableSlots.velocityCount] = .integer(position + 1)
            flow = try render(body)
            if case .breakLoop(let target) = flow {
                if target == nil || target == ObjectIdentifier(status) { flow = .normal }
                break
            }
            if case .stop = flow { break }
        }
        return flow
    }

    /// Not inlined, as `holds` is not: `render(_:)` must stay small enough to inline into the loops over nodes.
    @inline(never)
    private func breakFlow(_ scope: Expression?, offset: Int) throws(VTLError) -> Flow {
        guard let scope else { return .breakLoop(target: nil) }
        guard case .loop(let status) = try evaluate(scope) else {
            // Velocity throws here, outside a loop too: only a `$foreach` is a scope it can break.
            let named = if case .reference(let reference) = scope { reference.sourceText } else { "its argument" }
            throw error("#break cannot break \(named): only a #foreach's $foreach (or its .parent) is a loop it can break", at: offset)
        }
        return .breakLoop(target: ObjectIdentifier(status))
    }

    // MARK: Macros and #evaluate

    private func renderMacroCall(_ name: String, arguments: [Expression], body: [Node]?, sourceText: String, offset: Int) throws(VTLError) -> Flow {
        guard let macro = macros[name] else {
            // Velocity prints a call to an unknown macro as text.
            try write(sourceText, at: offset)
            return .normal
        }
        var frame: [(slot: Int, binding: MacroBinding)] = []
        for (parameter, argument) in zip(macro.parameters, arguments) {
            // Velocity passes arguments by name: `$x` in the body evaluates the argument again.
            let binding: MacroBinding = if case .constant(let constant) = argument { .value(RuntimeValue(constant)) } else { .byName(argument) }
            // A repeated parameter name binds the last argument given for it.
            if let position = frame.firstIndex(where: { $0.slot == parameter.slot }) {
                frame[position].binding = binding
            } else {
                frame.append((parameter.slot, binding))
            }
        }
        // `$bodyContent` renders the block's body where the macro prints it, each time it does.
        if let body { frame.append((VariableSlots.bodyContent, .value(.block(body)))) }
        try enterCall(at: offset)
        macroFrames.append(frame)
        defer {
            macroFrames.removeLast()
            callDepth -= 1
        }
        if case .stop = try render(macro.body) { return .stop }
        return .normal
    }

    private func renderEvaluate(_ expression: Expression, offset: Int) throws(VTLError) -> Flow {
        let value = try evaluate(expression)
        if value.isNull { return .normal }
        let text = value.javaString
        let parsed: (nodes: [Node], macros: [String: MacroDefinition])
        do {
            parsed = try parseEvaluated(text)
        } catch {
            // A limit (text size, nesting) stays a limit; anything else is a failed evaluation.
            let kind: VTLError.Kind = error.kind == .limitExceeded ? .limitExceeded : .evaluation
            throw self.error(kind, "#evaluate could not parse its argument: \(error.message)", at: offset)
        }
        macros.merge(parsed.macros) { _, new in new }
        try enterCall(at: offset)
        defer { callDepth -= 1 }
        // The evaluated text's own positions mean nothing in this template; report errors at #evaluate.
        do {
            if case .stop = try render(parsed.nodes) { return .stop }
            return .normal
        } catch {
            throw self.error(error.kind, "in #evaluate: \(error.message)", at: offset)
        }
    }
}

extension Node {
    var offset: Int? {
        switch self {
        case .text(_, let offset): Int(offset)
        case .reference(let reference), .escapedReference(_, let reference): reference.offset
        case .set(_, _, let offset), .foreach(_, _, _, let offset), .breakLoop(_, let offset), .macroCall(_, _, _, _, let offset),
            .evaluate(_, let offset):
            offset
        default: nil
        }
    }
}
