import Synchronization
import VTL

/// A request's path, query-string and header parameters, as `$input.params` reads them.
///
/// Most templates ask for a few parameters by name, or none, so names are looked up in the
/// request's lists and the three maps `$input.params()` shows are built only when a template
/// first asks for them, then kept for the rest of the request.
final class RequestParameters: Sendable {
    private let path: [Parameter]
    private let querystring: [Parameter]
    private let header: [Parameter]
    private let maps = Mutex<Value?>(nil)

    init(_ request: MethodRequest) {
        path = request.pathParameters
        querystring = request.queryString
        header = request.headers
    }

    /// Path, then query string, then header, each matched by exact name; `""` when absent.
    /// A repeated name gives its last value, as the maps do.
    func value(named name: String) -> String {
        if let value = Self.lastValue(named: name, in: path) { return value }
        if let value = Self.lastValue(named: name, in: querystring) { return value }
        if let value = Self.lastValue(named: name, in: header), !HiddenHeaders.hides(name) { return value }
        return ""
    }

    /// `{path={...}, querystring={...}, header={...}}`, each map in the order sent.
    var allMaps: Value {
        maps.withLock { cached in
            if let cached { return cached }
            var all = OrderedMap()
            all.reserveCapacity(3)
            all.setValue(.map(Self.map(path)), forKey: "path")
            all.setValue(.map(Self.map(querystring)), forKey: "querystring")
            all.setValue(.map(Self.map(header)), forKey: "header")
            let built = Value.map(all)
            cached = built
            return built
        }
    }

    /// `==` on names is the same comparison a `String`-keyed map makes.
    private static func lastValue(named name: String, in parameters: [Parameter]) -> String? {
        parameters.last(where: { $0.name == name })?.value
    }

    /// A repeated name keeps its first position and its last value.
    private static func map(_ parameters: [Parameter]) -> OrderedMap {
        var map = OrderedMap()
        map.reserveCapacity(parameters.count)
        for parameter in parameters { map.setValue(.string(parameter.value), forKey: parameter.name) }
        return map
    }
}
