/// How Java spells and reads `double` values, which templates print and compare.
public enum JavaDouble {
    /// Java's `Double.toString`: `"1.0"`, `"1.0E8"`, `"1.0E-4"`, `"0.30000000000000004"`,
    /// `"NaN"`, `"Infinity"`, `"-0.0"`, `"1.23456789E8"`.
    ///
    /// Magnitudes in [10^-3, 10^7) are written as plain decimals with at least one digit after
    /// the point; others in computerized scientific notation `d.dddE[-]n`. The digits are the
    /// shortest that round-trip (Swift's `description`), which is what JDK 19+ prints. JDK 17,
    /// the oracle's runtime, sometimes prints one more digit than needed (e.g. `2.0E-3`-style
    /// cases fixed by JDK-4511638); those values are rare and not reproduced.
    public static func string(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        // Java always shows two significant digits in this notation and picks the closer
        // two-digit decimal; only for the smallest subnormal does that differ from "5.0".
        if value.magnitude == Double.leastNonzeroMagnitude { return value < 0 ? "-4.9E-324" : "4.9E-324" }
        let magnitudeInPlainRange = value.magnitude >= 1e-3 && value.magnitude < 1e7
        // Whole numbers such as prices and counts are common: "3.0" needs no digit search.
        if let whole = wholeNumber(value) { return String(whole) + ".0" }
        if magnitudeInPlainRange {
            // In this range Swift's shortest form is already Java's spelling ("1.5", "0.001", "100.0").
            let text = value.description
            if !text.utf8.contains(UInt8(ascii: "e")) { return text }
        }
        let (digits, exponent) = shortestDigits(value.magnitude)
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        if magnitude >= 1e-3 && magnitude < 1e7 {
            if exponent >= 0 {
                let integerCount = exponent + 1
                let padded = digits + String(repeating: "0", count: max(0, integerCount - digits.count))
                let integerPart = padded.prefix(integerCount)
                let fraction = padded.dropFirst(integerCount)
                return sign + integerPart + "." + (fraction.isEmpty ? "0" : fraction)
            }
            return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits
        }
        let rest = digits.dropFirst()
        return sign + digits.prefix(1) + "." + (rest.isEmpty ? "0" : rest) + "E" + String(exponent)
    }

    /// The integer a double equals when Java prints it as that integer and `.0` (`3.0`,
    /// `-250.0`): a nonzero whole number below 10^7 in magnitude. Nil for any other value.
    @inline(__always)
    public static func wholeNumber(_ value: Double) -> Int? {
        guard value.magnitude >= 1, value.magnitude < 1e7, value == value.rounded(.towardZero) else { return nil }
        return Int(value)
    }

    /// The significant decimal digits (no leading or trailing zeros) and the power of ten of
    /// the first one, so that `value = d.ddd × 10^exponent`.
    static func shortestDigits(_ value: Double) -> (digits: String, exponent: Int) {
        // Swift's description is the shortest round-tripping form, e.g. "1e-05", "123.45", "1.5e+20".
        let text = value.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        let point = mantissa.firstIndex(of: ".") ?? mantissa.endIndex
        let integerDigits = mantissa.distance(from: mantissa.startIndex, to: point)
        var digits = mantissa.filter { $0 != "." }[...]
        var firstPower = exponent + integerDigits - 1
        while digits.first == "0" {
            digits = digits.dropFirst()
            firstPower -= 1
        }
        while digits.last == "0" { digits = digits.dropLast() }
        return (String(digits), firstPower)
    }

    /// Java's `Double.parseDouble` for decimal text: surrounding whitespace, an optional sign,
    /// digits with an optional point (`1.`, `.5`), an optional exponent, an optional `d`/`f`
    /// suffix, or `NaN` / `Infinity`. Nil when Java would throw `NumberFormatException`.
    ///
    /// Hexadecimal floating-point literals are not accepted; neither templates nor JSON use them.
    public static func parse(_ text: some StringProtocol) -> Double? {
        let bytes = Array(text.utf8)
        // Java's trim(): every char up to U+0020 is whitespace.
        var start = 0
        var end = bytes.count
        while start < end && bytes[start] <= 0x20 { start += 1 }
        while end > start && bytes[end - 1] <= 0x20 { end -= 1 }
        var index = start
        var negative = false
        if index < end && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        let word = String(decoding: bytes[index..<end], as: UTF8.self)
        if word == "NaN" { return Double.nan }
        if word == "Infinity" { return negative ? -Double.infinity : Double.infinity }
        if end > index, [UInt8(ascii: "d"), UInt8(ascii: "D"), UInt8(ascii: "f"), UInt8(ascii: "F")].contains(bytes[end - 1]) {
            end -= 1
        }
        func isDigit(_ i: Int) -> Bool { i < end && bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9") }
        var mantissaDigits = 0
        while isDigit(index) { index += 1; mantissaDigits += 1 }
        if index < end && bytes[index] == UInt8(ascii: ".") {
            index += 1
            while isDigit(index) { index += 1; mantissaDigits += 1 }
        }
        guard mantissaDigits > 0 else { return nil }
        if index < end && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            if index < end && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
            guard isDigit(index) else { return nil }
            while isDigit(index) { index += 1 }
        }
        guard index == end else { return nil }
        // The syntax is checked above; Swift's own conversion rounds correctly, as Java's does.
        return Double(String(decoding: bytes[start..<end], as: UTF8.self))
    }
}
