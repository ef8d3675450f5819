/// Whether a template can change a list or map in place.
///
/// Lists and maps are shared, as Java objects are, so a JSON container a variable holds is
/// normally copied into storage of its own ("thawed") when it is bound: a write through one
/// alias must be seen through every other. A template that never writes to a container cannot
/// tell a shared copy from the parsed JSON itself, so it reads the JSON in place and a loop over
/// a request's records copies none of them.
enum ContainerWrites {
    /// The methods of `java.util.List`, `Map` and `Map.Entry` the renderer runs that change
    /// their receiver. A name that is only sometimes a write (`remove`, `set`) counts as one.
    private static let writingMethods: Set<String> = ["add", "addAll", "set", "remove", "clear", "put", "putAll", "setValue"]

    /// True when some node could write to a list or map: `#set($a.b = ...)`, `#set($a[0] = ...)`,
    /// a call of a writing method, or `#evaluate`, whose text is not known until it renders.
    static func possible(in nodes: [Node], macros: [String: MacroDefinition]) -> Bool {
        nodes.contains(where: possible(in:)) || macros.values.contains { $0.body.contains(where: possible(in:)) }
    }

    private static func possible(in node: Node) -> Bool {
        switch node {
        case .text, .stop:
            return false
        case .reference(let reference), .escapedReference(_, let reference):
            return possible(in: reference)
        case .set(let target, let value, _):
            return !target.members.isEmpty || possible(in: value)
        case .conditional(let branches, let otherwise):
            return branches.contains { possible(in: $0.condition) || $0.body.contains(where: possible(in:)) }
                || (otherwise?.contains(where: possible(in:)) ?? false)
        case .foreach(_, let iterable, let body, _):
            return possible(in: iterable) || body.contains(where: possible(in:))
        case .breakLoop(let scope, _):
            return scope.map(possible(in:)) ?? false
        case .define(_, let body):
            return body.contains(where: possible(in:))
        case .macroCall(_, let arguments, let body, _, _):
            return arguments.contains(where: possible(in:)) || (body?.contains(where: possible(in:)) ?? false)
        case .evaluate:
            return true
        }
    }

    private static func possible(in expression: Expression) -> Bool {
        switch expression {
        case .constant:
            return false
        case .interpolatedString(let nodes):
            return nodes.contains(where: possible(in:))
        case .reference(let reference):
            return possible(in: reference)
        case .list(let elements):
            return elements.contains(where: possible(in:))
        case .map(let entries):
            return entries.contains { possible(in: $0.key) || possible(in: $0.value) }
        case .range(let from, let to, _):
            return possible(in: from) || possible(in: to)
        case .not(let inner):
            return possible(in: inner)
        case .binary(_, let left, let right, _):
            return possible(in: left) || possible(in: right)
        }
    }

    private static func possible(in reference: Reference) -> Bool {
        reference.members.contains { member in
            (member.kind == .method && writingMethods.contains(member.name)) || member.containsArgument(where: possible(in:))
        }
    }
}
