import Foundation
import JavaLang

/// A `java.util.regex.Pattern` on top of ICU's engine (NSRegularExpression), whose syntax is
/// Java's nearly everywhere; the differences templates meet are handled here.
struct JavaRegex {
    struct Failure: Error {
        var message: String
        /// The matching ran out of its time budget rather than failing on its own.
        var isTimeout = false
        /// The result would be larger than the caller allows.
        var isTooLarge = false
    }

    private let regex: NSRegularExpression
    /// The pattern anchored at both ends, for `matches()`, which must consider every alternative.
    private let entireRegex: NSRegularExpression
    /// The pattern as plain text, when it has no syntax in it.
    private let literal: LiteralPattern?
    /// The empty pattern, which Java matches between every two UTF-16 units, the halves of a
    /// surrogate pair included (`"😀".split('')` is two halves, printed `??`); ICU never
    /// matches inside a pair, so these matches are made here.
    private let isEmpty: Bool

    init(_ pattern: String) throws(Failure) {
        // Java's empty pattern matches the empty string everywhere (`"abc".split("")` gives
        // `[a, b, c]`); ICU refuses an empty pattern but reads an empty group the same way.
        let icuPattern = pattern.isEmpty ? "(?:)" : JavaRegexSyntax.icuPattern(pattern)
        do {
            regex = try NSRegularExpression(pattern: icuPattern)
            entireRegex = try NSRegularExpression(pattern: "(?:\(icuPattern))\\z")
        } catch {
            throw Failure(message: "not a valid Java regular expression")
        }
        literal = LiteralPattern(pattern)
        isEmpty = pattern.isEmpty
    }

    func matchesEntirely(_ string: String, budget: inout Duration) throws(Failure) -> Bool {
        if let literal { return literal.matchesEntirely(string) }
        let range = NSRange(location: 0, length: string.utf16.count)
        return try Self.matches(of: entireRegex, in: string, range: range, options: [.anchored], first: true, budget: &budget).count == 1
    }

    /// Every match, or the first; stops with a timeout failure once `budget` is spent.
    private static func matches(
        of regex: NSRegularExpression, in string: String, range: NSRange, options: NSRegularExpression.MatchingOptions = [],
        first: Bool = false, budget: inout Duration
    ) throws(Failure) -> [NSTextCheckingResult] {
        do {
            return try regex.matches(in: string, range: range, options: options, first: first, budget: &budget)
        } catch {
            throw Failure(message: "regular expression timed out", isTimeout: true)
        }
    }

    /// `String.split(regex, limit)`: a zero-width match at the start gives no leading empty
    /// string, and with limit 0 trailing empty strings are dropped.
    func split(_ string: String, limit: Int, budget: inout Duration) throws(Failure) -> [String] {
        if let literal { return literal.split(string, limit: limit) }
        let units = Array(string.utf16)
        if units.isEmpty { return [""] }
        if isEmpty {
            // One piece a unit; a positive limit keeps the rest in the last piece.
            let cut = limit > 0 ? min(limit - 1, units.count) : units.count
            var pieces = (0..<cut).map { String(javaUTF16: units[$0..<($0 + 1)]) }
            if cut < units.count { pieces.append(String(javaUTF16: units[cut...])) }
            return pieces
        }
        var pieces: [String] = []
        var start = 0
        for match in try Self.matches(of: regex, in: string, range: NSRange(location: 0, length: units.count), budget: &budget) {
            if limit > 0 && pieces.count == limit - 1 { break }
            let range = match.range
            if range.length == 0 && range.location == 0 { continue }
            if range.length == 0 && range.location >= units.count { break }
            pieces.append(String(javaUTF16: units[start..<range.location]))
            start = range.location + range.length
        }
        pieces.append(String(javaUTF16: units[start...]))
        if limit == 0 {
            while let last = pieces.last, last.isEmpty, pieces.count > 0 { pieces.removeLast() }
            if pieces.isEmpty { return [] }
        }
        return pieces
    }

    /// `replaceAll` / `replaceFirst` with Java's replacement syntax: `$n` and `${name}` insert groups,
    /// a backslash makes the next character literal.
    /// Fails once the result passes `maximumUnits` UTF-16 units: `$s.replaceAll('', $s)`
    /// squares the length, which a loop repeats.
    func replace(in string: String, with replacement: String, all: Bool, maximumUnits: Int, budget: inout Duration) throws(Failure) -> String {
        if let literal {
            let template = try ReplacementTemplate(replacement, groupCount: 0, regex: regex)
            let inserted = template.expanded(wholeMatch: regex.pattern)
            return try literal.replace(in: string, with: inserted, all: all, maximumUnits: maximumUnits) ?? string
        }
        let units = Array(string.utf16)
        if isEmpty {
            let inserted = try ReplacementTemplate(replacement, groupCount: 0, regex: regex).expanded(wholeMatch: "")
            guard all else { return inserted + string }
            guard let replaced = JavaStringSearch.replacingAll("", with: inserted, in: string, maximumUnits: maximumUnits) else {
                throw Failure(message: "the result would pass the outputBytes limit", isTooLarge: true)
            }
            return replaced
        }
        let matches = try Self.matches(
            of: regex, in: string, range: NSRange(location: 0, length: units.count), first: !all, budget: &budget)
        guard !matches.isEmpty else { return string }
        let template = try ReplacementTemplate(replacement, groupCount: regex.numberOfCaptureGroups, regex: regex)
        var result: [UInt16] = []
        result.reserveCapacity(units.count)
        var position = 0
        for match in matches {
            result.append(contentsOf: units[position..<match.range.location])
            template.append(match: match, in: units, to: &result)
            if result.count > maximumUnits { throw Failure(message: "the result would pass the outputBytes limit", isTooLarge: true) }
            position = match.range.location + match.range.length
        }
        result.append(contentsOf: units[position...])
        if result.count > maximumUnits { throw Failure(message: "the result would pass the outputBytes limit", isTooLarge: true) }
        return String(javaUTF16: result)
    }
}

/// A parsed Java replacement string.
private struct ReplacementTemplate {
    enum Part {
        case text([UInt16])
        case group(Int)
    }

    private var parts: [Part] = []

    init(_ replacement: String, groupCount: Int, regex: NSRegularExpression) throws(JavaRegex.Failure) {
        let units = Array(replacement.utf16)
        var literal: [UInt16] = []
        var index = 0
        while index < units.count {
            let unit = units[index]
            if unit == UInt16(UInt8(ascii: "\\")) {
                index += 1
                guard index < units.count else { throw JavaRegex.Failure(message: "character to be escaped is missing") }
                literal.append(units[index])
                index += 1
            } else if unit == UInt16(UInt8(ascii: "$")) {
                index += 1
                guard index < units.count else { throw JavaRegex.Failure(message: "illegal group reference: group index is missing") }
                if units[index] == UInt16(UInt8(ascii: "{")) {
                    guard let close = units[index...].firstIndex(of: UInt16(UInt8(ascii: "}"))) else {
                        throw JavaRegex.Failure(message: "named capturing group is missing trailing '}'")
                    }
                    let name = String(javaUTF16: units[(index + 1)..<close])
                    guard let number = ReplacementTemplate.groupNumber(named: name, in: regex) else {
                        throw JavaRegex.Failure(message: "no group with name {\(name)}")
                    }
                    parts.append(.text(literal))
                    literal = []
                    parts.append(.group(number))
                    index = close + 1
                } else {
                    guard let first = ReplacementTemplate.digit(units[index]) else {
                        throw JavaRegex.Failure(message: "illegal group reference")
                    }
                    guard first <= groupCount else { throw JavaRegex.Failure(message: "no group \(first)") }
                    var number = first
                    index += 1
                    // Java takes more digits only while they still name an existing group.
                    while index < units.count, let digit = ReplacementTemplate.digit(units[index]), number * 10 + digit <= groupCount {
                        number = number * 10 + digit
                        index += 1
                    }
                    parts.append(.text(literal))
                    literal = []
                    parts.append(.group(number))
                }
            } else {
                literal.append(unit)
                index += 1
            }
        }
        parts.append(.text(literal))
    }

    func append(match: NSTextCheckingResult, in units: [UInt16], to result: inout [UInt16]) {
        for part in parts {
            switch part {
            case .text(let text):
                result.append(contentsOf: text)
            case .group(let number):
                let range = match.range(at: number)
                if range.location != NSNotFound { result.append(contentsOf: units[range.location..<(range.location + range.length)]) }
            }
        }
    }

    /// The replacement for a pattern without groups, whose `$0` is `wholeMatch` everywhere.
    func expanded(wholeMatch: String) -> String {
        var units: [UInt16] = []
        for part in parts {
            switch part {
            case .text(let text): units.append(contentsOf: text)
            case .group: units.append(contentsOf: wholeMatch.utf16)
            }
        }
        return String(javaUTF16: units)
    }

    private static func digit(_ unit: UInt16) -> Int? {
        unit >= 48 && unit <= 57 ? Int(unit - 48) : nil
    }

    private static func groupNumber(named name: String, in regex: NSRegularExpression) -> Int? {
        // Groups are numbered by their opening parenthesis, named ones included, as in Java.
        let pattern = Array(regex.pattern.utf16)
        let marker = Array("(?<\(name)>".utf16)
        var number = 0
        var index = 0
        while index < pattern.count {
            if pattern[index] == UInt16(UInt8(ascii: "\\")) {
                index += 2
                continue
            }
            if pattern[index] == UInt16(UInt8(ascii: "(")) {
                if pattern[index...].starts(with: marker) { return number + 1 }
                let next = index + 1 < pattern.count ? pattern[index + 1] : 0
                let afterNext = index + 2 < pattern.count ? pattern[index + 2] : 0
                let isNamed = next == UInt16(UInt8(ascii: "?")) && afterNext == UInt16(UInt8(ascii: "<"))
                    && index + 3 < pattern.count && pattern[index + 3] != UInt16(UInt8(ascii: "=")) && pattern[index + 3] != UInt16(UInt8(ascii: "!"))
                if next != UInt16(UInt8(ascii: "?")) || isNamed { number += 1 }
            }
            index += 1
        }
        return nil
    }
}
