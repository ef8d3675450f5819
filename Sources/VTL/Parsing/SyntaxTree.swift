import JavaLang

/// A parsed template body: what prints, in order.
///
/// Only the large cases are `indirect`: text and references, most of a template, are stored
/// in the node itself rather than in a box of their own (one allocation less for each).
enum Node: Sendable {
    /// `offset` is where the text starts, for a limit the write hits (merged text: its first piece).
    /// 32 bits keep the node as small as a reference's (an `Int` made every node 8 bytes larger).
    case text(String, offset: Int32)
    case reference(Reference)
    /// `\$a`: what prints depends on whether `$a` is defined when the template renders.
    case escapedReference(backslashes: Int, Reference)
    indirect case set(target: Reference, value: Expression, offset: Int)
    case conditional(branches: [ConditionalBranch], otherwise: [Node]?)
    indirect case foreach(variable: Variable, iterable: Expression, body: [Node], offset: Int)
    /// `#break`, or `#break($foreach.parent)` to leave an outer loop.
    indirect case breakLoop(scope: Expression?, offset: Int)
    case stop
    indirect case define(name: Variable, body: [Node])
    /// `#name(...)`, or with a body `#@name(...)...#end`; `sourceText` is what prints when no
    /// such macro exists (a block call's whole text, body and `#end` included).
    indirect case macroCall(name: String, arguments: [Expression], body: [Node]?, sourceText: String, offset: Int)
    indirect case evaluate(Expression, offset: Int)
}

/// `#if(condition)` or `#elseif(condition)` and its body.
struct ConditionalBranch: Sendable {
    let condition: Expression
    let body: [Node]
    /// The condition when it is a reference alone (`#if($foreach.hasNext)`), the most common
    /// kind: the renderer reads this field alone, where copying the branch out of its array
    /// copied the whole expression. (A class per branch cost an allocation per `#if` to parse.)
    let conditionReference: Reference?

    init(condition: Expression, body: [Node]) {
        self.condition = condition
        self.body = body
        if case .reference(let reference) = condition { conditionReference = reference } else { conditionReference = nil }
    }
}

/// A variable as `#foreach`, `#define` and `#macro` name it: `$name`, and its slot.
struct Variable: Sendable, Equatable {
    var name: String
    var slot: Int
}

/// `$name` followed by `.property`, `.method(...)` and `[index]` steps.
///
/// A class: rendering reads references constantly, and a shared one costs a single retain
/// where a struct would retain each of its strings and arrays.
final class Reference: Sendable {
    let name: String
    /// Where the renderer keeps the variable `name` (see `VariableSlots`).
    let slot: Int
    /// The steps as the renderer walks them, resolved when the tree is built. Only these are
    /// stored: freeing a parsed template frees every step, so keeping each twice showed.
    let members: [Member]
    /// `members[0]`, which the renderer reads on every evaluation: a constant of a class is read
    /// in place, while taking an element out of an array retains and releases it.
    let firstMember: Member?
    /// The steps as parsed, for `#set` targets and inspection.
    var steps: [ReferenceStep] { members.map(\.step) }
    /// `$!name`: a null prints nothing even in stock Velocity.
    let quiet: Bool
    /// The bytes that hold the reference as written, shared by every reference (the template's;
    /// inside a string literal with escapes, a decoded copy of its own), and where it is in them.
    private let writtenBytes: [UInt8]
    private let writtenStart: Int
    private let writtenEnd: Int
    /// The reference as written, which stock Velocity prints when it is undefined. Made when asked
    /// for: it prints only for nulls and escapes, and a string per reference showed in parse time.
    var sourceText: String { String(decoding: writtenBytes[writtenStart..<writtenEnd], as: UTF8.self) }
    let offset: Int

    /// `bytes[written]` is the reference as written.
    init(name: String, slot: Int, members: [Member], quiet: Bool, writtenIn bytes: [UInt8], at written: Range<Int>, offset: Int) {
        self.name = name
        self.slot = slot
        self.members = members
        self.firstMember = members.first
        self.quiet = quiet
        self.writtenBytes = bytes
        self.writtenStart = written.lowerBound
        self.writtenEnd = written.upperBound
        self.offset = offset
    }
}

enum ReferenceStep: Sendable {
    case property(String, offset: Int)
    case method(String, arguments: [Expression], offset: Int)
    case index(Expression, offset: Int)

    var offset: Int {
        switch self {
        case .property(_, let offset), .method(_, _, let offset), .index(_, let offset): offset
        }
    }
}

/// A reference step made ready to render: what its name means to the renderer is worked out
/// once here rather than by comparing strings on every read. A class of plain fields, so the
/// renderer reads a step where it is, without copying its strings and argument arrays out.
final class Member: Sendable {
    enum Kind: Sendable {
        case property, method, index
    }

    let kind: Kind
    /// The property or method name; empty for an index.
    let name: String
    /// The only argument of a one-argument method, or the index expression; a constant false
    /// otherwise, never read. A constant of the class, not optional, so the renderer reads it in
    /// place (taking `arguments[0]` out of an array, or unwrapping an optional, copied the
    /// expression), and not kept twice, which showed in parse time.
    let argument: Expression
    /// The arguments of a method that takes none or several; empty when `argument` holds the one.
    let otherArguments: [Expression]
    let argumentCount: Int
    let offset: Int
    /// The `$foreach` field a property of this name reads, nil for any other name.
    let loopField: LoopField?
    /// A method that compares its argument with Java's equals, which recurses through nested
    /// lists and maps: the depth of its arguments is checked first.
    let compares: Bool
    /// `.get(key)`, the method templates call most on maps (`$params.get($name)`): the
    /// renderer reads a map's key without building the arguments array a call takes.
    let isGetWithOneArgument: Bool

    init(kind: Kind, name: String, arguments: [Expression], offset: Int) {
        (self.kind, self.name, self.offset) = (kind, name, offset)
        argumentCount = arguments.count
        if arguments.count == 1 {
            (argument, otherArguments) = (arguments[0], [])
        } else {
            (argument, otherArguments) = (.constant(.bool(false)), arguments)
        }
        loopField = kind == .property ? Member.loopField(named: name) : nil
        compares = kind == .method && Member.compares(named: name)
        isGetWithOneArgument = kind == .method && arguments.count == 1 && name == "get"
    }

    // Switches rather than `init(rawValue:)` or a `Set`, which cost more per name (templates are parsed often too).
    // Length and first byte rule out most names before any comparison: every reference step passes here.

    private static func loopField(named name: String) -> LoopField? {
        switch (name.utf8.count, name.utf8.first ?? 0) {
        case (5, UInt8(ascii: "i")) where name == "index": .index
        case (5, UInt8(ascii: "c")) where name == "count": .count
        case (7, UInt8(ascii: "h")) where name == "hasNext": .hasNext
        case (5, UInt8(ascii: "f")) where name == "first": .first
        case (4, UInt8(ascii: "l")) where name == "last": .last
        case (6, UInt8(ascii: "p")) where name == "parent": .parent
        default: nil
        }
    }

    private static func compares(named name: String) -> Bool {
        switch (name.utf8.count, name.utf8.first ?? 0) {
        case (6, UInt8(ascii: "e")): name == "equals"
        case (8, UInt8(ascii: "c")): name == "contains"
        case (7, UInt8(ascii: "i")): name == "indexOf"
        case (11, UInt8(ascii: "l")): name == "lastIndexOf"
        case (6, UInt8(ascii: "r")): name == "remove"
        case (13, UInt8(ascii: "c")): name == "containsValue"
        default: false
        }
    }
}

/// What `$foreach.name` reads.
enum LoopField: Sendable {
    case index, count, hasNext, first, last, parent
}

/// The right-hand side of `#set`, conditions, arguments.
///
/// Constants and references, most arguments, are stored unboxed; the cases holding
/// expressions directly are `indirect`.
enum Expression: Sendable {
    case constant(Constant)
    /// A double-quoted string with references or directives inside, rendered each time.
    case interpolatedString([Node])
    case reference(Reference)
    case list([Expression])
    case map([(key: Expression, value: Expression)])
    indirect case range(from: Expression, to: Expression, offset: Int)
    indirect case not(Expression)
    indirect case binary(BinaryOperator, Expression, Expression, offset: Int)
}

/// A literal whose value is known when the template is parsed.
enum Constant: Sendable {
    case bool(Bool)
    case integer(Int)
    case bigInteger(BigInteger)
    case double(Double)
    case string(String)
}

enum BinaryOperator: Sendable {
    case add, subtract, multiply, divide, remainder
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
    case and, or
}

/// `#macro(name $a $b) ... #end`
struct MacroDefinition: Sendable {
    var name: String
    var parameters: [Variable]
    var body: [Node]
}

extension Member {
    /// A method's arguments, or the index expression alone.
    var arguments: [Expression] {
        argumentCount == 1 ? [argument] : otherArguments
    }

    /// Whether some argument satisfies `predicate`, without building `arguments`.
    func containsArgument(where predicate: (Expression) -> Bool) -> Bool {
        argumentCount == 1 ? predicate(argument) : otherArguments.contains(where: predicate)
    }

    /// The step this member was made from.
    var step: ReferenceStep {
        switch kind {
        case .property: .property(name, offset: offset)
        case .method: .method(name, arguments: arguments, offset: offset)
        case .index: .index(argument, offset: offset)
        }
    }
}
