// Expected values: java.math.BigInteger on OpenJDK 17 (the Velocity 1.7 oracle's runtime,
// shared/oracle), printed by a throwaway Java program.
import JavaLang
import Testing

@Suite("BigInteger behaves as java.math.BigInteger")
struct BigIntegerTests {
    @Test("parses and prints decimal text", arguments: [
        ("0", "0"), ("-0", "0"), ("+42", "42"), ("007", "7"), ("-000", "0"),
        ("9223372036854775808", "9223372036854775808"),
        ("-123456789012345678901234567890", "-123456789012345678901234567890"),
        ("1000000000", "1000000000"), ("4294967296", "4294967296"),
    ])
    func roundTrip(text: String, printed: String) {
        #expect(BigInteger(text)?.description == printed)
    }

    @Test("rejects text that is not a plain decimal integer", arguments: ["", "-", "+", " 1", "1 ", "1.0", "1e3", "0x10", "--1", "١"])
    func rejectsNonIntegers(text: String) {
        #expect(BigInteger(text) == nil)
    }

    @Test("Long.MAX_VALUE + 1 widens instead of wrapping")
    func longOverflow() {
        let sum = BigInteger(Int.max) + BigInteger(1)
        #expect(sum.description == "9223372036854775808")
        #expect(sum.int64Value == nil)
        #expect((BigInteger(Int.min) - BigInteger(1)).description == "-9223372036854775809")
        #expect(BigInteger(Int.min).description == "-9223372036854775808")
        #expect(BigInteger(Int.min).int64Value == Int.min)
        #expect(BigInteger("9223372036854775807")?.int64Value == Int.max)
    }

    @Test("factorial(30)")
    func factorial() {
        var product = BigInteger(1)
        for factor in 1...30 { product = product * BigInteger(factor) }
        #expect(product.description == "265252859812191058636308480000000")
    }

    @Test("arithmetic on numbers beyond 64 bits")
    func wideArithmetic() throws {
        let x = try #require(BigInteger("123456789012345678901234567890"))
        let y = try #require(BigInteger("-987654321987654321"))
        #expect((x * y).description == "-121932631246761163237311385323609205901126352690")
        #expect((x / y).description == "-124999998748")
        #expect((x % y).description == "432099904777777782")
        #expect((-x / y).description == "124999998748")
        #expect((-x % y).description == "-432099904777777782")
        #expect((x + y).description == "123456789011358024579246913569")
        #expect((x - y).description == "123456789013333333223222222211")
        #expect((y - x).description == "-123456789013333333223222222211")
        let factorial30 = try #require(BigInteger("265252859812191058636308480000000"))
        #expect((factorial30 / x).description == "2148")
        #expect((factorial30 % x).description == "67677013672540356456628172280")
    }

    @Test("division truncates toward zero and the remainder takes the dividend's sign", arguments: [
        (7, 2, 3, 1), (-7, 2, -3, -1), (7, -2, -3, 1), (-7, -2, 3, -1), (0, 5, 0, 0), (6, 3, 2, 0),
    ])
    func divisionSigns(dividend: Int, divisor: Int, quotient: Int, remainder: Int) {
        #expect((BigInteger(dividend) / BigInteger(divisor)).int64Value == quotient)
        #expect((BigInteger(dividend) % BigInteger(divisor)).int64Value == remainder)
    }

    @Test("doubleValue rounds to nearest, ties to even", arguments: [
        ("9007199254740993", 9.007199254740992E15),
        ("9007199254740995", 9.007199254740996E15),
        ("18446744073709551617", 1.8446744073709552E19),
        ("123456789012345678901234567890", 1.2345678901234568E29),
        ("-170141183460469231731687303715884105727", -1.7014118346046923E38),
        ("1" + String(repeating: "0", count: 400), Double.infinity),
    ])
    func doubleValue(text: String, expected: Double) {
        #expect(BigInteger(text)?.doubleValue == expected)
    }

    @Test("orders by value and treats zero as one value")
    func ordering() throws {
        let values = ["-100000000000000000000", "-5", "0", "3", "4294967296", "100000000000000000000"].compactMap { BigInteger($0) }
        #expect(values == values.sorted())
        #expect(BigInteger("-0") == BigInteger(0))
        #expect((BigInteger(5) - BigInteger(5)).isZero)
        #expect(!(BigInteger(0) < -BigInteger(0)))
    }
}
