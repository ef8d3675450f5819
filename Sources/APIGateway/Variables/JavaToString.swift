import JSON
import JavaLang
import VTL

/// `Object.toString()` of a template value: the text a `$util` function receives, because
/// API Gateway's functions take any object and turn it into a string first.
enum JavaToString {
    /// Nil for a null, which the functions pass on as a null result.
    static func string(_ value: Value) -> String? {
        if case .null = value { return nil }
        var text = ""
        append(value, to: &text)
        return text
    }

    private static func append(_ value: Value, to text: inout String) {
        switch value {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .integer(let number): text += String(number)
        case .bigInteger(let number): text += number.description
        case .double(let number): text += JavaDouble.string(number)
        case .string(let string): text += string
        case .list(let elements, style: .java):
            text += "["
            for (position, element) in elements.enumerated() {
                if position > 0 { text += ", " }
                append(element, to: &text)
            }
            text += "]"
        // `JSONArray.toString()` uses json-smart's default style, which writes `/` as `\/`
        // (Velocity 1.7 oracle: `$util.escapeJavaScript($input.path('$.a'))`).
        case .list(_, style: .json): text += JSONWriter(escapesSlash: true).string(JSONValue(value))
        case .map(let map):
            text += "{"
            for (position, pair) in map.pairs.enumerated() {
                if position > 0 { text += ", " }
                text += pair.key
                text += "="
                append(pair.value, to: &text)
            }
            text += "}"
        case .object(let object): text += object.printed
        }
    }
}
