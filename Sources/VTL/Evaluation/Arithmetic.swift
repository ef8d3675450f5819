import JavaLang

/// Velocity 1.7's MathUtils: integers widen (int -> long -> BigInteger) instead of overflowing,
/// a double makes the operation double, a BigDecimal (or a BigInteger meeting a double) makes
/// it BigDecimal, and division by zero gives null.
enum Arithmetic {
    private enum Operands {
        case integers(Int, Int)
        case bigIntegers(BigInteger, BigInteger)
        case doubles(Double, Double)
        case bigDecimals(BigDecimal, BigDecimal)
    }

    /// Java threw: the template fails with this message.
    struct Failure: Error {
        let kind: VTLError.Kind
        let message: String

        /// A BigDecimal operation past `BigDecimal.maximumDigits`, where Java would compute for hours.
        static let bigDecimalTooLarge = Failure(
            kind: .limitExceeded, message: "the BigDecimal result would have more than \(BigDecimal.maximumDigits) digits")
    }

    private static func operands(_ left: RuntimeValue, _ right: RuntimeValue) throws(Failure) -> Operands? {
        switch (left, right) {
        case let (.integer(a), .integer(b)): return .integers(a, b)
        case (.bigDecimal, _), (_, .bigDecimal), (.bigInteger, .double), (.double, .bigInteger):
            guard let a = try bigDecimalValue(left), let b = try bigDecimalValue(right) else { return nil }
            return .bigDecimals(a, b)
        case (.double, _), (_, .double):
            guard let a = doubleValue(left), let b = doubleValue(right) else { return nil }
            return .doubles(a, b)
        default:
            guard let a = bigIntegerValue(left), let b = bigIntegerValue(right) else { return nil }
            return .bigIntegers(a, b)
        }
    }

    /// MathUtils' `toBigDecimal`: a long or double goes through its double value, exactly.
    static func bigDecimalValue(_ value: RuntimeValue) throws(Failure) -> BigDecimal? {
        switch value {
        case .bigDecimal(let text):
            guard let decimal = BigDecimal(text) else {
                throw Failure(kind: .limitExceeded, message: "a BigDecimal operand has more than \(BigDecimal.maximumDigits) digits")
            }
            return decimal
        case .bigInteger(let big): return BigDecimal(big)
        case .integer(let int): return BigDecimal(exactly: Double(int))
        case .double(let double):
            guard let decimal = BigDecimal(exactly: double) else {
                throw Failure(kind: .evaluation, message: "Velocity makes \(JavaDouble.string(double)) a BigDecimal here, which Java cannot do (NumberFormatException: Infinite or NaN)")
            }
            return decimal
        default: return nil
        }
    }

    static func doubleValue(_ value: RuntimeValue) -> Double? {
        switch value {
        case .integer(let int): Double(int)
        case .bigInteger(let big): big.doubleValue
        case .double(let double): double
        case .bigDecimal(let text): BigDecimal(text)?.doubleValue ?? JavaDouble.parse(text)
        default: nil
        }
    }

    static func bigIntegerValue(_ value: RuntimeValue) -> BigInteger? {
        switch value {
        case .integer(let int): BigInteger(int)
        case .bigInteger(let big): big
        default: nil
        }
    }

    /// A BigInteger result that fits in a long goes back to a long, as MathUtils' wrapping does.
    private static func narrowed(_ value: BigInteger) -> RuntimeValue {
        if let int = value.int64Value { return .integer(int) }
        return .bigInteger(value)
    }

    static func apply(_ op: BinaryOperator, _ left: RuntimeValue, _ right: RuntimeValue) throws(Failure) -> RuntimeValue {
        guard let operands = try operands(left, right) else { return .null }
        switch operands {
        case let .integers(a, b):
            switch op {
            case .add:
                let (sum, overflow) = a.addingReportingOverflow(b)
                return overflow ? narrowed(BigInteger(a) + BigInteger(b)) : .integer(sum)
            case .subtract:
                let (difference, overflow) = a.subtractingReportingOverflow(b)
                return overflow ? narrowed(BigInteger(a) - BigInteger(b)) : .integer(difference)
            case .multiply:
                let (product, overflow) = a.multipliedReportingOverflow(by: b)
                return overflow ? narrowed(BigInteger(a) * BigInteger(b)) : .integer(product)
            case .divide:
                guard b != 0 else { return .null }
                let (quotient, overflow) = a.dividedReportingOverflow(by: b)
                return overflow ? narrowed(BigInteger(a) / BigInteger(b)) : .integer(quotient)
            case .remainder:
                guard b != 0 else { return .null }
                let (remainder, overflow) = a.remainderReportingOverflow(dividingBy: b)
                return overflow ? .integer(0) : .integer(remainder)
            default:
                return .null
            }
        case let .bigIntegers(a, b):
            switch op {
            case .add: return narrowed(a + b)
            case .subtract: return narrowed(a - b)
            case .multiply: return narrowed(a * b)
            case .divide: return b.isZero ? .null : narrowed(a / b)
            case .remainder:
                // MathUtils calls `BigInteger.mod` here, not `%`: never negative, and only for a positive modulus.
                if b.isZero { return .null }
                guard b > BigInteger(0) else {
                    throw Failure(kind: .evaluation, message: "Velocity takes a BigInteger modulo only by a positive number (ArithmeticException: BigInteger: modulus not positive)")
                }
                let remainder = a % b
                return narrowed(remainder < BigInteger(0) ? remainder + b : remainder)
            default: return .null
            }
        case let .doubles(a, b):
            switch op {
            case .add: return .double(a + b)
            case .subtract: return .double(a - b)
            case .multiply: return .double(a * b)
            case .divide: return b == 0 ? .null : .double(a / b)
            case .remainder: return b == 0 ? .null : .double(a.truncatingRemainder(dividingBy: b))
            default: return .null
            }
        case let .bigDecimals(a, b):
            switch op {
            case .add: return try decimal { () throws(BigDecimalTooLarge) in try a + b }
            case .subtract: return try decimal { () throws(BigDecimalTooLarge) in try a - b }
            case .multiply: return try decimal { () throws(BigDecimalTooLarge) in try a * b }
            case .divide: return b.signum == 0 ? .null : try decimal { () throws(BigDecimalTooLarge) in try a.divided(roundingHalfDown: b) }
            case .remainder:
                if b.signum == 0 { return .null }
                throw Failure(kind: .evaluation, message: "Velocity has no remainder for a BigDecimal (ArithmeticException: Cannot calculate the modulo of BigDecimals.)")
            default: return .null
            }
        }
    }

    private static func decimal(_ compute: () throws(BigDecimalTooLarge) -> BigDecimal) throws(Failure) -> RuntimeValue {
        do {
            return .bigDecimal(try compute().description)
        } catch {
            throw Failure.bigDecimalTooLarge
        }
    }

    /// Numeric comparison across integer kinds and doubles; nil when either side is not a number.
    static func compare(_ left: RuntimeValue, _ right: RuntimeValue) throws(Failure) -> Int? {
        guard let operands = try operands(left, right) else { return nil }
        switch operands {
        case let .integers(a, b): return a < b ? -1 : (a == b ? 0 : 1)
        case let .bigIntegers(a, b): return a < b ? -1 : (a == b ? 0 : 1)
        case let .doubles(a, b):
            if a.isNaN || b.isNaN { return a.isNaN && b.isNaN ? 0 : (a.isNaN ? 1 : -1) }
            return a < b ? -1 : (a == b ? 0 : 1)
        case let .bigDecimals(a, b): return BigDecimal.compare(a, b)
        }
    }
}
