/// How deeply lists and maps nest inside a value, measured without recursing: copying or
/// comparing a value recurses once per level, and a template can nest a list a hundred
/// thousand deep (`#set($a = [$a])` in nested loops), far past what the call stack holds.
extension RuntimeValue {
    /// Whether lists, maps and entries nest more than `limit` levels below this value (a
    /// cycle counts once, as a snapshot turns it into null).
    func nests(deeperThan limit: Int) -> Bool {
        guard let (root, children) = Self.container(self) else { return false }
        var heights: [ObjectIdentifier: Int] = [:]
        var open: Set<ObjectIdentifier> = [ObjectIdentifier(root)]
        var stack: [(id: ObjectIdentifier, children: [RuntimeValue], next: Int, height: Int)] = [(ObjectIdentifier(root), children, 0, 0)]
        while let top = stack.indices.last {
            if stack.count > limit { return true }
            if stack[top].next < stack[top].children.count {
                let child = stack[top].children[stack[top].next]
                stack[top].next += 1
                guard let (object, grandchildren) = Self.container(child) else { continue }
                let id = ObjectIdentifier(object)
                if let known = heights[id] {
                    stack[top].height = max(stack[top].height, known)
                } else if !open.contains(id) {
                    open.insert(id)
                    stack.append((id, grandchildren, 0, 0))
                }
            } else {
                let finished = stack.removeLast()
                open.remove(finished.id)
                let height = finished.height + 1
                if height > limit { return true }
                heights[finished.id] = height
                if let parent = stack.indices.last { stack[parent].height = max(stack[parent].height, height) }
            }
        }
        return false
    }

    /// The storage and children of a list or map, looking through `Map.Entry` wrappers.
    private static func container(_ value: RuntimeValue) -> (AnyObject, [RuntimeValue])? {
        var value = value
        if case .entry(let map, let key) = value { value = map.entryValue(key) }
        switch value {
        case .list(let storage): return (storage, storage.elements)
        case .map(let storage): return (storage, storage.pairs.map(\.value))
        default: return nil
        }
    }
}
