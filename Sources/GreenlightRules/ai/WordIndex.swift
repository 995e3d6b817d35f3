import GreenlightCore

/// A set of identifiers looked up in one pass over a text: each identifier of the text is
/// hashed as it is read and compared only with wanted words of the same hash — so the cost is
/// the text's length, not the text's length times the number of words (hundreds of wrapper
/// names over every file of a repository).
struct WordIndex {
    private var byHash: [UInt64: [[UInt8]]] = [:]

    init(_ words: Set<String>) {
        for word in words {
            let bytes = Array(word.utf8)
            bytes.withUnsafeBufferPointer { byHash[Self.hash($0[...]), default: []].append(bytes) }
        }
    }

    /// The wanted words that occur in `bytes` (UTF-8) as whole identifiers.
    func words(in bytes: [UInt8]) -> Set<String> {
        guard !byHash.isEmpty else { return [] }
        return bytes.withUnsafeBufferPointer { bytes in
            var found: Set<String> = []
            var offset = 0
            while offset < bytes.count {
                guard bytes[offset].isIdentifierByte else {
                    offset += 1
                    continue
                }
                let start = offset
                while offset < bytes.count, bytes[offset].isIdentifierByte { offset += 1 }
                let word = bytes[start..<offset]
                if let candidates = byHash[Self.hash(word)],
                   let match = candidates.first(where: { $0.elementsEqual(word) }) {
                    found.insert(String(decoding: match, as: UTF8.self))
                }
            }
            return found
        }
    }

    /// FNV-1a.
    private static func hash(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// The offset of the first `word` in `bytes` at or after `from` that stands as a whole
    /// identifier (no identifier byte on either side).
    static func firstOffset(of word: [UInt8], in bytes: [UInt8], from: Int = 0) -> Int? {
        var offset = from
        while let found = ByteSearch.firstIndex(of: word, in: bytes, from: offset) {
            let end = found + word.count
            if (found == 0 || !bytes[found - 1].isIdentifierByte) && (end == bytes.count || !bytes[end].isIdentifierByte) {
                return found
            }
            offset = found + 1
        }
        return nil
    }
}
