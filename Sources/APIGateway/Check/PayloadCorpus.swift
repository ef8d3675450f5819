/// One hostile input for the sweep.
public struct CheckPayload: Sendable, Equatable {
    /// How the payload reaches the template.
    public enum Placement: Sendable, Equatable {
        /// The text is a value: it goes into every JSON body field the template reads (as a JSON
        /// string), and into every header, query and path parameter that can carry it.
        case value
        /// The text is the whole request body, as sent; parameters carry harmless values.
        case body
    }

    /// A short name shown in reports, such as `ampersand`.
    public var name: String
    /// The characters sent: a value for `.value` placement, the whole body for `.body`.
    public var text: String
    /// Whether the text is a field value or the whole body.
    public var placement: Placement

    /// Creates a payload, such as one read from a user's `--payloads` file.
    public init(name: String, text: String, placement: Placement) {
        self.name = name
        self.text = text
        self.placement = placement
    }
}

/// The built-in payloads: the characters and shapes that break mapping templates in the wild
/// (form delimiters, JSON and JavaScript escapes, control and astral characters, odd bodies).
/// Kept small enough that a sweep over a whole API stays well under a second.
public enum PayloadCorpus {
    /// Every built-in payload, values first, then whole bodies.
    public static let builtIn: [CheckPayload] = values + bodies

    static let values: [CheckPayload] = [
        value("ampersand", "fish & chips"),
        value("equals", "a=b"),
        value("plus", "1+1=2"),
        value("percent", "100% sure"),
        value("hash", "#hashtag"),
        value("question-mark", "why? because"),
        value("slash", "a/b/c"),
        value("backslash", #"C:\temp\new"#),
        value("single-quote", "it's"),
        value("double-quote", #"say "hi""#),
        value("looks-encoded", "%20%2B%26"),
        value("bad-percent", "%zz%"),
        value("form-fields", "a=1&b=2&Action=DeleteQueue"),
        value("script", "<script>alert('x')</script>"),
        value("newline", "line one\nline two"),
        value("carriage-return", "a\r\nb"),
        value("tab", "a\tb"),
        value("nul", "a\u{0}b"),
        value("control-characters", "\u{1}\u{8}\u{B}\u{C}\u{1F}\u{7F}"),
        value("line-separators", "a\u{2028}b\u{2029}c"),
        value("non-ascii", "café naïve Ünïcödé ß"),
        value("combining-marks", "e\u{301}n\u{303}"),
        value("right-to-left", "שלום مرحبا \u{202E}txt"),
        value("emoji", "😀👍🏽👨‍👩‍👧"),
        value("astral", "𝄞𝕏𠀋"),
        value("json-text", #"{"nested": ["json", 1]}"#),
        value("velocity-text", "$input.body ${x} #if(true)x#end"),
        value("empty-string", ""),
        value("spaces", "  padded  "),
        value("long-string", String(repeating: "long text & more = ", count: 600)),
    ]

    static let bodies: [CheckPayload] = [
        body("empty-body", ""),
        body("whitespace-body", " \n\t "),
        body("form-body", "a=1&b=two+three&c=%41"),
        body("plain-text-body", "hello world + 50% off & more"),
        body("deep-nesting", String(repeating: #"{"a":"#, count: 60) + "1" + String(repeating: "}", count: 60)),
        body("big-and-tiny-numbers", #"{"big": 123456789012345678901234567890, "tiny": 4.9e-324, "negative": -0.0, "exponent": 1E400}"#),
        body("duplicate-keys", #"{"message": "first", "message": "second"}"#),
        body("lone-surrogate", #"{"message": "\ud800 and \udfff"}"#),
        body("escaped-controls", #"{"message": "\u0000\u001f\n\r\t\"\\\/\u2028"}"#),
        body("array-body", #"[1, "two", {"three": 3}]"#),
    ]

    private static func value(_ name: String, _ text: String) -> CheckPayload {
        CheckPayload(name: name, text: text, placement: .value)
    }

    private static func body(_ name: String, _ text: String) -> CheckPayload {
        CheckPayload(name: name, text: text, placement: .body)
    }
}
