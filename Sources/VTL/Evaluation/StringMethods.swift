import Foundation
import JavaLang

/// `java.lang.String` methods, counting in UTF-16 code units as Java does.
extension Renderer {
    func stringMethod(_ name: String, on string: String, arguments: [RuntimeValue], at offset: Int) throws(VTLError) -> RuntimeValue? {
        let failure = { (message: String) -> VTLError in
            self.error("\(name) failed: \(message)", at: offset)
        }
        switch (name, arguments.count) {
        case ("length", 0):
            return .integer(string.utf16.count)
        case ("isEmpty", 0):
            return .bool(string.isEmpty)
        case ("toUpperCase", 0):
            return .string(string.uppercased())
        case ("toLowerCase", 0):
            return .string(string.javaLowercased())
        case ("trim", 0):
            // Java's trim removes every character up to U+0020, nothing else.
            let units = Array(string.utf16)
            var start = 0
            var end = units.count
            while start < end, units[start] <= 0x20 { start += 1 }
            while end > start, units[end - 1] <= 0x20 { end -= 1 }
            return .string(String(javaUTF16: units[start..<end]))
        case ("hashCode", 0):
            var hash: Int32 = 0
            for unit in string.utf16 { hash = hash &* 31 &+ Int32(unit) }
            return .integer(Int(hash))
        case ("charAt", 1):
            guard case .integer(let position) = arguments[0] else { return nil }
            let units = Array(string.utf16)
            guard units.indices.contains(position) else {
                throw failure("index \(position) is out of range for a string of length \(units.count)")
            }
            return .string(String(javaUTF16: [units[position]]))
        case ("substring", 1), ("substring", 2):
            guard case .integer(let begin) = arguments[0] else { return nil }
            let units = Array(string.utf16)
            var end = units.count
            if arguments.count == 2 {
                guard case .integer(let givenEnd) = arguments[1] else { return nil }
                end = givenEnd
            }
            guard begin >= 0, end <= units.count, begin <= end else {
                throw failure("begin \(begin), end \(end), length \(units.count)")
            }
            return .string(String(javaUTF16: units[begin..<end]))
        case ("indexOf", 1), ("indexOf", 2), ("lastIndexOf", 1), ("lastIndexOf", 2):
            // An Integer argument is a character (`indexOf(int ch)`), as Java's overloads take it.
            let needle: String
            if case .integer(let character) = arguments[0] {
                guard let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: max(character, 0))), character >= 0 else { return .integer(-1) }
                needle = String(scalar)
            } else {
                guard let text = try textArgument(arguments[0], of: name, at: offset) else { return nil }
                needle = text
            }
            var from: Int?
            if arguments.count == 2 {
                guard case .integer(let start) = arguments[1] else { return nil }
                from = start
            }
            return .integer(JavaStringSearch.find(needle, in: string, from: from, backwards: name == "lastIndexOf"))
        case ("contains", 1), ("startsWith", 1), ("endsWith", 1), ("equalsIgnoreCase", 1), ("concat", 1), ("compareTo", 1),
            ("compareToIgnoreCase", 1), ("contentEquals", 1):
            guard let other = try textArgument(arguments[0], of: name, at: offset) else { return nil }
            switch name {
            case "compareToIgnoreCase": return .integer(string.javaCompareIgnoringCase(other))
            case "contentEquals": return .bool(string.javaEquals(other))
            case "contains": return .bool(other.isEmpty || JavaStringSearch.find(other, in: string, from: nil, backwards: false) >= 0)
            case "startsWith": return .bool(string.utf16.starts(with: other.utf16))
            case "endsWith": return .bool(string.utf16.reversed().starts(with: other.utf16.reversed()))
            case "equalsIgnoreCase": return .bool(string.javaEqualsIgnoringCase(other))
            case "concat": return .string(string + other)
            default: return .integer(JavaStringSearch.compare(string, other))
            }
        case ("replace", 2):
            guard let target = try textArgument(arguments[0], of: name, at: offset),
                let replacement = try textArgument(arguments[1], of: name, at: offset)
            else { return nil }
            guard let replaced = JavaStringSearch.replacingAll(target, with: replacement, in: string, maximumUnits: options.limits.outputBytes) else {
                throw error(.limitExceeded, "replace would make a string larger than the outputBytes limit of \(options.limits.outputBytes) bytes", at: offset)
            }
            return .string(replaced)
        case ("matches", 1), ("replaceAll", 2), ("replaceFirst", 2), ("split", 1), ("split", 2):
            return try regexMethod(name, on: string, arguments: arguments, at: offset)
        case ("toString", 0):
            return .string(string)
        case ("subSequence", 2):
            return try stringMethod("substring", on: string, arguments: arguments, at: offset)
        default:
            return try lessCommonStringMethod(name, on: string, arguments: arguments, at: offset)
        }
    }

    /// The rest of Java 8's `String` that a template can call usefully.
    private func lessCommonStringMethod(_ name: String, on string: String, arguments: [RuntimeValue], at offset: Int) throws(VTLError) -> RuntimeValue? {
        switch (name, arguments.count) {
        case ("codePointAt", 1):
            guard case .integer(let position) = arguments[0] else { return nil }
            let units = Array(string.utf16)
            guard units.indices.contains(position) else {
                throw error("codePointAt failed: index \(position) is out of range for a string of length \(units.count)", at: offset)
            }
            if UTF16.isLeadSurrogate(units[position]), position + 1 < units.count, UTF16.isTrailSurrogate(units[position + 1]) {
                return .integer(0x10000 + ((Int(units[position]) - 0xD800) << 10) + (Int(units[position + 1]) - 0xDC00))
            }
            return .integer(Int(units[position]))
        case ("startsWith", 2):
            guard let prefix = try textArgument(arguments[0], of: name, at: offset), case .integer(let start) = arguments[1] else { return nil }
            let units = Array(string.utf16)
            guard start >= 0, start <= units.count else { return .bool(false) }
            return .bool(units[start...].starts(with: prefix.utf16))
        case ("regionMatches", 4), ("regionMatches", 5):
            // `regionMatches([ignoreCase,] toffset, other, ooffset, len)`
            var rest = arguments[...]
            var ignoreCase = false
            if arguments.count == 5 {
                guard case .bool(let flag) = arguments[0] else { return nil }
                ignoreCase = flag
                rest = arguments.dropFirst()
            }
            let values = Array(rest)
            guard case .integer(let start) = values[0], let other = try textArgument(values[1], of: name, at: offset),
                case .integer(let otherStart) = values[2], case .integer(let length) = values[3]
            else { return nil }
            let units = Array(string.utf16), otherUnits = Array(other.utf16)
            guard start >= 0, otherStart >= 0, start <= units.count - length, otherStart <= otherUnits.count - length else { return .bool(false) }
            guard length > 0 else { return .bool(true) }
            let mine = String(javaUTF16: units[start..<(start + length)]), theirs = String(javaUTF16: otherUnits[otherStart..<(otherStart + length)])
            return .bool(ignoreCase ? mine.javaEqualsIgnoringCase(theirs) : mine.javaEquals(theirs))
        default:
            // Not `getBytes`, `toCharArray` or `intern`: arrays and the string pool are Java's
            // internals, kept out of reach with reflection (SafetyTests).
            return nil
        }
    }

    /// A `String`/`CharSequence` argument; Java would throw on null, and Velocity reports that.
    private func textArgument(_ argument: RuntimeValue, of method: String, at offset: Int) throws(VTLError) -> String? {
        switch argument {
        case .string(let text): return text
        case .null: throw error("\(method) failed: java.lang.NullPointerException (an argument is null)", at: offset)
        default: return nil
        }
    }

    private func regexMethod(_ name: String, on string: String, arguments: [RuntimeValue], at offset: Int) throws(VTLError) -> RuntimeValue? {
        guard let pattern = try textArgument(arguments[0], of: name, at: offset) else { return nil }
        let regex = try compiledRegex(pattern, at: offset)
        var limit = 0
        var replacement = ""
        if name == "split", arguments.count == 2 {
            guard case .integer(let given) = arguments[1] else { return nil }
            limit = given
        } else if name.hasPrefix("replace") {
            guard let text = try textArgument(arguments[1], of: name, at: offset) else { return nil }
            replacement = text
        }
        do throws(JavaRegex.Failure) {
            switch name {
            case "matches":
                return .bool(try regex.matchesEntirely(string, budget: &regexTimeLeft))
            case "split":
                return .list(ListStorage(try regex.split(string, limit: limit, budget: &regexTimeLeft).map(RuntimeValue.string)))
            default:
                return .string(try regex.replace(in: string, with: replacement, all: name == "replaceAll", maximumUnits: options.limits.outputBytes, budget: &regexTimeLeft))
            }
        } catch {
            if error.isTooLarge {
                throw self.error(.limitExceeded, "\(name) would make a string larger than the outputBytes limit of \(options.limits.outputBytes) bytes", at: offset)
            }
            guard error.isTimeout else { throw self.error("\(name) failed: \(error.message)", at: offset) }
            throw self.error(
                .limitExceeded,
                "\(name) took too long: regular expressions ran longer than the regexTime limit of \(options.limits.regexTime) in this render",
                at: offset)
        }
    }

    func compiledRegex(_ pattern: String, at offset: Int) throws(VTLError) -> JavaRegex {
        if let cached = regexCache[pattern] { return cached }
        do {
            let regex = try JavaRegex(pattern)
            regexCache[pattern] = regex
            return regex
        } catch {
            throw self.error("invalid regular expression '\(pattern)': \(error.message)", at: offset)
        }
    }
}

/// Java's substring search and comparison, in UTF-16 code units.
enum JavaStringSearch {
    static func find(_ needle: String, in haystack: String, from: Int?, backwards: Bool) -> Int {
        let text = Array(haystack.utf16)
        let pattern = Array(needle.utf16)
        let lastStart = text.count - pattern.count
        guard lastStart >= 0 else { return -1 }
        if backwards {
            var start = min(from ?? lastStart, lastStart)
            while start >= 0 {
                if text[start..<(start + pattern.count)].elementsEqual(pattern) { return start }
                start -= 1
            }
        } else {
            var start = max(from ?? 0, 0)
            while start <= lastStart {
                if text[start..<(start + pattern.count)].elementsEqual(pattern) { return start }
                start += 1
            }
        }
        return -1
    }

    /// `String.replace(target, replacement)`; nil when the result would pass `maximumUnits`
    /// UTF-16 units (each needs at least one UTF-8 byte), checked before building it.
    static func replacingAll(_ target: String, with replacement: String, in string: String, maximumUnits: Int) -> String? {
        let text = Array(string.utf16)
        let insert = Array(replacement.utf16)
        guard !target.isEmpty else {
            // Java inserts the replacement between every code unit, and at both ends.
            let (product, overflow) = (text.count + 1).multipliedReportingOverflow(by: insert.count)
            guard !overflow, product + text.count <= maximumUnits else { return nil }
            var result: [UInt16] = insert
            result.reserveCapacity(product + text.count)
            for unit in text {
                result.append(unit)
                result.append(contentsOf: insert)
            }
            return String(javaUTF16: result)
        }
        let pattern = Array(target.utf16)
        var result: [UInt16] = []
        var start = 0
        var position = 0
        while position + pattern.count <= text.count {
            if text[position] == pattern[0], text[position..<(position + pattern.count)].elementsEqual(pattern) {
                result.append(contentsOf: text[start..<position])
                result.append(contentsOf: insert)
                if result.count > maximumUnits { return nil }
                position += pattern.count
                start = position
            } else {
                position += 1
            }
        }
        if start == 0 { return string }
        result.append(contentsOf: text[start...])
        return result.count > maximumUnits ? nil : String(javaUTF16: result)
    }

    static func compare(_ left: String, _ right: String) -> Int {
        for (a, b) in zip(left.utf16, right.utf16) where a != b { return Int(a) - Int(b) }
        return left.utf16.count - right.utf16.count
    }
}

extension BigInteger {
    /// The low 64 bits in two's complement, as Java's `longValue()` gives them.
    var lowBits: Int {
        if let int = int64Value { return int }
        let modulus = BigInteger(Int.max) + BigInteger(Int.max) + BigInteger(2)
        var remainder = self % modulus
        if remainder < BigInteger(0) { remainder = remainder + modulus }
        if let int = remainder.int64Value { return int }
        return (remainder - modulus).int64Value ?? 0
    }
}
