import Testing

@testable import VTL

/// Lists and maps are reference-counted, so a cycle a template makes would outlive the render;
/// the renderer empties the containers that could close one when the render ends.
@Suite("Cycles are released when a render ends")
struct CycleReleaseTests {
    /// Renders `source`, then reports whether the list or map in `$name` is still alive.
    private func survives(_ source: String, holding name: String) throws -> Bool {
        let template = try Template(source: source)
        weak var container: AnyObject?
        do {
            let renderer = Renderer(template.parsed, context: Context(), options: .apiGateway)
            _ = try renderer.render(template.nodes)
            switch renderer.global(name) {
            case .map(let map)?: container = map
            case .list(let list)?: container = list
            default: Issue.record("$\(name) is not a list or map")
            }
            renderer.finish()
        }
        return container != nil
    }

    @Test func mapHoldingItself() throws {
        #expect(try !survives("#set($m = {})#set($_ = $m.put('self', $m))", holding: "m"))
    }

    @Test func listHoldingItself() throws {
        #expect(try !survives("#set($l = [])#set($_ = $l.add($l))", holding: "l"))
    }

    @Test func twoMapsHoldingEachOther() throws {
        #expect(try !survives("#set($a = {})#set($b = {'a': $a})#set($a.b = $b)", holding: "a"))
    }

    @Test func mapHoldingItsOwnEntries() throws {
        #expect(try !survives("#set($m = {'k': 1})#set($_ = $m.put('entries', $m.entrySet()))", holding: "m"))
    }

    @Test func listSetToHoldItself() throws {
        #expect(try !survives("#set($l = [1])#set($l[0] = $l)", holding: "l"))
    }

    @Test func renderingACycleStillPrintsIt() throws {
        // Emptying happens after the output is taken, so what prints is unchanged.
        let template = try Template(source: "#set($m = {'a': 1})#set($_ = $m.put('self', $m))$m")
        #expect(try template.render() == "{a=1, self=(this Map)}")
    }
}
