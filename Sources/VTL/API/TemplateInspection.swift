/// What a template does with references, found by reading it rather than rendering it:
/// where values are printed, what loops iterate over, what `#set` assigns, and every
/// reference anywhere. Static checks (such as `vtl check`) build on this, because the syntax
/// tree itself stays internal and free to change.
///
/// ```swift
/// let inspection = try Template(source: "Action=SendMessage&MessageBody=$input.body").inspect()
/// inspection.insertions[0].reference.sourceText   // "$input.body"
/// inspection.insertions[0].textBefore             // "Action=SendMessage&MessageBody="
/// ```
public struct TemplateInspection: Sendable, Equatable {
    /// Places where a reference's value is printed, in source order: into the output, or into a
    /// double-quoted string literal of a directive (see `Insertion.inStringLiteral`).
    public var insertions: [Insertion]
    /// Every `#foreach`, in source order.
    public var loops: [Loop]
    /// Every `#set`, in source order.
    public var assignments: [Assignment]
    /// Every reference anywhere, including arguments, conditions and `#set` targets, in source
    /// order; an argument's references come after the reference that takes them.
    public var references: [InspectedReference]

    /// Creates an inspection; `Template.inspect()` is the usual way to get one.
    public init(insertions: [Insertion] = [], loops: [Loop] = [], assignments: [Assignment] = [], references: [InspectedReference] = []) {
        self.insertions = insertions
        self.loops = loops
        self.assignments = assignments
        self.references = references
    }
}

extension Template {
    /// Reads the template's syntax tree (macro and `#define` bodies included) without rendering.
    public func inspect() -> TemplateInspection {
        var walker = InspectionWalker(source: source)
        walker.walk(nodes, inStringLiteral: false)
        // Macro bodies print wherever they are called; their text is still the template's.
        for name in macros.keys.sorted() {
            walker.walkRepeated(macros[name]!.body)
        }
        return walker.result()
    }
}

/// A 1-based line and column (in Unicode scalars) in the template's own text.
public struct TemplateLocation: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int

    /// Creates a location.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Source order: by line, then column.
    public static func < (lhs: TemplateLocation, rhs: TemplateLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// `line:column`
    public var description: String { "\(line):\(column)" }
}

/// A reference as written: `$input.path('$.a')` is root `input` with one method step whose
/// argument is the string `$.a`.
public struct InspectedReference: Sendable, Equatable, CustomStringConvertible {
    /// One `.property`, `.method(...)` or `[index]` after the root name.
    public enum Step: Sendable, Equatable {
        /// `.name`, without arguments.
        case property(String)
        /// `.name(arguments)`.
        case method(String, arguments: [InspectedExpression])
        /// `[index]`.
        case index(InspectedExpression)
    }

    /// The name after `$`: `input`, `util`, `context`, a variable.
    public var root: String
    /// What follows the root, in order.
    public var steps: [Step]
    /// The text of the reference in the template, such as `$util.urlEncode($input.body)`.
    public var sourceText: String
    /// Where the `$` is.
    public var location: TemplateLocation

    /// Creates a reference.
    public init(root: String, steps: [Step], sourceText: String, location: TemplateLocation) {
        self.root = root
        self.steps = steps
        self.sourceText = sourceText
        self.location = location
    }

    /// The reference as written.
    public var description: String { sourceText }

    /// The names of the steps, properties and methods alike (`["path"]` for `$input.path('$.a')`);
    /// an index step has no name and is skipped.
    public var memberNames: [String] {
        steps.compactMap { step in
            switch step {
            case .property(let name), .method(let name, _): name
            case .index: nil
            }
        }
    }

    /// The arguments of the first step when it is a method call, such as the argument of `$util.urlEncode(...)`.
    public var firstArguments: [InspectedExpression] {
        if case .method(_, let arguments)? = steps.first { return arguments }
        return []
    }
}

/// An expression summarised for static checks: literals keep their value, references their
/// structure, and anything else (maps, ranges, operators) only the references inside it.
public indirect enum InspectedExpression: Sendable, Equatable {
    /// A string known when the template is parsed (single-quoted, or double-quoted without references).
    case string(String)
    /// A double-quoted string with references inside, printed into it each time.
    case interpolatedString(references: [InspectedReference])
    /// A number as written.
    case number(String)
    /// `true` or `false`.
    case bool(Bool)
    /// A reference, such as an argument `$input.body`.
    case reference(InspectedReference)
    /// A list literal, `[a, b]`.
    case list([InspectedExpression])
    /// A map, range, `!` or binary operation, with the references it reads.
    case other(references: [InspectedReference])

    /// The references read at the top of this expression (not those inside their own arguments).
    public var references: [InspectedReference] {
        switch self {
        case .string, .number, .bool: []
        case .interpolatedString(let references), .other(let references): references
        case .reference(let reference): [reference]
        case .list(let elements): elements.flatMap(\.references)
        }
    }
}

extension TemplateInspection {
    /// A reference whose value is printed.
    public struct Insertion: Sendable, Equatable {
        /// The reference printed.
        public var reference: InspectedReference
        /// True inside a double-quoted string literal of a directive (`#set($a = "x$b")`): the value
        /// goes into that string, not straight into the output.
        public var inStringLiteral: Bool
        /// Literal text printed just before, back to the previous line break or to a directive;
        /// another insertion on the way shows as U+FFFC (`Insertion.otherInsertion`).
        public var textBefore: String
        /// Literal text printed just after, up to the next line break or directive, written the same way.
        public var textAfter: String

        /// What stands for another reference's value in `textBefore` and `textAfter`.
        public static let otherInsertion: Character = "\u{FFFC}"

        /// Creates an insertion.
        public init(reference: InspectedReference, inStringLiteral: Bool, textBefore: String, textAfter: String) {
            self.reference = reference
            self.inStringLiteral = inStringLiteral
            self.textBefore = textBefore
            self.textAfter = textAfter
        }
    }

    /// A `#foreach($variable in iterable)`.
    public struct Loop: Sendable, Equatable {
        /// The loop variable, without `$`.
        public var variable: String
        /// What the loop iterates over, such as `$input.path('$.items')`.
        public var iterable: InspectedExpression
        /// Where `#foreach` is.
        public var location: TemplateLocation
        /// Whether the body has a `#break` anywhere, the usual way to bound a loop.
        public var hasBreak: Bool

        /// Creates a loop.
        public init(variable: String, iterable: InspectedExpression, location: TemplateLocation, hasBreak: Bool) {
            self.variable = variable
            self.iterable = iterable
            self.location = location
            self.hasBreak = hasBreak
        }
    }

    /// A `#set(target = value)`.
    public struct Assignment: Sendable, Equatable {
        /// The reference assigned to: `$a` or `$map.key`.
        public var target: InspectedReference
        /// The right-hand side.
        public var value: InspectedExpression
        /// Where `#set` is.
        public var location: TemplateLocation
        /// The `#if` branches it sits in, outermost first.
        public var branches: [BranchChoice]
        /// Inside `#foreach`, `#define` or a macro body: it may run any number of times, or none.
        public var repeats: Bool

        /// Creates an assignment.
        public init(
            target: InspectedReference, value: InspectedExpression, location: TemplateLocation, branches: [BranchChoice] = [],
            repeats: Bool = false
        ) {
            self.target = target
            self.value = value
            self.location = location
            self.branches = branches
            self.repeats = repeats
        }

        /// Whether the two sit in different branches of one `#if`, so that one render never runs both.
        public func excludes(_ other: Assignment) -> Bool {
            branches.contains { choice in
                other.branches.contains { $0.conditional == choice.conditional && $0.branch != choice.branch }
            }
        }
    }

    /// One branch of one `#if`: the `#if`s are numbered from 0 in source order, and its branches
    /// from 0 (`#if`, then each `#elseif`, then `#else`).
    public struct BranchChoice: Sendable, Equatable, Hashable {
        /// Which `#if`.
        public var conditional: Int
        /// Which of its branches.
        public var branch: Int

        /// Creates a choice.
        public init(conditional: Int, branch: Int) {
            self.conditional = conditional
            self.branch = branch
        }
    }
}
