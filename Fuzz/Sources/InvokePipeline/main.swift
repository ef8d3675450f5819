import Foundation
import APIGateway
import JSON

/// The APIs requests are sent to, loaded once: every pipeline fixture's `api.json` (each
/// integration type, parameter mapping, overrides, response templates), the seed's API
/// Gateway -> SQS examples and the definition fixtures, in sorted path order so that the
/// first input byte names the same API in every run (the corpus relies on it).
let apiFiles: [String] = {
    let root = "/" + #filePath.split(separator: "/").dropLast(4).joined(separator: "/") + "/Fixtures/"
    var files: [String] = []
    for folder in ["pipeline", "examples", "definitions"] {
        let enumerator = FileManager.default.enumerator(atPath: root + folder)
        while let relative = enumerator?.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name == "api.json" || name == "template.yaml" || folder == "definitions" { files.append(root + folder + "/" + relative) }
        }
    }
    return files.sorted()
}()

/// Indexed as `apiFiles`; nil for the fixtures that fail to load on purpose.
let apis: [APIDefinition?] = apiFiles.map { path in
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fatalError("cannot read \(path)") }
    return try? APIDefinitionLoader.load(text, fileName: (path as NSString).lastPathComponent)
}

/// Input: a request line (`METHOD /path?query`), header lines (`Name: value`), an empty line,
/// then the body. The first byte picks the API.
///
/// Invariant: the pipeline answers every request with an HTTP status (API Gateway's own
/// refusals included), the same answer twice, and a result whose JSON report reads back.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    guard let api = apis[Int(bytes[0]) % apis.count] else { return 0 }
    let request = invocationRequest(String(decoding: bytes.dropFirst(), as: UTF8.self))
    let first: InvocationResult
    do {
        first = try Invocation.run(request, in: api)
    } catch {
        // A fault in the definition (a template that does not parse) throws, and must do so every time.
        do {
            _ = try Invocation.run(request, in: api)
            fatalError("the same request threw once and not the second time: \(error)")
        } catch let again {
            guard again == error else { fatalError("the same request threw differently: \(error) / \(again)") }
        }
        return 0
    }
    guard (100...599).contains(first.status) else { fatalError("status \(first.status) is not an HTTP status") }
    guard let second = try? Invocation.run(request, in: api), second == first else {
        fatalError("the same request gave a different result")
    }
    let report = JSONWriter().string(first.jsonValue)
    guard let reread = try? JSONValue.parse(report), JSONWriter().string(reread) == report else {
        fatalError("the result's JSON does not read back: \(report.prefix(200))")
    }
    return 0
}

func invocationRequest(_ text: String) -> InvocationRequest {
    let (head, body) = split(text, at: "\n\n")
    var lines = head.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let requestLine = lines.isEmpty ? "" : lines.removeFirst()
    let (method, target) = split(requestLine, at: " ")
    let (path, query) = split(target, at: "?")
    let headers = lines.map { line in
        let (name, value) = split(line, at: ":")
        return Parameter(name, value.hasPrefix(" ") ? String(value.dropFirst()) : value)
    }
    let queryString = query.split(separator: "&").map { pair in
        let (name, value) = split(String(pair), at: "=")
        return Parameter(name, value)
    }
    return InvocationRequest(
        httpMethod: method.isEmpty ? "POST" : method, path: path.isEmpty ? "/" : path, headers: headers, queryString: queryString,
        body: body)
}

/// The text before and after the first `separator`; all of it and "" when there is none.
func split(_ text: String, at separator: String) -> (String, String) {
    guard let range = text.range(of: separator) else { return (text, "") }
    return (String(text[..<range.lowerBound]), String(text[range.upperBound...]))
}
