import Foundation
import VTL

/// Stops the run unless `error`'s 1-based line and column lie inside `source` (a column may
/// point just past the end of its line).
public func checkLocation(_ error: VTLError, in source: String) {
    let lines = templateLines(source)
    guard error.line >= 1, error.line <= lines.count else {
        fatalError("line \(error.line) outside 1...\(lines.count): \(error)")
    }
    let width = lines[error.line - 1].count
    guard error.column >= 1, error.column <= width + 1 else {
        fatalError("column \(error.column) outside 1...\(width + 1) on line \(error.line): \(error)")
    }
}

/// A template's lines as Velocity's parser counts them, and `VTLError` with it: `\n`, `\r\n`
/// and a lone `\r` each end a line.
public func templateLines(_ source: String) -> [Substring.UnicodeScalarView] {
    // Literal: a plain search treats `\r` and a combining mark after it as one unit and skips it.
    let unified = source.replacingOccurrences(of: "\r\n", with: "\n", options: .literal)
        .replacingOccurrences(of: "\r", with: "\n", options: .literal)
    return unified.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
}
