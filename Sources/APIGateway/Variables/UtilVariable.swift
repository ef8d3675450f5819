import JSON
import VTL

/// `$util`: the six functions API Gateway provides. Each takes any object, turns it into text
/// with `toString()`, and gives null for a null argument (which renders as nothing).
struct UtilVariable: TemplateObject {
    /// What the Velocity 1.7 oracle's `$util` prints; AWS's text for it is not recorded.
    var printed: String { "$util" }

    func call(_ name: String, arguments: [Value]) throws(TemplateObjectError) -> MethodResult {
        // Unknown functions, and known ones with the wrong number of arguments, are not found:
        // the template goes on and the call renders as nothing (recorded on AWS for unknown names).
        guard arguments.count == 1 else { return .notFound }
        return try call(name, argument: arguments[0])
    }

    func call(_ name: String, argument: Value) throws(TemplateObjectError) -> MethodResult {
        guard let function = Function(name) else { return .notFound }
        guard let text = JavaToString.string(argument) else { return .value(.null) }
        do {
            return .value(try function.apply(to: text))
        } catch {
            throw TemplateObjectError("\(name) failed: \(error.message)")
        }
    }

    private enum Function {
        case escapeJavaScript, urlEncode, urlDecode, base64Encode, base64Decode, parseJson

        /// The name's length picks the candidates before any text is compared: a switch on the
        /// name alone compares it with each case in turn, and comparing two different strings
        /// takes the slow path of string comparison. "escapeJavaScript", one byte past Swift's
        /// inline strings, still takes it once (about 190 instructions; comparing its bytes in a
        /// loop of our own, or with `elementsEqual`, measured slower).
        init?(_ name: String) {
            switch name.utf8.count {
            case 16 where name == "escapeJavaScript": self = .escapeJavaScript
            case 9:
                switch name {
                case "urlEncode": self = .urlEncode
                case "urlDecode": self = .urlDecode
                case "parseJson": self = .parseJson
                default: return nil
                }
            case 12:
                switch name {
                case "base64Encode": self = .base64Encode
                case "base64Decode": self = .base64Decode
                default: return nil
                }
            default: return nil
            }
        }

        func apply(to text: String) throws(TemplateObjectErrorMessage) -> Value {
            switch self {
            case .escapeJavaScript: return .string(JavaScriptEscaping.escape(text))
            case .urlEncode: return .string(FormURLCoding.encode(text))
            case .urlDecode: return .string(try Self.illegalArgument { () throws(TemplateObjectErrorMessage) in try FormURLCoding.decode(text) })
            case .base64Encode: return .string(Base64Text.encode(text))
            case .base64Decode: return .string(try Self.illegalArgument { () throws(TemplateObjectErrorMessage) in try Base64Text.decode(text) })
            case .parseJson:
                do {
                    return .json(try JSONValue.parse(text))
                } catch {
                    throw TemplateObjectErrorMessage("net.minidev.json.parser.ParseException: \(error.javaMessage)")
                }
            }
        }

        /// Names the Java exception the decoders throw, as the Velocity error would.
        private static func illegalArgument(_ body: () throws(TemplateObjectErrorMessage) -> String) throws(TemplateObjectErrorMessage) -> String {
            do {
                return try body()
            } catch {
                throw TemplateObjectErrorMessage("java.lang.IllegalArgumentException: " + error.message)
            }
        }
    }
}
