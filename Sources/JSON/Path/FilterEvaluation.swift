import Foundation
import JavaLang

extension PathEvaluator {
    /// Whether an element passes a filter, with Jayway 2.0.0's comparison rules: a missing
    /// operand makes any comparison false (even `!=`); a number on the left turns the right
    /// side into a number or fails; two strings compare as strings; otherwise `==` compares
    /// the Java `toString()` of both sides.
    func accepts(_ expression: FilterExpression, _ element: JSONValue) throws(PathFailure) -> Bool {
        switch expression {
        case .and(let left, let right):
            guard try accepts(left, element) else { return false }
            return try accepts(right, element)
        case .or(let left, let right):
            if try accepts(left, element) { return true }
            return try accepts(right, element)
        case .not(let inner):
            return try !accepts(inner, element)
        case .exists(let operand):
            guard let value = try resolve(operand, element) else { return false }
            return value != .null
        case .compare(let left, let comparison, let right):
            guard let leftValue = try resolve(left, element), let rightValue = try resolve(right, element) else { return false }
            return try Self.compare(leftValue, comparison, rightValue)
        case .matches(let operand, let pattern, let caseInsensitive):
            guard case .string(let text)? = try resolve(operand, element) else { return false }
            return Self.fullMatch(text, pattern: pattern, caseInsensitive: caseInsensitive)
        }
    }

    func resolve(_ operand: FilterOperand, _ element: JSONValue) throws(PathFailure) -> JSONValue? {
        switch operand {
        case .literal(let value):
            return value
        case .current(let steps):
            return try Self.lookUp(steps, in: element, root: root)
        case .root(let steps):
            return try Self.lookUp(steps, in: root, root: root)
        }
    }

    static func lookUp(_ steps: [PathStep], in model: JSONValue, root: JSONValue) throws(PathFailure) -> JSONValue? {
        var evaluator = PathEvaluator(steps: steps, root: root)
        do {
            try evaluator.evaluate(step: 0, model: model, origin: "@")
        } catch {
            if case .invalid = error { throw error }
            return nil
        }
        if steps.allSatisfy(\.isDefinite) { return evaluator.results.last }
        return .array(evaluator.results)
    }

    static func compare(_ left: JSONValue, _ comparison: ComparisonOperator, _ right: JSONValue) throws(PathFailure) -> Bool {
        if let leftNumber = number(left) {
            if right == .null { return comparison == .notEqual }
            let rightText = JavaText.string(right)
            guard let rightNumber = number(right) ?? JavaDoubleLiteral.parse(rightText) else {
                let bad = rightText.first.map(String.init) ?? ""
                throw .invalid("Character \(bad) is neither a decimal digit number, decimal point, nor \"e\" notation exponential mark.")
            }
            return order(leftNumber < rightNumber ? -1 : (leftNumber > rightNumber ? 1 : 0), comparison)
        }
        // A string against a number: equality compares the spelling ("1.0" != 1, "20" == 20),
        // ordering compares the values ("20" > 10), as observed in the oracle.
        if case .string(let leftText) = left, let rightNumber = number(right),
           comparison != .equal, comparison != .notEqual {
            guard let leftNumber = JavaDoubleLiteral.parse(leftText) else { return false }
            return order(leftNumber < rightNumber ? -1 : (leftNumber > rightNumber ? 1 : 0), comparison)
        }
        if case .string(let leftText) = left, case .string(let rightText) = right {
            let sign = leftText.utf16.lexicographicallyPrecedes(rightText.utf16) ? -1 : (leftText == rightText ? 0 : 1)
            return order(sign, comparison)
        }
        let same = left == .null || right == .null ? left == right : JavaText.string(left) == JavaText.string(right)
        switch comparison {
        case .equal: return same
        case .notEqual: return !same
        default: return false
        }
    }

    static func order(_ sign: Int, _ comparison: ComparisonOperator) -> Bool {
        switch comparison {
        case .equal: return sign == 0
        case .notEqual: return sign != 0
        case .less: return sign < 0
        case .lessOrEqual: return sign <= 0
        case .greater: return sign > 0
        case .greaterOrEqual: return sign >= 0
        }
    }

    static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .integer(let number): return Double(number)
        case .bigInteger(let number): return number.doubleValue
        case .double(let number): return number
        case .bigDecimal(let text): return Double(text)
        default: return nil
        }
    }

    /// Java's `Pattern.compile(pattern, flags).matcher(text).matches()`: the whole text must match.
    static func fullMatch(_ text: String, pattern: String, caseInsensitive: Bool) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: "^(?:" + pattern + ")$", options: caseInsensitive ? [.caseInsensitive] : []) else {
            return false
        }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return regex.firstMatch(in: text, options: [], range: range) != nil
    }
}
