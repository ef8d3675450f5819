import JavaLang

/// Why Jayway stopped: `PathNotFoundException` or another exception.
enum PathFailure: Error {
    case notFound(String)
    case invalid(String)
    /// One of our limits, not Jayway's: it stops the whole evaluation.
    case limitExceeded(String)
}

/// Walks a document along compiled steps with Jayway 2.0.0's rules, including its quirks:
/// an array wildcard forgives a branch that misses but an object wildcard does not, and a
/// scan that meets an array applies the step after the index to every element (`$..[0].x`
/// on `{"a":[{"x":1},{"x":2}]}` gives `[1,2]`).
struct PathEvaluator {
    let steps: [PathStep]
    let root: JSONValue
    /// Shared by the evaluators of one path evaluation, its filters' included.
    let shared: SharedEvaluation
    var results: [JSONValue] = []
    /// Where the walk is, as Jayway spells it in its messages. Kept as parts and spelled only
    /// when a message needs it: a scan (`$..x`) visits every node of the document.
    private var origin = "$"
    private var trail: [TrailPart] = []

    private enum TrailPart {
        case key(String)
        case index(Int)
    }

    var path: String {
        var text = origin
        for part in trail {
            switch part {
            case .key(let key): text += "['\(key)']"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    init(steps: [PathStep], root: JSONValue, shared: SharedEvaluation) {
        self.steps = steps
        self.root = root
        self.shared = shared
    }

    func isUpstreamDefinite(_ step: Int) -> Bool {
        steps[..<step].allSatisfy(\.isDefinite)
    }

    /// Evaluates from `step`, with messages naming paths from `origin` (`$`, or `@` in a filter).
    mutating func evaluate(step: Int, model: JSONValue, origin: String) throws(PathFailure) {
        self.origin = origin
        trail.removeAll()
        try evaluate(step: step, model: model)
    }

    mutating func found(_ value: JSONValue, afterStep step: Int) throws(PathFailure) {
        if step + 1 >= steps.count {
            try shared.visit()
            results.append(value)
        } else {
            try evaluate(step: step + 1, model: value)
        }
    }

    /// `found`, one key or index further along the trail.
    private mutating func found(_ value: JSONValue, afterStep step: Int, at part: TrailPart) throws(PathFailure) {
        trail.append(part)
        defer { trail.removeLast() }
        try found(value, afterStep: step)
    }

    private mutating func evaluate(step: Int, model: JSONValue, at part: TrailPart) throws(PathFailure) {
        trail.append(part)
        defer { trail.removeLast() }
        try evaluate(step: step, model: model)
    }

    private mutating func walk(_ model: JSONValue, scanStep: Int, at part: TrailPart) throws(PathFailure) {
        trail.append(part)
        defer { trail.removeLast() }
        try walk(model, scanStep: scanStep)
    }

    mutating func evaluate(step: Int, model: JSONValue) throws(PathFailure) {
        try shared.visit()
        guard step < steps.count else {
            results.append(model)
            return
        }
        let isLeaf = step == steps.count - 1
        switch steps[step] {
        case .property(let names):
            guard case .object(let object) = model else {
                throw .notFound("Property \(steps[step].fragment) not found in path \(path)")
            }
            if names.count == 1 {
                guard let value = object[names[0]] else {
                    let evalPath = path + "['\(names[0])']"
                    throw .notFound(isLeaf ? "No results for path: \(evalPath)" : "Missing property in path \(evalPath)")
                }
                try found(value, afterStep: step, at: .key(names[0]))
            } else {
                let evalPath = path + steps[step].fragment
                guard isLeaf else { throw .invalid("Multi properties can only be used as path leafs: \(evalPath)") }
                var merged = JSONObject()
                for name in names { if let value = object[name] { merged[name] = value } }
                results.append(.object(merged))
            }
        case .index(let indexes):
            let elements = try arrayModel(model, step: step)
            for index in indexes { try element(index, of: elements, step: step) }
        case .slice(let from, let to):
            let elements = try arrayModel(model, step: step)
            for index in Self.sliceIndexes(from: from, to: to, count: elements.count) {
                try element(index, of: elements, step: step)
            }
        case .wildcard:
            switch model {
            case .object(let object):
                for (key, value) in object { try found(value, afterStep: step, at: .key(key)) }
            case .array(let elements):
                for index in elements.indices {
                    do {
                        try element(index, of: elements, step: step)
                    } catch {
                        guard case .notFound = error else { throw error }
                    }
                }
            default:
                break
            }
        case .scan:
            try walk(model, scanStep: step)
        case .filter(let expression):
            switch model {
            case .object:
                if try accepts(expression, model) { try found(model, afterStep: step) }
            case .array(let elements):
                for (index, element) in elements.enumerated() where try accepts(expression, element) {
                    try found(element, afterStep: step, at: .index(index))
                }
            default:
                throw .invalid("Filter: [?] can not be applied to primitives. Current context is: \(JavaText.string(model))")
            }
        }
    }

    /// Jayway's slice arithmetic: only `[from:]` and `[:to]` count negative bounds from the
    /// end; `[from:to]` with a negative `from` walks off the array and fails.
    static func sliceIndexes(from: Int?, to: Int?, count: Int) -> [Int] {
        switch (from, to) {
        case (let from?, nil):
            let start = max(0, from < 0 ? count + from : from)
            return start < count ? Array(start..<count) : []
        case (nil, let to?):
            let end = min(count, to < 0 ? count + to : to)
            return end > 0 ? Array(0..<end) : []
        case (let from?, let to?):
            let end = min(count, to)
            return from < end && count > 0 ? Array(from..<end) : []
        case (nil, nil):
            return []
        }
    }

    func arrayModel(_ model: JSONValue, step: Int) throws(PathFailure) -> [JSONValue] {
        switch model {
        case .array(let elements):
            return elements
        case .null:
            if isUpstreamDefinite(step) { throw .notFound("The path \(path) is null") }
            return []
        default:
            throw .invalid("Filter: \(steps[step].fragment) can only be applied to arrays. Current context is: \(JavaText.string(model))")
        }
    }

    mutating func element(_ index: Int, of elements: [JSONValue], step: Int) throws(PathFailure) {
        guard elements.indices.contains(index) else {
            throw .notFound("Index out of bounds when evaluating path \(path)[\(index)]")
        }
        try found(elements[index], afterStep: step, at: .index(index))
    }

    /// `..`: test every container, depth first, parent before children.
    mutating func walk(_ model: JSONValue, scanStep: Int) throws(PathFailure) {
        try shared.visit()
        let target = scanStep + 1
        switch model {
        case .object(let object):
            if try scanMatches(model, target: target) { try evaluate(step: target, model: model) }
            for (key, value) in object { try walk(value, scanStep: scanStep, at: .key(key)) }
        case .array(let elements):
            if try scanMatches(model, target: target) {
                if target == steps.count - 1 {
                    try evaluate(step: target, model: model)
                } else {
                    for (index, element) in elements.enumerated() {
                        try evaluate(step: target + 1, model: element, at: .index(index))
                    }
                }
            }
            for (index, element) in elements.enumerated() { try walk(element, scanStep: scanStep, at: .index(index)) }
        default:
            break
        }
    }

    func scanMatches(_ model: JSONValue, target: Int) throws(PathFailure) -> Bool {
        switch steps[target] {
        case .property(let names):
            guard case .object(let object) = model else { return false }
            return names.allSatisfy { object[$0] != nil }
        case .index, .slice:
            if case .array = model { return true }
            return false
        case .wildcard, .scan:
            return true
        case .filter(let expression):
            guard case .object = model else { return false }
            return try accepts(expression, model)
        }
    }
}
