import Synchronization
import Testing
import VTL

/// `Context.setLazily` builds a variable only for a render that can read it.
@Suite("Lazily built context variables")
struct LazyContextTests {
    /// Counts how many times `$costly` was built.
    final class BuildCounter: Sendable {
        let count = Mutex(0)
        var builds: Int { count.withLock { $0 } }
    }

    /// A context whose `$costly` is counted by `counter`.
    private func countingContext(_ counter: BuildCounter) -> Context {
        var context = Context(["cheap": "c"])
        context.setLazily("costly") {
            counter.count.withLock { $0 += 1 }
            return ["a": 1]
        }
        return context
    }

    @Test func aTemplateThatNeverMentionsItNeverBuildsIt() throws {
        let builds = BuildCounter()
        let context = countingContext(builds)
        #expect(try Template(source: "$cheap").render(context) == "c")
        #expect(builds.builds == 0)
    }

    @Test func aTemplateThatMentionsItBuildsItOnce() throws {
        let builds = BuildCounter()
        let context = countingContext(builds)
        #expect(try Template(source: "$costly.a $costly").render(context) == "1 {a=1}")
        #expect(builds.builds == 1)
    }

    @Test func evaluateCanReachItToo() throws {
        let builds = BuildCounter()
        let context = countingContext(builds)
        #expect(try Template(source: "#evaluate('$costly.a')").render(context) == "1")
        #expect(builds.builds == 1)
    }

    @Test func settingAValueReplacesTheLazyOne() throws {
        let builds = BuildCounter()
        var context = countingContext(builds)
        context["costly"] = "plain"
        #expect(try Template(source: "$costly").render(context) == "plain")
        #expect(builds.builds == 0)
    }
}
