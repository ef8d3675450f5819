import Foundation

/// Where the command reads and writes, so tests can run it in-process and capture both streams.
public struct StandardStreams: Sendable {
    /// Reads all of standard input, for a `-` argument.
    public var readInput: @Sendable () -> Data
    /// Writes results (standard output).
    public var writeOutput: @Sendable (String) -> Void
    /// Writes diagnostics (standard error).
    public var writeError: @Sendable (String) -> Void

    /// Creates streams from three closures; tests pass ones that capture.
    public init(
        readInput: @escaping @Sendable () -> Data, writeOutput: @escaping @Sendable (String) -> Void,
        writeError: @escaping @Sendable (String) -> Void
    ) {
        self.readInput = readInput
        self.writeOutput = writeOutput
        self.writeError = writeError
    }

    /// The process's own stdin, stdout and stderr.
    public static let process = StandardStreams(
        readInput: { FileHandle.standardInput.readDataToEndOfFile() },
        writeOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
        writeError: { FileHandle.standardError.write(Data($0.utf8)) }
    )
}
