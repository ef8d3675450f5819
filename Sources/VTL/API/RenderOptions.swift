/// How a render treats nulls and how much work it may do.
public struct RenderOptions: Sendable, Equatable {
    /// What a null or undefined reference prints and how it compares.
    public enum NullHandling: Sendable, Equatable {
        /// API Gateway: null and undefined references render as empty, and null equals `""`.
        case apiGateway
        /// Stock Velocity 1.7: undefined references render as their source text; null equals only null.
        case velocity
    }

    /// API Gateway's rules by default.
    public var nullHandling: NullHandling
    /// Work and output bounds for one render.
    public var limits: RenderLimits

    /// Creates options; the defaults are `RenderOptions.apiGateway`.
    public init(nullHandling: NullHandling = .apiGateway, limits: RenderLimits = RenderLimits()) {
        self.nullHandling = nullHandling
        self.limits = limits
    }

    /// API Gateway's behaviour, the default.
    public static let apiGateway = RenderOptions()
    /// Stock Apache Velocity 1.7, for comparing with other Velocity users.
    public static let velocity = RenderOptions(nullHandling: .velocity)
}

/// Bounds that keep a hostile template or payload from hanging or exhausting memory.
public struct RenderLimits: Sendable, Equatable {
    /// API Gateway stops a `#foreach` after 1000 iterations.
    public var foreachIterations: Int = 1000
    /// Elements a range literal such as `[1..$n]` may produce.
    public var rangeLength: Int = 100_000
    /// Nesting of macro calls, `#evaluate` and `#define` expansions.
    public var callDepth: Int = 200
    /// Bytes of output.
    public var outputBytes: Int = 64 * 1024 * 1024
    /// Nodes evaluated in one render.
    public var steps: Int = 50_000_000
    /// Time regular expressions (`matches`, `replaceAll`, `replaceFirst`, `split`) may spend
    /// matching in one render, all calls together. ICU backtracks exponentially on patterns
    /// such as `(a+)+$`; this stops them instead of hanging. Generous, because ordinary work
    /// is slow too: NSRegularExpression finds about half a million matches a second.
    public var regexTime: Duration = .seconds(10)
    /// Nesting of lists and maps in a value handed to a host object (`$util`, `$input`),
    /// compared with `==` or `equals`, or returned from a render: each recurses per level.
    public var valueDepth: Int = 1000
    /// Elements one list may hold: `$l.addAll($l)` in a loop would otherwise double it until
    /// memory runs out.
    public var listSize: Int = 1_000_000

    /// Creates the default limits shown on each property, generous for real templates.
    public init() {}
}
