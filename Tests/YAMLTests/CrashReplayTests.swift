import Foundation
import Testing
import YAML

/// Every input the `YAMLParse` fuzz harness crashed on (`Fuzz/Crashes/YAMLParse/`) parses,
/// or fails with a line and column inside the (line-break normalised) source.
@Suite("Fuzz crash replay: YAML")
struct CrashReplayTests {
    @Test(arguments: CrashReplayTests.crashInputs())
    func yamlCrashStaysFixed(name: String) throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fuzz/Crashes/YAMLParse")
        let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
        do {
            _ = try YAML.parseAll(text, fileName: "fuzz.yaml")
        } catch {
            let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            let lines = normalised.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            #expect((1...lines.count).contains(error.line), "\(error)")
            if (1...lines.count).contains(error.line) {
                #expect((1...(lines[error.line - 1].count + 1)).contains(error.column), "\(error)")
            }
        }
    }

    static func crashInputs() -> [String] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fuzz/Crashes/YAMLParse")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }
}
