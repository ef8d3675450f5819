// Expected values: java.math.BigDecimal on OpenJDK 17 (the Velocity 1.7 oracle's runtime,
// shared/oracle), printed by a throwaway Java program.
import JavaLang
import Testing

@Suite("BigDecimal behaves as java.math.BigDecimal")
struct BigDecimalTests {
    private func decimal(_ text: String) -> BigDecimal {
        BigDecimal(text)!
    }

    @Test("toString keeps the scale and switches to an exponent as Java does", arguments: [
        ("0.30000000000000004", "0.30000000000000004"), ("1.00000000000000000000e-7", "1.00000000000000000000E-7"),
        ("0.0000000000000000000", "0E-19"), ("12345678901234567890.5e3", "1.23456789012345678905E+22"),
        ("-0.0", "0.0"), ("0E+3", "0E+3"), ("+1.5E+2", "1.5E+2"), ("123E-9", "1.23E-7"), ("1234E-9", "0.000001234"), ("5e0", "5"), ("1.", "1"), (".5", "0.5"),
    ])
    func printsAsJava(text: String, printed: String) {
        #expect(decimal(text).description == printed)
    }

    @Test("rejects what new BigDecimal(String) rejects", arguments: ["", "-", ".", "1e", "1e+", "1.2.3", "1e2.5", " 1", "0x1", "1e-+2", "1e+-2", "1e99999999999"])
    func rejects(text: String) {
        #expect(BigDecimal(text) == nil)
    }

    @Test("toPlainString never uses an exponent", arguments: [
        ("1.00000000000000000000e-7", "0.000000100000000000000000000"), ("-1E+5", "-100000"), ("0E+3", "0"), ("-0E-3", "0.000"),
        ("12.50", "12.50"),
    ])
    func plain(text: String, printed: String) {
        #expect(decimal(text).plainDescription == printed)
    }

    @Test("new BigDecimal(double) is the double's exact binary value")
    func exactDouble() {
        #expect(BigDecimal(exactly: 0.1)?.description == "0.1000000000000000055511151231257827021181583404541015625")
        #expect(BigDecimal(exactly: -0.0)?.description == "0")
        #expect(BigDecimal(exactly: 0.5)?.description == "0.5")
        #expect(BigDecimal(exactly: 1e300)?.description.count == 301)
        #expect(BigDecimal(exactly: 4.9e-324)?.scale == 1074)
        #expect(BigDecimal(exactly: 4.9e-324)?.precision == 751)
        #expect(BigDecimal(exactly: .infinity) == nil)
        #expect(BigDecimal(exactly: .nan) == nil)
    }

    @Test("sums and products are exact, at the larger and the summed scale")
    func exactArithmetic() throws {
        #expect(try (decimal("12345678901234567.5") + decimal("1000.0000000000000001")).description == "12345678901235567.5000000000000001")
        #expect(try (decimal("-0.5000000000000000000") - decimal("1000.0000000000000001")).description == "-1000.5000000000000001000")
        #expect(try (decimal("1000.0000000000000001") * decimal("1000.0000000000000001")).description == "1000000.00000000000020000000000000000001")
        #expect(try (decimal("-0.5000000000000000000") - decimal("-0.5000000000000000000")).description == "0E-19")
    }

    @Test("division keeps the dividend's scale and rounds an exact half toward zero", arguments: [
        ("-5E-1", "3", "-0.2"), ("5E+2", "3", "2E+2"), ("2.5", "2", "1.2"), ("-2.5", "2", "-1.2"), ("2.7", "-2E-2", "-135.0"),
        ("1000.0000000000000001", "7", "142.8571428571428572"), ("1000.0000000000000001", "3", "333.3333333333333334"),
    ])
    func halfDownDivision(dividend: String, divisor: String, quotient: String) throws {
        #expect(try decimal(dividend).divided(roundingHalfDown: decimal(divisor)).description == quotient)
    }

    @Test("compares by value whatever the scales; equality also compares the scale")
    func comparison() {
        #expect(BigDecimal.compare(decimal("2.0"), decimal("2.00")) == 0)
        #expect(decimal("2.0") != decimal("2.00"))
        #expect(BigDecimal.compare(decimal("12345678901234567.5"), decimal("1000.0000000000000001")) == 1)
        #expect(BigDecimal.compare(decimal("-1E+5"), decimal("-99999.99")) == -1)
        #expect(BigDecimal.compare(decimal("1.00000000e-999999999"), decimal("1")) == -1)
        #expect(BigDecimal.compare(decimal("0E-19"), decimal("0")) == 0)
    }

    @Test("conversions to integers truncate, as intValue and longValue do")
    func conversions() throws {
        #expect(decimal("-12345678901234567.5").truncatedLowBits == -12345678901234567)
        #expect(Int32(truncatingIfNeeded: decimal("-123456789012345678901234567890.5").truncatedLowBits) == -1312754386)
        #expect(decimal("-123456789012345678901234567890.5").truncatedLowBits == 4362896299872285998)
        #expect(decimal("3E+63").truncatedLowBits == Int.min)
        #expect(decimal("1E+64").truncatedLowBits == 0)
        #expect(decimal("1E+999999").truncatedLowBits == 0)
        #expect(try decimal("-0.5").integerPart() == BigInteger(0))
        #expect(decimal("1E-400").doubleValue == 0)
        #expect(decimal("-1E+400").doubleValue == -.infinity)
    }

    @Test("hashCode, precision and stripTrailingZeros")
    func details() {
        #expect(decimal("1E+5").javaHashCode == 26)
        #expect(decimal("-123456789012345678901234567890.5").javaHashCode == -1113278081)
        #expect(decimal("12345678901234567.5").javaHashCode == -1905628511)
        #expect(decimal("1E+5").precision == 1)
        #expect(decimal("0.000").precision == 1)
        #expect(decimal("123.4500").strippingTrailingZeros.description == "123.45")
        #expect(decimal("0E-19").strippingTrailingZeros.description == "0")
    }

    @Test("work that would take millions of digits is refused, not attempted")
    func refusesHugeWork() {
        #expect(throws: BigDecimalTooLarge.self) { try decimal("1.000000000000000000e-999999999") + decimal("1") }
        #expect(throws: BigDecimalTooLarge.self) { try decimal("1e999999999").integerPart() }
        #expect(throws: BigDecimalTooLarge.self) { try decimal("5").divided(roundingHalfDown: decimal("1e-999999999")) }
        #expect(decimal("1e999999999").plainDescription == nil)
        #expect(BigDecimal(String(repeating: "7", count: BigDecimal.maximumDigits + 1)) == nil)
    }
}
