/// An object that templates call methods on, such as API Gateway's `$input` or `$util`.
///
/// Objects are Sendable values; one that needs per-request state (a parsed body) holds it itself.
public protocol TemplateObject: Sendable {
    /// What `$object` prints when inserted directly.
    var printed: String { get }

    /// `$object.name`, or nil when the object has no such property (it then behaves as undefined).
    func property(_ name: String) throws(TemplateObjectError) -> Value?

    /// `$object.name(arguments)`; `.notFound` when there is no such method, so Velocity's rules for
    /// unknown methods apply. A returned `.null` renders as a null would.
    func call(_ name: String, arguments: [Value]) throws(TemplateObjectError) -> MethodResult

    /// `$object.name(argument)`: the same as `call(name, arguments: [argument])`, which is what
    /// the default does. Most calls take one argument (`$util.escapeJavaScript($x)`,
    /// `$input.path('$.a')`); an object that implements this directly spares each of them an
    /// argument array. Both must give the same answers.
    func call(_ name: String, argument: Value) throws(TemplateObjectError) -> MethodResult
}

/// The outcome of calling a method on a `TemplateObject`.
public enum MethodResult: Sendable, Equatable {
    /// The method exists and returned this.
    case value(Value)
    /// No such method: the call gives null, as an unknown method does in Velocity.
    case notFound
}

/// A method of a `TemplateObject` failed; the renderer adds the template location.
public struct TemplateObjectError: Error, Sendable, Equatable {
    /// The message the template error shows.
    public var message: String
    /// The `VTLError.Kind` the template error gets: `.input` for an unreadable request body, `.limitExceeded` for a limit.
    public var kind: VTLError.Kind
    /// Creates an error; most method failures are `.evaluation`.
    public init(_ message: String, kind: VTLError.Kind = .evaluation) {
        self.message = message
        self.kind = kind
    }
}

extension TemplateObject {
    /// By default an object has no properties, so `$object.name` is undefined.
    public func property(_ name: String) throws(TemplateObjectError) -> Value? { nil }

    /// By default a one-argument call goes through `call(_:arguments:)`.
    public func call(_ name: String, argument: Value) throws(TemplateObjectError) -> MethodResult {
        try call(name, arguments: [argument])
    }
}
