import APIGateway
import Testing
import VTL

/// One parsed `Template` rendered from many tasks at once, with API Gateway's `$input`
/// (whose body is parsed lazily, once, behind a lock) and `$util`, gives what serial
/// rendering gives. Run under `swift test --sanitize=thread` to check for data races.
@Suite("Concurrent rendering")
struct ConcurrentRenderingTests {
    static let template = """
        #set($items = $input.path('$.items'))
        {"count": $items.size(), "first": $input.json('$.items[0]'), "id": "$input.params('id')",
         "names": [#foreach($item in $items)"$util.escapeJavaScript($item.name)"#if($foreach.hasNext),#end#end],
         "encoded": "$util.urlEncode($input.body)", "b64": "$util.base64Encode($input.params('id'))",
         "parsed": "$util.parseJson($input.json('$.items[1]')).name", "words": "$input.body.replaceAll('[^a-z]+', '-').split('-').size()",
         "matches": $input.params('id').matches('[0-9]+'), "request": "$context.httpMethod"}
        """

    static func request(_ number: Int) -> MethodRequest {
        MethodRequest(
            body: #"{"items":[{"name":"a'\#(number)"},{"name":"b/\#(number)"},{"name":"c\"\#(number)"}]}"#,
            pathParameters: [Parameter("id", String(number))])
    }

    @Test func oneTemplateWithInputAndUtilRendersConcurrently() async throws {
        let template = try Template(source: Self.template)
        let serial = try (0..<32).map { number in
            try template.render(MappingTemplateVariables.context(for: Self.request(number)))
        }
        #expect(serial[3].contains(#""names": ["a\'3","b\/3","c\"3"]"#))
        let concurrent = await withTaskGroup(of: (Int, String?).self) { group in
            for round in 0..<4 {
                for number in 0..<32 {
                    group.addTask {
                        _ = round
                        return (number, try? template.render(MappingTemplateVariables.context(for: Self.request(number))))
                    }
                }
            }
            var outputs: [(Int, String?)] = []
            for await output in group { outputs.append(output) }
            return outputs
        }
        #expect(concurrent.count == 128)
        for (number, output) in concurrent { #expect(output == serial[number]) }
    }

    /// One context shared by every render: the lazily parsed body is read from many tasks.
    @Test func oneContextSharedByConcurrentRenders() async throws {
        let template = try Template(source: Self.template)
        let context = MappingTemplateVariables.context(for: Self.request(7))
        let expected = try template.render(context)
        let outputs = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<64 { group.addTask { try? template.render(context) } }
            var outputs: [String?] = []
            for await output in group { outputs.append(output) }
            return outputs
        }
        #expect(outputs.count == 64)
        #expect(outputs.allSatisfy { $0 == expected })
    }
}
