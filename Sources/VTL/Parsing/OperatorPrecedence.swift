extension BinaryOperator {
    /// The operator a token spells and its precedence level, loosest first: `||` 0, `&&` 1,
    /// equality 2, comparison 3, `+ -` 4, `* / %` 5. Velocity also spells them as words (`and`, `lt`, ...).
    ///
    /// A switch rather than a table: the parser asks this at every operand of every expression.
    static func spelled(by kind: Lexeme.Kind) -> (BinaryOperator, level: Int)? {
        switch kind {
        case .operator(let op):
            switch op {
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
            switch word {
            case .or: (.or, 0)
            case .and: (.and, 1)
            case .eq: (.equal, 2)
            case .ne: (.notEqual, 2)
            case .lt: (.less, 3)
            case .le: (.lessOrEqual, 3)
            case .gt: (.greater, 3)
            case .ge: (.greaterOrEqual, 3)
            case .true, .false, .not, .other: nil
            }
        default:
            nil
        }
    }
}
