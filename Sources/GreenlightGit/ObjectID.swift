import CGit2

/// A git object id as a hashable value, for dictionaries keyed by commit or tree.
struct ObjectID: Hashable {
    private let high: UInt64
    private let middle: UInt64
    private let low: UInt32

    init(_ oid: git_oid) {
        var copy = oid
        (high, middle, low) = withUnsafeBytes(of: &copy.id) { raw in
            (raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
        }
    }

    var oid: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { raw in
            raw.storeBytes(of: high, toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: middle, toByteOffset: 8, as: UInt64.self)
            raw.storeBytes(of: low, toByteOffset: 16, as: UInt32.self)
        }
        return oid
    }

    var hex: String { GitRepository.hex(oid) }
}

/// A set of small integers (path indexes) as a bit set; the first 64 live inline, so the
/// common case allocates nothing.
struct IndexSet64: Equatable {
    private var first: UInt64 = 0
    private var rest: [UInt64]

    init(capacity: Int) {
        rest = capacity > 64 ? Array(repeating: 0, count: (capacity - 1) / 64) : []
    }

    static func all(_ count: Int) -> IndexSet64 {
        var set = IndexSet64(capacity: count)
        for index in 0..<count { set.insert(index) }
        return set
    }

    var isEmpty: Bool { first == 0 && rest.allSatisfy { $0 == 0 } }

    func contains(_ index: Int) -> Bool { word(index >> 6) & (1 << UInt64(index & 63)) != 0 }

    mutating func insert(_ index: Int) { update(index >> 6) { $0 |= 1 << UInt64(index & 63) } }

    mutating func remove(_ index: Int) { update(index >> 6) { $0 &= ~(1 << UInt64(index & 63)) } }

    func intersection(_ other: IndexSet64) -> IndexSet64 { combined(other) { $0 & $1 } }

    func subtracting(_ other: IndexSet64) -> IndexSet64 { combined(other) { $0 & ~$1 } }

    mutating func formUnion(_ other: IndexSet64) { self = combined(other) { $0 | $1 } }

    /// The members, ascending.
    var members: [Int] {
        var result: [Int] = []
        for position in 0...rest.count {
            var bits = word(position)
            while bits != 0 {
                result.append(position * 64 + bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        return result
    }

    private func word(_ position: Int) -> UInt64 { position == 0 ? first : rest[position - 1] }

    private mutating func update(_ position: Int, _ change: (inout UInt64) -> Void) {
        if position == 0 { change(&first) } else { change(&rest[position - 1]) }
    }

    private func combined(_ other: IndexSet64, _ operation: (UInt64, UInt64) -> UInt64) -> IndexSet64 {
        var result = self
        result.first = operation(first, other.first)
        for position in result.rest.indices { result.rest[position] = operation(rest[position], other.rest[position]) }
        return result
    }
}
