import Testing
import YAML

@Suite("Typed scalar values (YAML 1.2 core schema)")
struct ScalarResolutionTests {
    @Test("plain-scalars-resolve", arguments: [
        ("null", YAMLScalarValue.null), ("~", .null), ("", .null), ("NULL", .null),
        ("true", .bool(true)), ("False", .bool(false)), ("TRUE", .bool(true)),
        ("0", .int(0)), ("-17", .int(-17)), ("+5", .int(5)), ("0o17", .int(15)), ("0x1F", .int(31)),
        ("1.5", .float(1.5)), ("-.5", .float(-0.5)), ("1e3", .float(1000)), ("1.", .float(1)), ("6.02E+23", .float(6.02e23)),
        (".inf", .float(.infinity)), ("-.Inf", .float(-.infinity)),
        ("99999999999999999999", .float(1e20)),
    ])
    func resolves(text: String, expected: YAMLScalarValue) throws {
        let node = try YAML.parse("v: \(text)\n")["v"]
        #expect(node?.scalarValue == expected)
    }

    @Test("yaml-1.1-spellings-stay-text", arguments: ["Yes", "no", "on", "OFF", "2010-09-09", "0x", "1_000", "12:30", "0x-1", ".", "1e"])
    func staysText(text: String) throws {
        // CloudFormation's "Default: Yes" and "Version: 2012-10-17" are strings.
        #expect(try YAML.parse("v: \(text)\n")["v"]?.scalarValue == .string(text))
    }

    @Test("nan-resolves-to-nan")
    func nan() throws {
        guard case .float(let value) = try YAML.parse("v: .nan")["v"]?.scalarValue else {
            Issue.record("expected a float")
            return
        }
        #expect(value.isNaN)
    }

    @Test("quoted-and-block-scalars-are-strings")
    func quotedAreStrings() throws {
        let root = try YAML.parse("a: '1'\nb: \"true\"\nc: |\n  null\n")
        #expect(root["a"]?.scalarValue == .string("1"))
        #expect(root["b"]?.scalarValue == .string("true"))
        #expect(root["c"]?.scalarValue == .string("null\n"))
    }

    @Test("collections-have-no-scalar-value")
    func collections() throws {
        #expect(try YAML.parse("[1]").scalarValue == nil)
    }
}
