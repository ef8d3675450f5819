import Foundation

/// A scalar read with the YAML 1.2 core schema, for consumers that want typed values.
///
/// The parser never does this on its own: CloudFormation reads `Version: 2012-10-17`
/// and `Default: Yes` as text, and a JSON writer must keep `10` apart from `"10"`.
public enum YAMLScalarValue: Sendable, Hashable {
    /// `null`, `Null`, `NULL`, `~`, or an empty plain scalar.
    case null
    /// `true`/`True`/`TRUE` or `false`/`False`/`FALSE`; not YAML 1.1's `yes`/`on`.
    case bool(Bool)
    /// A decimal, `0o` octal or `0x` hexadecimal integer that fits in `Int`.
    case int(Int)
    /// A decimal number with a fraction or exponent, `.inf`, `-.inf` or `.nan`; also an
    /// integer too large for `Int`. The scalar's ``YAMLNode/string`` keeps the spelling.
    case float(Double)
    /// Anything else, and every quoted or block scalar.
    case string(String)
}

extension YAMLNode {
    /// The scalar read with the YAML 1.2 core schema; `nil` for collections.
    ///
    /// Only plain scalars without a tag are resolved. Quoted and block scalars, and
    /// scalars tagged `!` or `!!str`, are strings. `!!int`, `!!float`, `!!bool` and
    /// `!!null` ask for that type and fall back to a string when the text does not fit.
    /// Any other tag (such as `!Ref`) belongs to the application, so the text is
    /// resolved as if it were untagged and the caller decides what the tag means.
    public var scalarValue: YAMLScalarValue? {
        guard case .scalar(let text, let style) = kind else { return nil }
        switch tag {
        case StandardTag.string, "!": return .string(text)
        case StandardTag.null: return CoreSchema.null(text).map { _ in .null } ?? .string(text)
        case StandardTag.bool: return CoreSchema.bool(text).map(YAMLScalarValue.bool) ?? .string(text)
        case StandardTag.int: return CoreSchema.integer(text) ?? .string(text)
        case StandardTag.float:
            if let number = CoreSchema.float(text) ?? CoreSchema.integer(text).flatMap(\.asDouble) {
                return .float(number)
            }
            return .string(text)
        default:
            guard style == .plain else { return .string(text) }
            return CoreSchema.resolve(text)
        }
    }
}

extension YAMLScalarValue {
    fileprivate var asDouble: Double? {
        switch self {
        case .int(let value): Double(value)
        case .float(let value): value
        default: nil
        }
    }
}

/// Full names of the standard tags that `!!` abbreviates.
enum StandardTag {
    static let prefix = "tag:yaml.org,2002:"
    static let string = prefix + "str"
    static let null = prefix + "null"
    static let bool = prefix + "bool"
    static let int = prefix + "int"
    static let float = prefix + "float"
    static let merge = prefix + "merge"
}

/// The YAML 1.2.2 core schema's resolution rules (spec section 10.3.2), written out by
/// hand because the patterns are few and Foundation's regexes would be slower.
enum CoreSchema {
    static func resolve(_ text: String) -> YAMLScalarValue {
        if null(text) != nil { return .null }
        if let value = bool(text) { return .bool(value) }
        if let value = integer(text) { return value }
        if let value = float(text) { return .float(value) }
        return .string(text)
    }

    static func null(_ text: String) -> Void? {
        ["", "~", "null", "Null", "NULL"].contains(text) ? () : nil
    }

    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    /// An integer, or a float when the digits are valid but overflow `Int`.
    static func integer(_ text: String) -> YAMLScalarValue? {
        let scalars = Array(text.unicodeScalars)
        if scalars.count > 2, scalars[0] == "0", scalars[1] == "o" || scalars[1] == "x" {
            let radix = scalars[1] == "o" ? 8 : 16
            // Int(_:radix:) would also take a sign, which the core schema does not allow here.
            guard scalars.dropFirst(2).allSatisfy({ isDigit($0) || $0.isASCIIHexLetter }),
                  let value = Int(String(text.dropFirst(2)), radix: radix) else { return nil }
            return .int(value)
        }
        var digits = scalars[...]
        if let sign = digits.first, sign == "-" || sign == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy(isDigit) else { return nil }
        if let value = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text) { return .int(value) }
        return Double(text).map(YAMLScalarValue.float)
    }

    static func float(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        var rest = Array(text.unicodeScalars)[...]
        if let sign = rest.first, sign == "-" || sign == "+" { rest = rest.dropFirst() }
        let integerDigits = rest.prefix(while: isDigit).count
        rest = rest.dropFirst(integerDigits)
        var fractionDigits = 0
        if rest.first == "." {
            rest = rest.dropFirst()
            fractionDigits = rest.prefix(while: isDigit).count
            rest = rest.dropFirst(fractionDigits)
        }
        guard integerDigits > 0 || fractionDigits > 0 else { return nil }
        if let e = rest.first, e == "e" || e == "E" {
            rest = rest.dropFirst()
            if let sign = rest.first, sign == "-" || sign == "+" { rest = rest.dropFirst() }
            let exponentDigits = rest.prefix(while: isDigit).count
            guard exponentDigits > 0 else { return nil }
            rest = rest.dropFirst(exponentDigits)
        }
        guard rest.isEmpty else { return nil }
        // Swift's Double(String) rejects a trailing "." ("1.") that YAML allows.
        let normalized = text.replacingOccurrences(of: ".e", with: ".0e").replacingOccurrences(of: ".E", with: ".0E")
        return Double(normalized.hasSuffix(".") ? normalized + "0" : normalized)
    }

    fileprivate static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar >= "0" && scalar <= "9"
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIIHexLetter: Bool {
        ("a"..."f").contains(self) || ("A"..."F").contains(self)
    }
}
