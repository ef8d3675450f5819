import JavaLang

/// `java.math.BigDecimal` methods, for numbers json-smart read as BigDecimal and the results of
/// arithmetic on them. The ones taking a number take only a BigDecimal, as Java's do.
extension Renderer {
    func bigDecimalMethod(_ name: String, on text: String, arguments: [RuntimeValue], at offset: Int) throws(VTLError) -> RuntimeValue? {
        let decimal = try arithmetic(at: offset) { () throws(Arithmetic.Failure) in try Arithmetic.bigDecimalValue(.bigDecimal(text)) }
        guard let decimal else { return nil }
        switch arguments.count {
        case 0: return try bigDecimalMethod(name, on: decimal, at: offset)
        case 1:
            guard case .bigDecimal(let argumentText) = arguments[0] else { return nil }
            let argument = try arithmetic(at: offset) { () throws(Arithmetic.Failure) in try Arithmetic.bigDecimalValue(.bigDecimal(argumentText)) }
            guard let argument else { return nil }
            return try bigDecimalMethod(name, on: decimal, argument, at: offset)
        default: return nil
        }
    }

    private func bigDecimalMethod(_ name: String, on decimal: BigDecimal, at offset: Int) throws(VTLError) -> RuntimeValue? {
        switch name {
        case "toPlainString":
            guard let plain = decimal.plainDescription else { throw tooLarge(at: offset) }
            return .string(try checkedSize(plain, at: offset))
        case "scale": return .integer(decimal.scale)
        case "precision": return .integer(decimal.precision)
        case "signum": return .integer(decimal.signum)
        case "negate": return .bigDecimal(decimal.negated.description)
        case "abs": return .bigDecimal(decimal.magnitude.description)
        case "plus": return .bigDecimal(decimal.description)
        case "stripTrailingZeros": return .bigDecimal(decimal.strippingTrailingZeros.description)
        case "unscaledValue": return .bigInteger(decimal.unscaled)
        case "toBigInteger":
            do { return .bigInteger(try decimal.integerPart()) } catch { throw tooLarge(at: offset) }
        case "intValue": return .integer(Int(Int32(truncatingIfNeeded: decimal.truncatedLowBits)))
        case "shortValue": return .integer(Int(Int16(truncatingIfNeeded: decimal.truncatedLowBits)))
        case "byteValue": return .integer(Int(Int8(truncatingIfNeeded: decimal.truncatedLowBits)))
        case "longValue": return .integer(decimal.truncatedLowBits)
        case "doubleValue": return .double(decimal.doubleValue)
        case "hashCode": return .integer(Int(decimal.javaHashCode))
        default: return nil
        }
    }

    private func bigDecimalMethod(_ name: String, on decimal: BigDecimal, _ argument: BigDecimal, at offset: Int) throws(VTLError) -> RuntimeValue? {
        do {
            switch name {
            case "compareTo": return .integer(BigDecimal.compare(decimal, argument))
            case "max": return .bigDecimal((BigDecimal.compare(decimal, argument) >= 0 ? decimal : argument).description)
            case "min": return .bigDecimal((BigDecimal.compare(decimal, argument) <= 0 ? decimal : argument).description)
            case "add": return .bigDecimal(try (decimal + argument).description)
            case "subtract": return .bigDecimal(try (decimal - argument).description)
            case "multiply": return .bigDecimal(try (decimal * argument).description)
            default: return nil
            }
        } catch {
            throw tooLarge(at: offset)
        }
    }

    private func tooLarge(at offset: Int) -> VTLError {
        error(Arithmetic.Failure.bigDecimalTooLarge.kind, Arithmetic.Failure.bigDecimalTooLarge.message, at: offset)
    }
}
