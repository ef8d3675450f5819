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
            guard let value = try resolve(operand, element)?.value else { return false }
            return value != .null
        case .compare(let left, let comparison, let right):
            guard let leftOperand = try resolve(left, element), let rightOperand = try resolve(right, element) else { return false }
            return try Self.compare(leftOperand, comparison, rightOperand)
        case .matches(let operand, let pattern, let caseInsensitive):
            guard case .string(let text)? = try resolve(operand, element)?.value else { return false }
            return try shared.fullMatch(text, pattern: pattern, caseInsensitive: caseInsensitive)
        }
    }

    /// A filter operand's value, with its Java text when that is written once for every element.
    struct Operand {
        let value: JSONValue
        private let rootOperand: SharedEvaluation.RootOperand?

        init(_ value: JSONValue, rootOperand: SharedEvaluation.RootOperand? = nil) {
            self.value = value
            self.rootOperand = rootOperand
        }

        var text: String { rootOperand?.text ?? JavaText.string(value) }
    }

    func resolve(_ operand: FilterOperand, _ element: JSONValue) throws(PathFailure) -> Operand? {
        switch operand {
        case .literal(let value):
            return Operand(value)
        case .current(let steps):
            return try lookUp(steps, in: element).map { Operand($0) }
        case .root(let steps):
            let rootOperand = try shared.rootOperand(steps) { () throws(PathFailure) in try lookUp(steps, in: root) }
            return rootOperand.value.map { Operand($0, rootOperand: rootOperand) }
        }
    }

    func lookUp(_ steps: [PathStep], in model: JSONValue) throws(PathFailure) -> JSONValue? {
        var evaluator = PathEvaluator(steps: steps, root: root, shared: shared)
        do {
            try evaluator.evaluate(step: 0, model: model, origin: "@")
        } catch {
            guard case .notFound = error else { throw error }
            return nil
        }
        if steps.allSatisfy(\.isDefinite) { return evaluator.results.last }
        return .array(evaluator.results)
    }

    static func compare(_ leftOperand: Operand, _ comparison: ComparisonOperator, _ rightOperand: Operand) throws(PathFailure) -> Bool {
        let left = leftOperand.value, right = rightOperand.value
        if let leftNumber = number(left) {
            if right == .null { return comparison == .notEqual }
            guard let rightNumber = number(right) ?? parsedNumber(right) else {
                let bad = rightOperand.text.first.map(String.init) ?? ""
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
            let sign = leftText.utf16.lexicographicallyPrecedes(rightText.utf16) ? -1 : (leftText.javaEquals(rightText) ? 0 : 1)
            return order(sign, comparison)
        }
        let same = left == .null || right == .null ? left == right : leftOperand.text.javaEquals(rightOperand.text)
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

    /// Jayway reads the right side's text as a `BigDecimal`. The text of an array or object
    /// starts with `[` or `{`, never a number, so it is not written out for that.
    static func parsedNumber(_ value: JSONValue) -> Double? {
        switch value {
        case .array, .object: nil
        default: JavaDoubleLiteral.parse(JavaText.string(value))
        }
    }
}
