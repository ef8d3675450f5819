/// A position inside a ``Source``: 0-based, like the arrays it indexes. Converted to the
/// 1-based ``YAMLLocation`` only when it leaves the module.
struct Mark: Sendable, Hashable {
    /// A byte offset into ``Source/bytes``.
    var offset: Int
    var line: Int
    /// Counted in Unicode scalars, so that columns count what a person sees.
    var column: Int

    var location: YAMLLocation { YAMLLocation(line: line + 1, column: column + 1) }
}

/// The text being read, as UTF-8 bytes. Everything YAML gives meaning to is ASCII, so the
/// scanner compares bytes and lets the bytes of other characters pass as ordinary text;
/// only columns need to know where a character ends (see ``Scanner/forward()``).
struct Source: Sendable {
    /// The text with every line break turned into `\n` and any byte-order mark removed,
    /// so the scanner has one kind of line break to think about.
    let bytes: [UInt8]
    let fileName: String

    init(text: String, fileName: String) {
        var bytes = Array(text.utf8)
        if bytes.contains(.carriageReturn) { bytes = Self.normalizingLineBreaks(bytes) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        self.bytes = bytes
        self.fileName = fileName
    }

    /// `\r\n` and a lone `\r` become `\n`.
    private static func normalizingLineBreaks(_ bytes: [UInt8]) -> [UInt8] {
        var normalized: [UInt8] = []
        normalized.reserveCapacity(bytes.count)
        var previousWasCarriageReturn = false
        for byte in bytes {
            if byte == .carriageReturn {
                normalized.append(.lineFeed)
                previousWasCarriageReturn = true
                continue
            }
            if !(byte == .lineFeed && previousWasCarriageReturn) { normalized.append(byte) }
            previousWasCarriageReturn = false
        }
        return normalized
    }

    /// The text of the 0-based `line`, for diagnostics; computed only when an error is
    /// reported, so no line table is kept.
    func lineText(_ line: Int) -> String {
        var start = 0
        var currentLine = 0
        while currentLine < line, let newline = bytes[start...].firstIndex(of: .lineFeed) {
            start = newline + 1
            currentLine += 1
        }
        let end = bytes[start...].firstIndex(of: .lineFeed) ?? bytes.endIndex
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    func error(_ kind: YAMLError.Kind, _ message: String, at mark: Mark) -> YAMLError {
        YAMLError(kind: kind, message: message, fileName: fileName, location: mark.location, sourceLine: lineText(mark.line))
    }
}

/// The bytes the scanner looks for by name; the rest it writes as `UInt8(ascii:)`.
extension UInt8 {
    static var nul: UInt8 { 0 }
    static var tab: UInt8 { 0x09 }
    static var lineFeed: UInt8 { 0x0A }
    static var carriageReturn: UInt8 { 0x0D }
    static var space: UInt8 { 0x20 }

    /// Whether the byte starts a character rather than continuing one.
    var startsScalar: Bool { self & 0xC0 != 0x80 }
}
