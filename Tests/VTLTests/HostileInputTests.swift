import Foundation
import Testing
import VTL

/// Templates written to hang, crash or exhaust memory stop with a located `limitExceeded`
/// error, or render correctly, within seconds in a debug build.
@Suite("Hostile templates")
struct HostileInputTests {
    /// The error `source` fails with, expecting a `limitExceeded` one that names `limit`.
    func limitError(
        _ source: String, options: RenderOptions = .apiGateway, naming limit: String, sourceLocation: SourceLocation = #_sourceLocation
    ) -> VTLError? {
        do {
            let output = try Template(source: source).render(Context(), options: options)
            Issue.record("rendered \(output.utf8.count) bytes instead of failing", sourceLocation: sourceLocation)
            return nil
        } catch {
            #expect(error.kind == .limitExceeded, "\(error)", sourceLocation: sourceLocation)
            #expect(error.message.contains(limit), "\(error.message)", sourceLocation: sourceLocation)
            return error
        }
    }

    @Test func unboundedRangeStops() {
        let error = limitError("#set($r = [1..999999999])", naming: "100000")
        #expect(error?.line == 1 && error?.column == 11)
    }

    @Test func rangeWhoseLengthOverflowsStops() {
        _ = limitError("#set($r = [-9223372036854775807..9223372036854775807])", naming: "100000")
        _ = limitError("#set($m = -9223372036854775807)#set($m = $m - 1)#set($r = [0..$m])", naming: "100000")
    }

    @Test func templateOverTheSizeLimitIsRefused() throws {
        let limit = ParseLimits().templateBytes
        #expect(limit == 300 * 1024)
        let exact = String(repeating: "x", count: limit)
        #expect(try Template(source: exact).render() == exact)
        do {
            _ = try Template(source: exact + "y", name: "big.vm")
            Issue.record("a template of 300 KB + 1 parsed")
        } catch {
            #expect(error.kind == .limitExceeded)
            #expect(error.message.contains("templateBytes"))
            #expect(error.description.hasPrefix("big.vm:1:1: error:"))
        }
        var roomy = ParseLimits()
        roomy.templateBytes = limit + 1
        #expect(throws: Never.self) { try Template(source: exact + "y", limits: roomy) }
    }

    @Test func deepTemplateNestingIsRefused() {
        for source in [String(repeating: "#if(true)", count: 100_000), String(repeating: "$a.b(", count: 100_000), String(repeating: "[", count: 100_000)] {
            do {
                _ = try Template(source: "#set($x = " + source)
                Issue.record("nesting parsed")
            } catch {
                #expect(error.kind == .limitExceeded || error.kind == .syntax, "\(error)")
            }
        }
    }

    @Test func runawayMacroRecursionStops() {
        let error = limitError("#macro(f $n)#f($n)#end\n#f(1)", naming: "200")
        #expect(error?.line == 1)
    }

    @Test func runawayEvaluateRecursionStops() {
        _ = limitError(#"#set($s = '#evaluate($s)')#evaluate($s)"#, naming: "200")
    }

    @Test func defineThatInsertsItselfStops() {
        _ = limitError("#define($d)$d#end$d", naming: "200")
    }

    @Test func catastrophicRegexStops() {
        #expect(RenderLimits().regexTime == .seconds(10))
        var options = RenderOptions()
        options.limits.regexTime = .milliseconds(500)
        let start = ContinuousClock.now
        let source = "#set($s = '\(String(repeating: "a", count: 30))b')$s.matches('(a+)+$')"
        let error = limitError(source, options: options, naming: "regexTime")
        #expect(error?.line == 1 && error?.column == 48)
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test(arguments: ["$s.replaceAll('(a+)+$', 'x')", "$s.replaceFirst('(a|aa)+$', 'x')", "$s.split('(a+)+$')", "$s.matches('(a|a)+$')"])
    func catastrophicRegexStops(call: String) {
        var options = RenderOptions()
        options.limits.regexTime = .milliseconds(200)
        _ = limitError("#set($s = '\(String(repeating: "a", count: 40))b')\(call)", options: options, naming: "regexTime")
    }

    @Test func regexTimeIsSharedByTheWholeRender() {
        var options = RenderOptions()
        options.limits.regexTime = .milliseconds(300)
        // Each call alone stays under the limit; a thousand of them do not.
        let source = "#set($s = '\(String(repeating: "a", count: 16))b')#foreach($i in [1..1000])$s.matches('(a+)+$')#end"
        _ = limitError(source, options: options, naming: "regexTime")
    }

    @Test func ordinaryRegexOnALargeStringIsFine() throws {
        let big = String(repeating: "abc def\n", count: 100_000 / 8)
        let output = try Template(source: "$s.replaceAll('\\s+', '_').length() $s.split('\\n').size() $s.matches('(?s)abc.*')")
            .render(Context(["s": .string(big)]))
        #expect(output == "100000 12500 true")
    }

    /// A pattern with no regex syntax is searched for as text: linear in the input, so it spends
    /// none of the regex time (which is there for backtracking), but still meets the output limit.
    @Test func plainTextPatternsSpendNoRegexTime() throws {
        var options = RenderOptions()
        options.limits.regexTime = .zero
        let big = String(repeating: "fish & chips, ", count: 1_000_000 / 14)
        let source = "$s.replaceAll(' & ', ' and ').length() $s.replaceFirst(',', ';').length() $s.split(', ').size() $s.matches('fish')"
        #expect(try Template(source: source).render(Context(["s": .string(big)]), options: options) == "1142848 999992 71428 false")
        _ = limitError("#set($s = 'x')$s.replaceAll('x+', 'y')", options: options, naming: "regexTime")

        options.limits.outputBytes = 1_000_000
        let growing = "#set($s = 'ab')#foreach($i in [1..64])#set($s = $s.replaceAll('a', 'aaaa'))#end"
        _ = limitError(growing, options: options, naming: "outputBytes")
    }

    /// Copying a growing string in a loop is quadratic in bytes while the node count stays
    /// small: a million `#set($s = "$s.")` would copy 500 GB. Building a string costs a step
    /// per 64 bytes, so the step limit stops it.
    @Test func quadraticStringBuildingStops() {
        let start = ContinuousClock.now
        let loop = #"#set($s = "")#foreach($i in [1..1000])#foreach($j in [1..1000])#set($s = "$s.")#end#end"#
        let error = limitError(loop, naming: "steps")
        #expect(error?.line == 1 && error?.column == 75, "\(String(describing: error))")
        let concatenating = "#set($s = '')#foreach($i in [1..1000])#foreach($j in [1..1000])#set($s = $s.concat('.'))#end#end"
        _ = limitError(concatenating, naming: "steps")
        #expect(ContinuousClock.now - start < .seconds(60))
    }

    @Test func doublingStringsStop() {
        var options = RenderOptions()
        options.limits.outputBytes = 1_000_000
        _ = limitError("#set($s = 'xx')#foreach($i in [1..64])#set($s = $s.concat($s))#end", options: options, naming: "outputBytes")
        _ = limitError("#set($s = 'xx')#foreach($i in [1..64])#set($s = $s + $s)#end", options: options, naming: "outputBytes")
        _ = limitError(#"#set($s = 'xx')#foreach($i in [1..64])#set($s = "$s$s")#end"#, options: options, naming: "bytes")
        _ = limitError("#set($s = 'xx')#foreach($i in [1..64])#set($s = $s.replace('', $s))#end", options: options, naming: "outputBytes")
    }

    @Test func outputLimitStops() {
        var options = RenderOptions()
        options.limits.outputBytes = 1000
        _ = limitError("#foreach($i in [1..1000])0123456789#end", options: options, naming: "1000 bytes")
    }

    @Test func stepLimitStops() {
        var options = RenderOptions()
        options.limits.steps = 10_000
        _ = limitError("#foreach($i in [1..1000])#foreach($j in [1..1000])$j#end#end", options: options, naming: "10000 steps")
    }

    @Test func foreachStopsSilentlyAtAThousand() throws {
        #expect(try Template(source: "#foreach($i in [1..5000])#set($n = $i)#end$n").render() == "1000")
    }

    /// `#set($a = [$a])` in nested loops nests a list 100,000 deep; printing it, and
    /// releasing it afterwards, must not recurse once per level.
    @Test func deeplyNestedRuntimeListPrints() throws {
        let depth = 100_000
        let output = try Template(source: "#set($a = [])#foreach($i in [1..100])#foreach($j in [1..1000])#set($a = [$a])#end#end$a")
            .render()
        #expect(output.utf8.count == 2 * depth + 2)
        #expect(output.hasPrefix("[[[[") && output.hasSuffix("]]]]"))
    }

    @Test func listsThatContainEachOtherPrint() throws {
        let output = try Template(source: "#set($a = [1])#set($m = {'a': $a})#set($_ = $a.add($m))#set($_ = $a.add($a))$a $m").render()
        #expect(output == "[1, {a=(this Collection)}, (this Collection)] {a=[1, (this Map), (this Collection)]}")
    }

    @Test func exponentiallySharedListsStopPrinting() {
        var options = RenderOptions()
        options.limits.outputBytes = 1_000_000
        _ = limitError("#set($a = [1])#foreach($i in [1..60])#set($a = [$a, $a])#end$a", options: options, naming: "bytes")
    }
}

extension HostileInputTests {
    @Test func evaluateOfOversizedTextIsALimit() {
        var options = RenderOptions()
        options.limits.outputBytes = 1_000_000
        let error = limitError(
            "#set($s = 'x')#foreach($i in [1..19])#set($s = \"$s$s\")#end\n#evaluate($s)", options: options, naming: "templateBytes")
        #expect(error?.line == 2 && error?.column == 1)
    }
}

extension HostileInputTests {
    static let deepList = "#set($a = [])#foreach($i in [1..100])#foreach($j in [1..1000])#set($a = [$a])#end#end"

    /// Comparing or copying a list nested 100,000 deep would recurse per level.
    @Test(arguments: ["#if($a == $a)x#end", "$a.equals($a)", "#set($b = [[1]])#if($b != $a)x#end"])
    func deepValuesAreNotCompared(comparison: String) {
        _ = limitError(Self.deepList + comparison, naming: "valueDepth")
    }

    @Test func deepValueIsNotReturned() {
        do {
            _ = try Template(source: Self.deepList).render(Context(), returning: ["a"])
            Issue.record("a list nested 100,000 deep was returned")
        } catch {
            #expect(error.kind == .limitExceeded && error.message.contains("valueDepth"))
        }
    }

    @Test func cyclesAndSharedListsAreNotDeep() throws {
        let source = "#set($a = [1])#set($_ = $a.add($a))#set($b = [$a, $a])#foreach($i in [1..20])#set($b = [$b, $b])#end#if($a == $a)same#end"
        #expect(try Template(source: source).render() == "same")
    }
}

@Suite("Hostile collections")
struct HostileCollectionTests {
    @Test func aListThatDoublesItselfStopsAtTheListSizeLimit() throws {
        let template = try Template(source: "#set($l = [1])#foreach($i in [1..40])#set($x = $l.addAll($l))#end$l.size()")
        let error = #expect(throws: VTLError.self) { try template.render() }
        #expect(error?.kind == .limitExceeded)
        #expect(error?.message.contains("listSize") == true)
    }

    @Test func searchingADeeplyNestedListStopsAtTheValueDepthLimit() throws {
        let source = """
            #set($a = [])#foreach($i in [1..40])#foreach($j in [1..40])#set($a = [$a])#end#end$a.contains($a)
            """
        let error = #expect(throws: VTLError.self) { try Template(source: source).render() }
        #expect(error?.kind == .limitExceeded)
        #expect(error?.message.contains("valueDepth") == true)
    }
}
