import APIGateway
import FuzzSupport
import VTL

/// Invariant: with tight limits a template renders within them or fails with a located error;
/// successful output never exceeds the output limit. `$input` and `$util` are there, with a
/// JSON body, so their code is reached too.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let source = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    let template: Template
    do {
        template = try Template(source: source, name: "fuzz.vm")
    } catch {
        checkLocation(error, in: source)
        return 0
    }
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
        let output = try template.render(MappingTemplateVariables.context(for: request), options: RenderOptions(limits: limits))
        guard output.utf8.count <= limits.outputBytes else {
            fatalError("output of \(output.utf8.count) bytes passed the limit of \(limits.outputBytes)")
        }
    } catch {
        checkLocation(error, in: source)
    }
    return 0
}
