import JSON

/// Bounds on what a request may bring to a mapping template.
public struct RequestLimits: Sendable, Equatable {
    /// Bytes of request body (UTF-8). API Gateway refuses payloads over 10 MB.
    public var bodyBytes: Int = 10 * 1024 * 1024
    /// Bounds on each `$input.json` / `$input.path` evaluation; `values` also bounds what a
    /// request's evaluations visit together.
    public var jsonPath = JSONPathLimits()

    /// Creates the limits API Gateway applies.
    public init() {}
}
