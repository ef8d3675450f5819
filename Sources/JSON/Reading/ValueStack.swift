/// The values of the containers still open, kept in fixed blocks of `blockSize` rather than one
/// buffer that doubles.
///
/// A doubling buffer soon asks malloc for 1 KiB or more, and glibc's malloc answers such a
/// request by first merging every small block freed since (here: the Strings and arrays of the
/// previous request's tree). The parse then finds no freed block of the size it needs and
/// takes malloc's slow path for each of its own. Blocks of `blockSize` values stay below that
/// size, and are kept for the whole parse once made. Noncopyable: it owns the blocks and
/// deinitializes whatever a failed parse left in them.
struct ValueStack: ~Copyable {
    /// 16 values of at most 32 bytes: 512 bytes a block.
    private static let blockSize = 16
    private static let blockShift = 4

    private var blocks: UnsafeMutablePointer<UnsafeMutablePointer<JSONValue>>
    private var blockCapacity = 8
    private var blockCount = 1
    /// Where the next value goes, and the end of the block it is in.
    private var next: UnsafeMutablePointer<JSONValue>
    private var blockEnd: UnsafeMutablePointer<JSONValue>
    private(set) var count = 0

    init() {
        blocks = .allocate(capacity: blockCapacity)
        next = .allocate(capacity: Self.blockSize)
        blocks.initialize(to: next)
        blockEnd = next + Self.blockSize
    }

    deinit {
        var index = 0
        while index < count {
            let run = min(Self.blockSize - (index & (Self.blockSize - 1)), count - index)
            slot(index).deinitialize(count: run)
            index += run
        }
        for block in 0..<blockCount { blocks[block].deallocate() }
        blocks.deallocate()
    }

    @inline(__always)
    mutating func push(_ value: consuming JSONValue) {
        if next == blockEnd { enterNextBlock() }
        next.initialize(to: value)
        next += 1
        count += 1
    }

    /// The value at `index` (below `count`), for replacing in place.
    @inline(__always)
    func slot(_ index: Int) -> UnsafeMutablePointer<JSONValue> {
        blocks[index >> Self.blockShift] + (index & (Self.blockSize - 1))
    }

    /// The values from `base` up, moved out into an array of exactly that many elements.
    mutating func pop(from base: Int) -> [JSONValue] {
        let total = count - base
        guard total > 0 else { return [] }
        var result: [JSONValue] = []
        result.reserveCapacity(total)
        var index = base
        while index < count {
            let run = min(Self.blockSize - (index & (Self.blockSize - 1)), count - index)
            let source = slot(index)
            for offset in 0..<run { result.append((source + offset).move()) }
            index += run
        }
        // The value at `base` was in a block, so that block exists.
        count = base
        next = slot(base)
        blockEnd = blocks[base >> Self.blockShift] + Self.blockSize
        return result
    }

    /// Moves `next` to the start of the block after the full one it is at, making that block
    /// when this is the furthest the stack has reached.
    private mutating func enterNextBlock() {
        let block = count >> Self.blockShift
        if block == blockCount {
            if blockCount == blockCapacity { growBlockList() }
            blocks[blockCount] = .allocate(capacity: Self.blockSize)
            blockCount += 1
        }
        next = blocks[block]
        blockEnd = next + Self.blockSize
    }

    private mutating func growBlockList() {
        let grown = UnsafeMutablePointer<UnsafeMutablePointer<JSONValue>>.allocate(capacity: blockCapacity * 2)
        grown.moveInitialize(from: blocks, count: blockCount)
        blocks.deallocate()
        blocks = grown
        blockCapacity *= 2
    }
}
