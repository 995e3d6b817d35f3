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

/// A set of small integers (path indexes) as a bit set.
struct IndexSet64: Equatable {
    private(set) var words: [UInt64]

    init(capacity: Int) {
        words = Array(repeating: 0, count: (capacity + 63) / 64)
    }

    static func all(_ count: Int) -> IndexSet64 {
        var set = IndexSet64(capacity: count)
        for index in 0..<count { set.insert(index) }
        return set
    }

    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    func contains(_ index: Int) -> Bool { words[index >> 6] & (1 << UInt64(index & 63)) != 0 }

    mutating func insert(_ index: Int) { words[index >> 6] |= 1 << UInt64(index & 63) }

    mutating func remove(_ index: Int) { words[index >> 6] &= ~(1 << UInt64(index & 63)) }

    func intersection(_ other: IndexSet64) -> IndexSet64 {
        var result = self
        for word in result.words.indices { result.words[word] &= other.words[word] }
        return result
    }

    func subtracting(_ other: IndexSet64) -> IndexSet64 {
        var result = self
        for word in result.words.indices { result.words[word] &= ~other.words[word] }
        return result
    }

    mutating func formUnion(_ other: IndexSet64) {
        for word in words.indices { words[word] |= other.words[word] }
    }

    /// The members, ascending.
    var members: [Int] {
        var result: [Int] = []
        for (position, word) in words.enumerated() where word != 0 {
            var rest = word
            while rest != 0 {
                let bit = rest.trailingZeroBitCount
                result.append(position * 64 + bit)
                rest &= rest - 1
            }
        }
        return result
    }
}
