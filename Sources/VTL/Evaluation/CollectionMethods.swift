/// `java.util.List` and `java.util.Map` methods. Lists and maps are shared: these mutate in place.
extension Renderer {
    func listMethod(_ name: String, on list: ListStorage, arguments: [RuntimeValue], at offset: Int) throws(VTLError) -> RuntimeValue? {
        let outOfBounds = { (position: Int) -> VTLError in
            self.error("\(name) failed: index \(position) is out of bounds for a list of \(list.elements.count) elements", at: offset)
        }
        switch (name, arguments.count) {
        case ("size", 0):
            return .integer(list.elements.count)
        case ("isEmpty", 0):
            return .bool(list.elements.isEmpty)
        case ("get", 1):
            guard case .integer(let position) = arguments[0] else { return nil }
            guard list.elements.indices.contains(position) else { throw outOfBounds(position) }
            return list.element(at: position)
        case ("add", 1):
            try checkGrowth(of: list, by: 1, at: offset)
            noteStoring(arguments[0], in: .list(list))
            list.elements.append(arguments[0])
            return .bool(true)
        case ("add", 2):
            guard case .integer(let position) = arguments[0] else { return nil }
            guard position >= 0, position <= list.elements.count else { throw outOfBounds(position) }
            noteStoring(arguments[1], in: .list(list))
            list.elements.insert(arguments[1], at: position)
            return .null
        case ("set", 2):
            guard case .integer(let position) = arguments[0] else { return nil }
            guard list.elements.indices.contains(position) else { throw outOfBounds(position) }
            let previous = list.elements[position]
            noteStoring(arguments[1], in: .list(list))
            list.elements[position] = arguments[1]
            return previous
        case ("remove", 1):
            // Java picks remove(int) for an Integer argument and remove(Object) otherwise.
            if case .integer(let position) = arguments[0] {
                guard list.elements.indices.contains(position) else { throw outOfBounds(position) }
                return list.elements.remove(at: position)
            }
            guard let position = list.elements.firstIndex(where: { Equality.javaEquals($0, arguments[0]) }) else { return .bool(false) }
            list.elements.remove(at: position)
            return .bool(true)
        case ("contains", 1):
            return .bool(list.elements.contains { Equality.javaEquals($0, arguments[0]) })
        case ("indexOf", 1):
            return .integer(list.elements.firstIndex { Equality.javaEquals($0, arguments[0]) } ?? -1)
        case ("lastIndexOf", 1):
            return .integer(list.elements.lastIndex { Equality.javaEquals($0, arguments[0]) } ?? -1)
        case ("clear", 0):
            list.elements.removeAll()
            return .null
        case ("addAll", 1):
            if arguments[0].isNull { throw self.error("addAll failed: its argument is null (Java throws NullPointerException)", at: offset) }
            // A list read from the body (`$input.path('$.items')`) is added as any list is.
            guard case .list(let other) = arguments[0].thawed() else { return nil }
            // `$l.addAll($l)` in a loop doubles the list each time.
            try checkGrowth(of: list, by: other.elements.count, at: offset)
            if other.elements.contains(where: \.canMakeCycle) { noteStoring(.list(other), in: .list(list)) }
            list.elements.append(contentsOf: other.elements)
            return .bool(!other.elements.isEmpty)
        case ("subList", 2):
            guard case .integer(let from) = arguments[0], case .integer(let to) = arguments[1] else { return nil }
            guard from >= 0, to <= list.elements.count, from <= to else { throw outOfBounds(from < 0 ? from : to) }
            return .list(ListStorage(Array(list.elements[from..<to])))
        default:
            return nil
        }
    }

    func mapMethod(_ name: String, on map: MapStorage, arguments: [RuntimeValue], at offset: Int) throws(VTLError) -> RuntimeValue? {
        // By argument count first: a name is then compared only with the methods of that arity
        // (`keySet` was the tenth name tried), and each different name compared costs a call.
        switch arguments.count {
        case 0:
            switch name {
            case "keySet": return .list(ListStorage(map.keys.map(RuntimeValue.string)))
            case "size": return .integer(map.count)
            case "isEmpty": return .bool(map.count == 0)
            case "values": return .list(ListStorage(map.thawedValues))
            case "entrySet": return .list(ListStorage(map.keys.map { RuntimeValue.entry(map, key: $0) }))
            case "clear":
                map.removeAll()
                return .null
            default: return nil
            }
        case 1:
            switch name {
            case "get": return map.get(arguments[0].javaString) ?? .null
            case "containsKey": return .bool(map.get(arguments[0].javaString) != nil)
            case "remove": return map.remove(arguments[0].javaString) ?? .null
            case "putAll":
                if arguments[0].isNull { throw self.error("putAll failed: its argument is null (Java throws NullPointerException)", at: offset) }
                guard case .map(let other) = arguments[0].thawed() else { return nil }
                if other.orderedValues.contains(where: \.canMakeCycle) { noteStoring(.map(other), in: .map(map)) }
                for (key, value) in other.pairs { map.put(key, value) }
                return .null
            case "containsValue": return .bool(map.orderedValues.contains { Equality.javaEquals($0, arguments[0]) })
            default: return nil
            }
        case 2:
            switch name {
            case "put":
                noteStoring(arguments[1], in: .map(map))
                return map.put(arguments[0].javaString, arguments[1]) ?? .null
            case "getOrDefault": return map.get(arguments[0].javaString) ?? arguments[1]
            default: return nil
            }
        default:
            return nil
        }
    }

    /// Records `container` when a list, map or entry goes into it, so `finish()` can break any cycle made.
    func noteStoring(_ value: RuntimeValue, in container: RuntimeValue) {
        if value.canMakeCycle { containersHoldingContainers.append(container) }
    }

    private func checkGrowth(of list: ListStorage, by added: Int, at offset: Int) throws(VTLError) {
        let limit = options.limits.listSize
        guard list.elements.count + added > limit else { return }
        throw error(.limitExceeded, "a list would grow past the listSize limit of \(limit) elements", at: offset)
    }
}
