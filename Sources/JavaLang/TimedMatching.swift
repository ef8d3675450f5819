import Foundation

/// A regular expression ran out of the time it was given.
public struct RegexTimeout: Error {
    public init() {}
}

extension NSRegularExpression {
    /// Every match in `range`, or only the first; stops with `RegexTimeout` once `budget` is
    /// spent, and takes the time it used off `budget` either way.
    ///
    /// ICU has no time limit of its own and backtracks exponentially on patterns such as
    /// `(a+)+$`. With `.reportProgress` it calls back every few thousand steps while it
    /// works (swift-corelibs-foundation passes ICU's match callback through), and setting
    /// `stop` there makes ICU give up at once.
    public func matches(
        in string: String, range: NSRange, options: MatchingOptions = [], first: Bool = false, budget: inout Duration
    ) throws(RegexTimeout) -> [NSTextCheckingResult] {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + max(budget, .zero)
        var results: [NSTextCheckingResult] = []
        var timedOut = false
        var calls = 0
        enumerateMatches(in: string, options: options.union(.reportProgress), range: range) { result, _, stop in
            if let result {
                results.append(result)
                if first { stop.pointee = true }
            }
            // Calls come every few microseconds on plain text and about a millisecond apart
            // while backtracking; reading the clock on every one is most of the cost.
            calls += 1
            if calls % 16 == 0, clock.now > deadline {
                timedOut = true
                stop.pointee = true
            }
        }
        budget -= clock.now - start
        if timedOut || budget < .zero { throw RegexTimeout() }
        return results
    }
}
