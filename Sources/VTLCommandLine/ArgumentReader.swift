/// Reads `--name value`, `--name=value` and bare flags from a subcommand's arguments.
struct ArgumentReader {
    private(set) var remaining: [String]

    init(_ arguments: [String]) {
        remaining = arguments
    }

    /// Removes `--name` and reports whether it was there.
    mutating func flag(_ name: String) -> Bool {
        guard let index = remaining.firstIndex(of: name) else { return false }
        remaining.remove(at: index)
        return true
    }

    /// Every value given for a repeatable option, in order.
    mutating func values(_ name: String) throws(UsageError) -> [String] {
        var found: [String] = []
        var index = 0
        while index < remaining.count {
            let argument = remaining[index]
            if argument == name {
                guard index + 1 < remaining.count else { throw UsageError("\(name) needs a value") }
                found.append(remaining[index + 1])
                remaining.removeSubrange(index...(index + 1))
            } else if argument.hasPrefix(name + "=") {
                found.append(String(argument.dropFirst(name.count + 1)))
                remaining.remove(at: index)
            } else {
                index += 1
            }
        }
        return found
    }

    /// The value of an option given at most once.
    mutating func value(_ name: String) throws(UsageError) -> String? {
        let found = try values(name)
        guard found.count <= 1 else { throw UsageError("\(name) is given more than once") }
        return found.first
    }

    /// `K=V` pairs of a repeatable option.
    mutating func pairs(_ name: String) throws(UsageError) -> [(String, String)] {
        var pairs: [(String, String)] = []
        for value in try values(name) {
            guard let equals = value.firstIndex(of: "=") else { throw UsageError("\(name) takes NAME=VALUE, got '\(value)'") }
            pairs.append((String(value[..<equals]), String(value[value.index(after: equals)...])))
        }
        return pairs
    }

    /// Fails on anything left that looks like an option; returns the positional arguments.
    func positionals() throws(UsageError) -> [String] {
        if let unknown = remaining.first(where: { $0.hasPrefix("--") || ($0.hasPrefix("-") && $0 != "-") }) {
            throw UsageError("unknown option '\(unknown)'")
        }
        return remaining
    }
}

/// A command line the tool cannot follow; exit 64 with the usage.
struct UsageError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// An input the tool cannot read; exit 66.
struct InputError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
