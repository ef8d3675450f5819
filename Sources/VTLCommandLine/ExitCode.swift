/// The exit codes of `sysexits.h` that the tool uses.
enum ExitCode: Int32, Sendable {
    case success = 0
    /// Findings or failing tests: the tool worked, the input did not pass.
    case failures = 1
    case usage = 64
    /// A bad template, body or definition.
    case dataError = 65
    case cannotOpenInput = 66
    case internalError = 70
}
