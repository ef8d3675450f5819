import VTL

/// A Java exception message from one of the `$util` helpers; the caller turns it into a
/// `TemplateObjectError`, which gets the template location from the renderer.
struct TemplateObjectErrorMessage: Error, Sendable, Equatable {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
