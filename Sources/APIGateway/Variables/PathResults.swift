import JSON
import Synchronization

/// The JSONPath results one request's templates have read, so that a path read on every loop
/// iteration (`$input.path('$.items')`) is compiled and evaluated once per request rather
/// than each time: both cost far more than finding the path among the ones already read.
///
/// Only successful results are kept; a failing path fails again in the same way. Keeping them
/// is safe because a result depends on nothing but the path and the document, which does not
/// change once parsed. At most `capacity` paths are kept, the oldest replaced first: a template
/// that builds its paths in a loop (`$input.path("$.items[$i]")`) would otherwise keep one
/// result for every iteration.
final class PathResults: Sendable {
    private static let capacity = 16
    private let kept = Mutex(Kept())

    private struct Kept {
        var results: [(path: String, result: JSONPathResult)] = []
        /// The position the next path replaces once `results` is full.
        var oldest = 0
    }

    func result(of path: String) -> JSONPathResult? {
        kept.withLock { kept in kept.results.first(where: { $0.path == path })?.result }
    }

    func remember(_ result: JSONPathResult, of path: String) {
        kept.withLock { kept in
            guard kept.results.count == Self.capacity else {
                kept.results.append((path, result))
                return
            }
            kept.results[kept.oldest] = (path, result)
            kept.oldest = (kept.oldest + 1) % Self.capacity
        }
    }
}
