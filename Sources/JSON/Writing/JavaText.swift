import JavaLang

/// `toString()` of the Java objects json-smart builds, as Jayway quotes them in messages and
/// compares them in filters: maps as `{k=v, k2=v2}`, arrays as compact JSON with `\/`
/// (`JSONArray.toString()`), strings raw.
public enum JavaText {
    /// The Java `toString()` of a value; JSON null is `null`.
    public static func string(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .bigInteger(let number): return number.description
        case .double(let number): return JavaDouble.string(number)
        case .bigDecimal(let text): return text
        case .string(let text): return text
        case .array: return JSONWriter(escapesSlash: true).string(value)
        case .object(let object):
            return "{" + object.map { "\($0.key)=\(string($0.value))" }.joined(separator: ", ") + "}"
        }
    }
}
