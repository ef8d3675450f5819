import Foundation
import JSON
import Testing

/// Every request body in `Fixtures/` transcodes to what parse + write gives, or is declined,
/// and declined whenever the parser rejects it. Most are ordinary JSON and must transcode.
@Suite("Transcoding the fixture bodies")
struct TranscoderFixtureTests {
    @Test(arguments: fixtureBodies())
    func body(path: String) throws {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: fixturesFolder.path + "/" + path)), as: UTF8.self)
        expectAgreement(text)
    }

    @Test("the fixture bodies are found, and most are transcoded")
    func mostTranscode() throws {
        let paths = fixtureBodies()
        #expect(paths.count > 50)
        let transcoded = try paths.filter { path in
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: fixturesFolder.path + "/" + path)), as: UTF8.self)
            return JSONTranscoder().compactText(text) != nil
        }
        #expect(transcoded.count * 10 >= paths.count * 8, "\(transcoded.count) of \(paths.count)")
    }
}

private let fixturesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

/// `body.json` files under `Fixtures/`, relative to it.
private func fixtureBodies() -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: fixturesFolder.path) else { return [] }
    return walker.compactMap { $0 as? String }.filter { $0.hasSuffix("/body.json") || $0 == "body.json" }.sorted()
}
