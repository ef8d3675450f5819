import APIGateway
import Foundation
import Testing
import VTL

/// Every input the `TemplateRender` fuzz harness crashed on (`Fuzz/Crashes/TemplateRender/`)
/// now renders within the harness's tight limits or fails with a located error.
@Suite("Fuzz crash replay: TemplateRender")
struct CrashReplayTests {
    @Test(arguments: crashInputs(of: "TemplateRender"))
    func renderCrashStaysFixed(name: String) throws {
        let source = String(decoding: try crashBytes(of: "TemplateRender", name), as: UTF8.self)
        var limits = RenderLimits()
        limits.foreachIterations = 50
        limits.rangeLength = 200
        limits.callDepth = 20
        limits.outputBytes = 4096
        limits.steps = 20_000
        limits.regexTime = .milliseconds(50)
        let request = MethodRequest(
            body: #"{"a":[1,2,{"b":"x/y"}],"s":"text","n":null,"d":1.5}"#,
            headers: [Parameter("h", "v")], queryString: [Parameter("q", "1")], pathParameters: [Parameter("id", "7")])
        do {
            let output = try Template(source: source, name: "fuzz.vm")
                .render(MappingTemplateVariables.context(for: request), options: RenderOptions(limits: limits))
            #expect(output.utf8.count <= limits.outputBytes)
        } catch {
            let lines = templateLines(source)
            #expect((1...lines.count).contains(error.line), "\(error)")
            if (1...lines.count).contains(error.line) {
                #expect((1...(lines[error.line - 1].count + 1)).contains(error.column), "\(error)")
            }
        }
    }
}

private func crashFolder(_ harness: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/Crashes/\(harness)")
}

func crashInputs(of harness: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: crashFolder(harness).path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
}

func crashBytes(of harness: String, _ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: crashFolder(harness).appendingPathComponent(name)))
}

/// A template's lines as Velocity's parser counts them, and `VTLError` with it: `\n`, `\r\n`
/// and a lone `\r` each end a line.
func templateLines(_ source: String) -> [Substring.UnicodeScalarView] {
    // Literal: a plain search treats `\r` and a combining mark after it as one unit and skips it.
    let unified = source.replacingOccurrences(of: "\r\n", with: "\n", options: .literal)
        .replacingOccurrences(of: "\r", with: "\n", options: .literal)
    return unified.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
}
