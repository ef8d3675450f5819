import Foundation
import Testing
import VTL

/// Every input the `TemplateParse` fuzz harness ever crashed on (`Fuzz/Crashes/TemplateParse/`)
/// now parses, or fails with a line and column inside the source: the harness's invariant.
/// `TemplateRender` inputs are replayed by APIGatewayTests, JSON and YAML ones by their own targets.
@Suite("Fuzz crash replay: TemplateParse")
struct CrashReplayTests {
    static let inputs = FuzzCrashes.inputs(of: "TemplateParse")

    @Test(arguments: inputs)
    func parseCrashStaysFixed(input: FuzzCrashes.Input) {
        let source = String(decoding: input.bytes, as: UTF8.self)
        do {
            _ = try Template(source: source, name: "fuzz.vm")
        } catch {
            let lines = templateLines(source)
            #expect((1...lines.count).contains(error.line), "\(error)")
            if (1...lines.count).contains(error.line) {
                #expect((1...(lines[error.line - 1].count + 1)).contains(error.column), "\(error)")
            }
        }
    }
}

/// The files in one harness's crash folder, named so each shows up in the test output.
enum FuzzCrashes {
    struct Input: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        var testDescription: String { name }
    }

    static func inputs(of harness: String) -> [Input] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fuzz/Crashes/\(harness)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().compactMap { name in
            (try? Data(contentsOf: folder.appendingPathComponent(name))).map { Input(name: name, bytes: Array($0)) }
        }
    }
}

/// A template's lines as Velocity's parser counts them, and `VTLError` with it: `\n`, `\r\n`
/// and a lone `\r` each end a line.
func templateLines(_ source: String) -> [Substring.UnicodeScalarView] {
    // Literal: a plain search treats `\r` and a combining mark after it as one unit and skips it.
    let unified = source.replacingOccurrences(of: "\r\n", with: "\n", options: .literal)
        .replacingOccurrences(of: "\r", with: "\n", options: .literal)
    return unified.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
}
