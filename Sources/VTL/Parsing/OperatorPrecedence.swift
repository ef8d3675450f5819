extension BinaryOperator {
    /// The operator a token spells and its precedence level, loosest first: `||` 0, `&&` 1,
    /// equality 2, comparison 3, `+ -` 4, `* / %` 5. Velocity also spells them as words (`and`, `lt`, ...).
    ///
    /// A switch rather than a table: the parser asks this at every operand of every expression.
    static func spelled(by kind: Lexeme.Kind) -> (BinaryOperator, level: Int)? {
        switch kind {
        case .operator(let op):
            return switch op {
            case .or: (.or, 0)
            case .and: (.and, 1)
            case .equal: (.equal, 2)
            case .notEqual: (.notEqual, 2)
            case .less: (.less, 3)
            case .lessOrEqual: (.lessOrEqual, 3)
            case .greater: (.greater, 3)
            case .greaterOrEqual: (.greaterOrEqual, 3)
            case .plus: (.add, 4)
            case .minus: (.subtract, 4)
            case .times: (.multiply, 5)
            case .divide: (.divide, 5)
            case .remainder: (.remainder, 5)
            case .not: nil
            }
        case .word(let word):
            // The word forms are the same operators at the same levels.
            let op: Operator? =
                switch word {
                case .or: .or
                case .and: .and
                case .eq: .equal
                case .ne: .notEqual
                case .lt: .less
                case .le: .lessOrEqual
                case .gt: .greater
                case .ge: .greaterOrEqual
                case .true, .false, .not, .other: nil
                }
            return op.flatMap { spelled(by: .operator($0)) }
        default:
            return nil
        }
    }
}
