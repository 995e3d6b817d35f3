/// Many keywords, one pass: an Aho–Corasick automaton over bytes, ASCII case folded, compiled
/// to a dense transition table. It reports where each keyword ends; the scanner turns those
/// positions into the few windows its regexes run on, so a file without any keyword is read
/// once and never decoded.
public struct KeywordMatcher: Sendable {
    /// The keywords, lowercased, in the order given.
    public let keywords: [String]
    /// `transitions[state * 256 + byte]`.
    private let transitions: [Int32]
    /// For each state, the keywords that end there: `outputs[outputStart[s]..<outputStart[s+1]]`.
    private let outputStart: [Int32]
    private let outputs: [Int32]

    public init(_ keywords: [String]) {
        let folded = keywords.map { String(decoding: $0.utf8.map(KeywordMatcher.fold), as: UTF8.self) }
        self.keywords = folded
        // The trie.
        var goto: [[UInt8: Int32]] = [[:]]
        var ends: [[Int32]] = [[]]
        for (index, keyword) in folded.enumerated() where !keyword.isEmpty {
            var state: Int32 = 0
            for byte in keyword.utf8 {
                if let next = goto[Int(state)][byte] {
                    state = next
                } else {
                    goto.append([:])
                    ends.append([])
                    let next = Int32(goto.count - 1)
                    goto[Int(state)][byte] = next
                    state = next
                }
            }
            ends[Int(state)].append(Int32(index))
        }
        // Failure links, breadth first, folded into a full transition table.
        let count = goto.count
        var table = [Int32](repeating: 0, count: count * 256)
        var failure = [Int32](repeating: 0, count: count)
        var queue: [Int32] = []
        for byte in 0..<256 {
            if let next = goto[0][UInt8(byte)] {
                table[byte] = next
                queue.append(next)
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            ends[Int(state)] += ends[Int(failure[Int(state)])]
            for byte in 0..<256 {
                if let next = goto[Int(state)][UInt8(byte)] {
                    failure[Int(next)] = table[Int(failure[Int(state)]) * 256 + byte]
                    table[Int(state) * 256 + byte] = next
                    queue.append(next)
                } else {
                    table[Int(state) * 256 + byte] = table[Int(failure[Int(state)]) * 256 + byte]
                }
            }
        }
        // Upper-case ASCII bytes move like their lower-case letters.
        for state in 0..<count {
            for upper in UInt8(ascii: "A")...UInt8(ascii: "Z") {
                table[state * 256 + Int(upper)] = table[state * 256 + Int(upper | 0x20)]
            }
        }
        var starts: [Int32] = [0]
        var flat: [Int32] = []
        for state in 0..<count {
            flat += ends[state]
            starts.append(Int32(flat.count))
        }
        transitions = table
        outputStart = starts
        outputs = flat
    }

    private static func fold(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// Calls `hit(keywordIndex, endOffset)` for every occurrence, in order of its end (the
    /// offset just past its last byte).
    public func scan(_ bytes: UnsafeRawBufferPointer, _ hit: (Int, Int) -> Void) {
        transitions.withUnsafeBufferPointer { table in
            outputStart.withUnsafeBufferPointer { starts in
                var state = 0
                for offset in 0..<bytes.count {
                    state = Int(table[state &* 256 &+ Int(bytes[offset])])
                    let first = Int(starts[state])
                    let last = Int(starts[state &+ 1])
                    if first != last {
                        for output in first..<last { hit(Int(outputs[output]), offset + 1) }
                    }
                }
            }
        }
    }

    /// Whether any keyword occurs.
    public func containsAny(_ bytes: [UInt8]) -> Bool {
        var found = false
        bytes.withUnsafeBytes { raw in scan(raw) { _, _ in found = true } }
        return found
    }
}
