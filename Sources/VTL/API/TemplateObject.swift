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
}

/// The outcome of calling a method on a `TemplateObject`.
public enum MethodResult: Sendable, Equatable {
    case value(Value)
    case notFound
}

/// A method of a `TemplateObject` failed; the renderer adds the template location.
public struct TemplateObjectError: Error, Sendable, Equatable {
    public var message: String
    public var kind: VTLError.Kind
    public init(_ message: String, kind: VTLError.Kind = .evaluation) {
        self.message = message
        self.kind = kind
    }
}

extension TemplateObject {
    public func property(_ name: String) throws(TemplateObjectError) -> Value? { nil }
}
