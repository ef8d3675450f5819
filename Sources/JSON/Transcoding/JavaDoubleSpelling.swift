/// Recognises a double written in the body exactly as Java's `Double.toString` would print it
/// (`1.5`, `3.0`, `0.25`, `-120.75`), so the transcoder copies it instead of printing the
/// value again: prices and measures are most of a body's numbers, and printing a double is
/// far dearer than checking its digits.
///
/// Why the text is then Java's: with at most 15 significant digits, the decimal is the only
/// one of that length or shorter that reads as this double (any decimal of up to 15 digits
/// survives a round trip through a double), so it is the shortest that round-trips, which is
/// what `JavaDouble.string` prints; and in [10^-3, 10^7) Java writes it plainly, with no
/// leading zero, no trailing zero but a lone `.0`.
enum JavaDoubleSpelling {
    /// True when `text` (the number's bytes, perhaps followed by bytes up to U+0020) is
    /// `-`?digits`.`digits in Java's spelling of `value`, which the reader made from it.
    static func isJavaSpelling(_ text: UnsafeBufferPointer<UInt8>, of value: Double) -> Bool {
        guard value.magnitude >= 1e-3, value.magnitude < 1e7 else { return false }
        let count = text.count
        var index = 0
        if index < count, text[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        while index < count, isDigit(text[index]) { index += 1 }
        let integerDigits = index - integerStart
        // One integer digit at least, and a leading zero only in `0.x`.
        guard integerDigits > 0, integerDigits == 1 || text[integerStart] != UInt8(ascii: "0") else { return false }
        guard index < count, text[index] == UInt8(ascii: ".") else { return false }
        index += 1
        let fractionStart = index
        while index < count, isDigit(text[index]) { index += 1 }
        let fractionDigits = index - fractionStart
        guard fractionDigits > 0, integerDigits + fractionDigits <= 15 else { return false }
        // No trailing zero, except the `0` of a whole number's `.0`.
        guard text[index - 1] != UInt8(ascii: "0") || fractionDigits == 1 else { return false }
        while index < count {
            guard text[index] <= 0x20 else { return false }
            index += 1
        }
        return true
    }

    /// `text` without the space that may follow the number.
    static func trimmed(_ text: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var end = text.count
        while end > 0, text[end - 1] <= 0x20 { end -= 1 }
        return UnsafeBufferPointer(rebasing: text[..<end])
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
