import JavaLang
import JSON

extension JSONWriter {
    /// `JSONArray.toString()` writes compactly but escapes `/`, unlike `$input.json`.
    static let jsonArrayText = JSONWriter(escapesSlash: true)
}

/// Text of values as Java's `toString()` gives it, which is what Velocity inserts.
///
/// Printing walks an explicit stack rather than recursing: a template can nest lists a
/// million deep (`#set($a = [$a])` in nested loops), far past what the call stack holds.
extension RuntimeValue {
    var javaString: String {
        switch self {
        case .string(let string): string
        case .integer(let int): String(int)
        case .double(let double): JavaDouble.string(double)
        case .bigDecimal(let text): text
        case .bool(let bool): bool ? "true" : "false"
        case .null: "null"
        default: javaString(maximumBytes: ValuePrinter.maximumBytes)
        }
    }

    /// The text, cut short soon after `maximumBytes`: lists can share elements
    /// (`#set($a = [$a, $a])` in a loop), so it can grow exponentially.
    func javaString(maximumBytes: Int) -> String {
        var printer = ValuePrinter(maximumBytes: maximumBytes)
        printer.print(self, asJSON: false)
        return printer.text
    }
}

private struct ValuePrinter {
    enum Task {
        case java(RuntimeValue)
        case json(RuntimeValue)
        case text(String)
        /// The end of a list or map: it is no longer an ancestor of what follows.
        case leave(ObjectIdentifier)
    }

    /// Where printing stops when the caller sets no bound: the default output limit.
    static let maximumBytes = 64 * 1024 * 1024

    let maximumBytes: Int
    var text = ""
    /// Lists and maps being printed around the current value; one met again is a cycle.
    private var ancestors = Set<ObjectIdentifier>()
    private var tasks: [Task] = []

    init(maximumBytes: Int) {
        self.maximumBytes = maximumBytes
    }

    mutating func print(_ value: RuntimeValue, asJSON: Bool) {
        tasks.append(asJSON ? .json(value) : .java(value))
        while let task = tasks.popLast() {
            if text.utf8.count > maximumBytes { return }
            switch task {
            case .text(let string): text += string
            case .leave(let id): ancestors.remove(id)
            case .java(let value): java(value)
            case .json(let value): json(value)
            }
        }
    }

    /// Pushes `parts` so that they run in order, before anything already pending.
    private mutating func schedule(_ parts: [Task]) {
        tasks.append(contentsOf: parts.reversed())
    }

    private mutating func java(_ value: RuntimeValue) {
        switch value {
        case .null: text += "null"
        case .bool(let bool): text += bool ? "true" : "false"
        case .integer(let int): text += String(int)
        case .bigInteger(let big): text += big.description
        case .double(let double): text += JavaDouble.string(double)
        case .bigDecimal(let decimal): text += decimal
        case .string(let string): text += string
        case .list(let storage):
            if storage.style == .json { return json(value) }
            let id = ObjectIdentifier(storage)
            // Java prints a collection inside itself this way instead of recursing.
            guard !ancestors.contains(id) else { text += "(this Collection)"; return }
            ancestors.insert(id)
            text += "["
            var parts: [Task] = []
            parts.reserveCapacity(storage.elements.count * 2 + 2)
            for (position, element) in storage.elements.enumerated() {
                if position > 0 { parts.append(.text(", ")) }
                parts.append(.java(element))
            }
            parts.append(.text("]"))
            parts.append(.leave(id))
            schedule(parts)
        case .map(let storage):
            let id = ObjectIdentifier(storage)
            guard !ancestors.contains(id) else { text += "(this Map)"; return }
            ancestors.insert(id)
            text += "{"
            var parts: [Task] = []
            for (position, (key, element)) in storage.pairs.enumerated() {
                parts.append(.text(position > 0 ? ", " + key + "=" : key + "="))
                parts.append(.java(element))
            }
            parts.append(.text("}"))
            parts.append(.leave(id))
            schedule(parts)
        case .entry(let map, let key):
            text += key
            text += "="
            schedule([.java(map.entryValue(key))])
        case .loop: text += "org.apache.velocity.runtime.directive.ForeachScope"
        case .block: break
        case .object(let host): text += host.object.printed
        case .json(let json): text += JavaText.string(json)
        }
    }

    /// json-smart's compact JSON, which is how a `JSONArray` from a parsed body prints.
    private mutating func json(_ value: RuntimeValue) {
        switch value {
        case .null, .loop, .block: text += "null"
        // json-smart writes an infinite double as null (NaN stays NaN), as `JSONWriter` does.
        case .double(let double) where double.isInfinite: text += "null"
        case .bool, .integer, .bigInteger, .double, .bigDecimal: java(value)
        case .string(let string): JSONWriter.jsonArrayText.writeString(string, to: &text)
        case .entry(let map, let key):
            text += "{"
            JSONWriter.jsonArrayText.writeString(key, to: &text)
            text += ":"
            schedule([.json(map.entryValue(key)), .text("}")])
        case .object(let host): JSONWriter.jsonArrayText.writeString(host.object.printed, to: &text)
        case .json(let json): JSONWriter.jsonArrayText.write(json, to: &text)
        case .list(let storage):
            let id = ObjectIdentifier(storage)
            guard !ancestors.contains(id) else { text += "null"; return }
            ancestors.insert(id)
            text += "["
            var parts: [Task] = []
            parts.reserveCapacity(storage.elements.count * 2 + 2)
            for (position, element) in storage.elements.enumerated() {
                if position > 0 { parts.append(.text(",")) }
                parts.append(.json(element))
            }
            parts.append(.text("]"))
            parts.append(.leave(id))
            schedule(parts)
        case .map(let storage):
            let id = ObjectIdentifier(storage)
            guard !ancestors.contains(id) else { text += "null"; return }
            ancestors.insert(id)
            text += "{"
            var parts: [Task] = []
            for (position, (key, element)) in storage.pairs.enumerated() {
                var keyText = position > 0 ? "," : ""
                JSONWriter.jsonArrayText.writeString(key, to: &keyText)
                keyText += ":"
                parts.append(.text(keyText))
                parts.append(.json(element))
            }
            parts.append(.text("}"))
            parts.append(.leave(id))
            schedule(parts)
        }
    }
}
