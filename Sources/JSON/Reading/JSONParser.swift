import JavaLang

/// Reads text as json-smart 2.2 does in `MODE_PERMISSIVE`, the mode API Gateway uses.
///
/// Permissive means: unquoted strings and keys (`{a:1}`, body `a=b` is the string `"a=b"`),
/// single quotes, extra commas (`[1,,2,]`), leading zeros, `NaN`, and anything after the first
/// complete value ignored (`{"a":1} xyz`). Text that starts like a number or literal but goes
/// on (`1 2`, `true{`) is a string. `{a` and `[a` fail. The rules are a port of json-smart's
/// `JSONParserBase`/`JSONParserMemory` run on UTF-8 bytes; every non-ASCII byte behaves as
/// the non-ASCII `char` would (never a stop character, never whitespace).
public struct JSONParser: Sendable {
    /// json-smart's nesting limit (the Debian build the oracle uses rejects the 401st level).
    public static let defaultMaxDepth = 400

    /// The deepest nesting accepted; deeper input fails with `JSONError.Kind.tooDeep`.
    /// It also bounds the recursion of the parser, the writer and JSONPath.
    public var maxDepth: Int

    /// A parser with json-smart's limits.
    public init(maxDepth: Int = JSONParser.defaultMaxDepth) {
        self.maxDepth = maxDepth
    }

    /// Parses `text`, or throws the error json-smart would raise, with its location.
    public func parse(_ text: String) throws(JSONError) -> JSONValue {
        // The reader borrows the String's own UTF-8 rather than copying it into an array:
        // a body can be megabytes. `withUTF8` only copies a String that is not contiguous.
        var text = text
        let maxDepth = maxDepth
        let result = text.withUTF8 { bytes in
            Result { () throws(JSONError) -> JSONValue in
                var reader = PermissiveReader(bytes: bytes, maxDepth: maxDepth)
                return try reader.parseDocument()
            }
        }
        return try result.get()
    }
}

extension JSONValue {
    /// Parses `text` permissively, as API Gateway reads a request body; see `JSONParser`.
    public static func parse(_ text: String) throws(JSONError) -> JSONValue {
        try JSONParser().parse(text)
    }
}
