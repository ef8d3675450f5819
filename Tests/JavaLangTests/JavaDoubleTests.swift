// Expected values: java.lang.Double.toString / parseDouble on OpenJDK 17 (the Velocity 1.7
// oracle's runtime, shared/oracle), printed by a throwaway Java program.
import JavaLang
import Testing

@Suite("JavaDouble spells and reads doubles as Java does")
struct JavaDoubleTests {
    @Test("Double.toString", arguments: [
        (1.0, "1.0"), (1e8, "1.0E8"), (1e-4, "1.0E-4"), (0.1 + 0.2, "0.30000000000000004"),
        (Double.nan, "NaN"), (Double.infinity, "Infinity"), (-Double.infinity, "-Infinity"),
        (-0.0, "-0.0"), (0.0, "0.0"), (123456789.0, "1.23456789E8"), (1e7, "1.0E7"),
        (9999999.0, "9999999.0"), (9999999.999, "9999999.999"), (0.001, "0.001"), (0.0009999, "9.999E-4"),
        (1e21, "1.0E21"), (Double.greatestFiniteMagnitude, "1.7976931348623157E308"),
        (Double.leastNormalMagnitude, "2.2250738585072014E-308"), (Double.leastNonzeroMagnitude, "4.9E-324"),
        (100.0, "100.0"), (2e-3, "0.002"), (-1.5, "-1.5"), (1500.0, "1500.0"), (1.0 / 3, "0.3333333333333333"),
        (1e22, "1.0E22"), (1e16, "1.0E16"), (12345.678, "12345.678"), (-123e-10, "-1.23E-8"),
        (9007199254740993.0, "9.007199254740992E15"), (4.35, "4.35"), (1e-5, "1.0E-5"),
    ])
    func toString(value: Double, expected: String) {
        #expect(JavaDouble.string(value) == expected)
    }

    /// JDK 17 prints one digit too many for a few values (JDK-4511638, fixed in JDK 19);
    /// we print the shortest digits, as JDK 19+ does. JDK 17 says "9.999999999999999E22",
    /// "1.9999999999999998E23" and "8.409999999999999E21" here.
    @Test("shortest digits where JDK 17 differs", arguments: [(1e23, "1.0E23"), (2e23, "2.0E23"), (8.41e21, "8.41E21")])
    func shortestWhereJDK17Differs(value: Double, expected: String) {
        #expect(JavaDouble.string(value) == expected)
    }

    @Test("Double.parseDouble", arguments: [
        ("1", 1.0), ("1.", 1.0), (".5", 0.5), ("-0.0", -0.0), ("1e5", 1e5), ("1E+5", 1e5), ("1.5e-3", 1.5e-3),
        (" 2.5 ", 2.5), ("+3", 3.0), ("1d", 1.0), ("2F", 2.0), ("1e400", Double.infinity), ("Infinity", Double.infinity),
        ("-Infinity", -Double.infinity),
    ])
    func parse(text: String, expected: Double) {
        #expect(JavaDouble.parse(text) == expected)
    }

    @Test("parseDouble of NaN")
    func parseNaN() {
        #expect(JavaDouble.parse("NaN")?.isNaN == true)
    }

    @Test("parseDouble rejects what Java rejects", arguments: ["", ".", "-", "e5", "1e", "1e+", "1.5.5", "abc", "inf", "nan", "1_000", "0x10", "1 2"])
    func parseRejects(text: String) {
        #expect(JavaDouble.parse(text) == nil)
    }
}
