import JavaLang
import JSON

extension JSONWriter {
    /// `JSONArray.toString()` writes compactly but escapes `/`, unlike `$input.json`.
    static let jsonArrayText = JSONWriter(escapesSlash: true)
}

/// Text of values as Java's `toString()` gives it, which is what Velocity inserts.
extension RuntimeValue {
    var javaString: String {
        var text = ""
        appendJavaString(to: &text, visiting: [])
        return text
    }

    private func appendJavaString(to text: inout String, visiting: Set<ObjectIdentifier>) {
        switch self {
        case .null: text += "null"
        case .bool(let bool): text += bool ? "true" : "false"
        case .integer(let int): text += String(int)
        case .bigInteger(let big): text += big.description
        case .double(let double): text += JavaDouble.string(double)
        case .string(let string): text += string
        case .list(let storage):
            if storage.style == .json {
                appendJSON(to: &text, visiting: visiting)
                return
            }
            let id = ObjectIdentifier(storage)
            text += "["
            for (position, element) in storage.elements.enumerated() {
                if position > 0 { text += ", " }
                if case .list(let inner) = element, ObjectIdentifier(inner) == id || visiting.contains(ObjectIdentifier(inner)) {
                    text += "(this Collection)"
                } else {
                    element.appendJavaString(to: &text, visiting: visiting.union([id]))
                }
            }
            text += "]"
        case .map(let storage):
            let id = ObjectIdentifier(storage)
            text += "{"
            for (position, (key, element)) in storage.pairs.enumerated() {
                if position > 0 { text += ", " }
                text += key
                text += "="
                if case .map(let inner) = element, ObjectIdentifier(inner) == id || visiting.contains(ObjectIdentifier(inner)) {
                    text += "(this Map)"
                } else {
                    element.appendJavaString(to: &text, visiting: visiting.union([id]))
                }
            }
            text += "}"
        case .entry(let key, let value):
            text += key
            text += "="
            value.appendJavaString(to: &text, visiting: visiting)
        case .loop: text += "org.apache.velocity.runtime.directive.ForeachScope"
        case .block: break
        case .object(let object): text += object.printed
        }
    }

    /// json-smart's compact JSON, which is how a `JSONArray` from a parsed body prints.
    func appendJSON(to text: inout String, visiting: Set<ObjectIdentifier>) {
        switch self {
        case .null, .loop, .block: text += "null"
        case .bool, .integer, .bigInteger, .double: appendJavaString(to: &text, visiting: visiting)
        case .string(let string): JSONWriter.jsonArrayText.writeString(string, to: &text)
        case .entry(let key, let value):
            text += "{"
            JSONWriter.jsonArrayText.writeString(key, to: &text)
            text += ":"
            value.appendJSON(to: &text, visiting: visiting)
            text += "}"
        case .object(let object): JSONWriter.jsonArrayText.writeString(object.printed, to: &text)
        case .list(let storage):
            let id = ObjectIdentifier(storage)
            guard !visiting.contains(id) else { text += "null"; return }
            text += "["
            for (position, element) in storage.elements.enumerated() {
                if position > 0 { text += "," }
                element.appendJSON(to: &text, visiting: visiting.union([id]))
            }
            text += "]"
        case .map(let storage):
            let id = ObjectIdentifier(storage)
            guard !visiting.contains(id) else { text += "null"; return }
            text += "{"
            for (position, (key, element)) in storage.pairs.enumerated() {
                if position > 0 { text += "," }
                JSONWriter.jsonArrayText.writeString(key, to: &text)
                text += ":"
                element.appendJSON(to: &text, visiting: visiting.union([id]))
            }
            text += "}"
        }
    }
}
