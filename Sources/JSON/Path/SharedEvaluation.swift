import Foundation
import JavaLang

/// What the evaluators of one path evaluation share: its budgets, and what is worked out once
/// for all the elements its filters test. An operand that starts at the root (`$.limit`, or a
/// scan such as `$..*`, as large as the document) is the same for every element, and so is
/// its Java text; without this a filter comparing each of n elements with the root wrote the
/// whole document n times. Compiled `=~` patterns are kept too.
final class SharedEvaluation {
    /// A root operand, looked up on first use (Jayway looks it up only when a filter runs, so a
    /// lookup that fails must fail then, not earlier).
    final class RootOperand {
        let value: JSONValue?
        let failure: PathFailure?
        private var cachedText: String?

        init(_ lookUp: () throws(PathFailure) -> JSONValue?) {
            do {
                value = try lookUp()
                failure = nil
            } catch {
                value = nil
                failure = error
            }
        }

        /// `JavaText.string(value)`, written once.
        var text: String {
            if let cachedText { return cachedText }
            let text = value.map(JavaText.string) ?? ""
            cachedText = text
            return text
        }
    }

    private var rootOperands: [[PathStep]: RootOperand] = [:]
    private var regexes: [String: NSRegularExpression?] = [:]
    /// Regex time left for the whole evaluation, shared by every `=~`.
    private var regexTimeLeft: Duration
    /// Values the evaluation may still visit: scans nested in scans or filters visit a
    /// subtree per node, so `$..*..*` on a deep document visits and returns billions.
    private var visitsLeft: Int
    private let allowance: Int
    private let limits: JSONPathLimits
    private let budget: JSONPathBudget?

    init(limits: JSONPathLimits, budget: JSONPathBudget? = nil) {
        self.limits = limits
        self.budget = budget
        regexTimeLeft = limits.regexTime
        allowance = min(limits.values, budget?.remaining ?? .max)
        visitsLeft = allowance
    }

    /// Values visited or returned so far.
    var visited: Int { allowance - max(visitsLeft, 0) }

    /// Counts one value visited or returned.
    @inline(__always)
    func visit() throws(PathFailure) {
        visitsLeft &-= 1
        if visitsLeft < 0 { throw limitExceeded() }
    }

    private func limitExceeded() -> PathFailure {
        if let budget, allowance < limits.values {
            return .limitExceeded("the JSONPath evaluations of this request visit more than \(budget.values) values in all")
        }
        return .limitExceeded("the path visits more than \(limits.values) values, the limit for one evaluation")
    }

    func rootOperand(_ steps: [PathStep], lookUp: () throws(PathFailure) -> JSONValue?) throws(PathFailure) -> RootOperand {
        let operand: RootOperand
        if let known = rootOperands[steps] {
            operand = known
        } else {
            operand = RootOperand(lookUp)
            rootOperands[steps] = operand
        }
        if let failure = operand.failure { throw failure }
        return operand
    }

    /// Java's `Pattern.compile(pattern, flags).matcher(text).matches()`: the whole text must
    /// match. A pattern ICU cannot compile matches nothing.
    func fullMatch(_ text: String, pattern: String, caseInsensitive: Bool) throws(PathFailure) -> Bool {
        let key = (caseInsensitive ? "i" : "-") + pattern
        let regex: NSRegularExpression?
        if let known = regexes[key] {
            regex = known
        } else {
            regex = try? NSRegularExpression(
                pattern: "(?:" + JavaRegexSyntax.icuPattern(pattern) + ")\\z", options: caseInsensitive ? [.caseInsensitive] : [])
            regexes[key] = regex
        }
        guard let regex else { return false }
        let range = NSRange(location: 0, length: text.utf16.count)
        do {
            return try !regex.matches(in: text, range: range, options: [.anchored], first: true, budget: &regexTimeLeft).isEmpty
        } catch {
            throw .limitExceeded("the regular expressions of this path's filters ran longer than the limit of \(limits.regexTime)")
        }
    }
}
