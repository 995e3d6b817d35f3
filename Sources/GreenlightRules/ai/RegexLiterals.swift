/// The literal text a regular expression cannot match without: a set of strings, one of which
/// every match contains (`\bchat\.completions\.create\(` → `completions`;
/// `log(Generation|_generation)` → `Generation`, `_generation`). It serves as the keyword
/// prefilter: files and scopes without any of them are never matched against the expression.
/// Conservative — nil when it cannot tell (case-insensitive flags, no literal of 3 bytes).
enum RegexLiterals {
    static func required(in pattern: String) -> [String]? {
        if pattern.contains("(?i") || pattern.contains("(?x") { return nil }
        var parser = Parser(bytes: Array(pattern.utf8))
        guard let set = parser.alternation(), parser.position == parser.bytes.count else { return nil }
        let sorted = set.sorted()
        return sorted.allSatisfy({ $0.utf8.count >= 3 }) ? sorted : nil
    }

    private struct Parser {
        let bytes: [UInt8]
        var position = 0
        var depth = 0

        /// Alternatives up to `)` or the end: the union of each alternative's best set; nil
        /// when one alternative has none.
        mutating func alternation() -> Set<String>? {
            var union: Set<String> = []
            var complete = true
            while true {
                let best = sequence()
                if let best { union.formUnion(best) } else { complete = false }
                guard position < bytes.count, bytes[position] == UInt8(ascii: "|") else { break }
                position += 1
            }
            return complete && !union.isEmpty ? union : nil
        }

        /// One alternative: the candidate (a literal run, or a group's set) whose shortest
        /// string is longest.
        mutating func sequence() -> Set<String>? {
            var candidates: [Set<String>] = []
            var run: [UInt8] = []
            func flush() {
                if !run.isEmpty { candidates.append([String(decoding: run, as: UTF8.self)]) }
                run = []
            }
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "|") || byte == UInt8(ascii: ")") { break }
                var literal: UInt8?
                var group: Set<String>?
                var zeroWidth = false
                switch byte {
                case UInt8(ascii: "\\"):
                    position += 1
                    guard position < bytes.count else { return nil }
                    let escaped = bytes[position]
                    position += 1
                    if "bBAzZG".utf8.contains(escaped) {
                        zeroWidth = true
                    } else if escaped.isIdentifierByte {
                        if escaped == UInt8(ascii: "p") || escaped == UInt8(ascii: "P") || escaped == UInt8(ascii: "x")
                            || escaped == UInt8(ascii: "u") || escaped == UInt8(ascii: "Q") {
                            return nil
                        }
                    } else {
                        literal = escaped
                    }
                case UInt8(ascii: "["):
                    skipClass()
                case UInt8(ascii: "("):
                    position += 1
                    if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "?") {
                        let kind = bytes[position + 1]
                        if kind == UInt8(ascii: ":") {
                            position += 2
                        } else if kind == UInt8(ascii: "=") || kind == UInt8(ascii: "!") || kind == UInt8(ascii: "<") {
                            position += 2
                            if kind == UInt8(ascii: "<"), position < bytes.count,
                               bytes[position] == UInt8(ascii: "=") || bytes[position] == UInt8(ascii: "!") {
                                position += 1
                                zeroWidth = true
                            } else if kind == UInt8(ascii: "<") {
                                while position < bytes.count, bytes[position] != UInt8(ascii: ">") { position += 1 }
                                position += 1
                            } else {
                                zeroWidth = true
                            }
                        } else {
                            return nil
                        }
                    }
                    depth += 1
                    guard depth < 32 else { return nil }
                    let inner = alternation()
                    depth -= 1
                    guard position < bytes.count, bytes[position] == UInt8(ascii: ")") else { return nil }
                    position += 1
                    group = zeroWidth ? nil : inner
                case UInt8(ascii: "^"), UInt8(ascii: "$"):
                    position += 1
                    zeroWidth = true
                case UInt8(ascii: "."):
                    position += 1
                default:
                    position += 1
                    literal = byte
                }
                switch quantifier() {
                case .optional:
                    flush()
                    continue
                case .repeated:
                    if let literal { run.append(literal) }
                    flush()
                    if let group { candidates.append(group) }
                    continue
                case .once:
                    break
                }
                if let literal {
                    run.append(literal)
                } else if !zeroWidth {
                    flush()
                    if let group { candidates.append(group) }
                }
            }
            flush()
            return candidates.max { score($0) < score($1) }
        }

        enum Quantifier { case once, optional, repeated }

        /// `?`, `*`, `{0,…}` make the atom optional; `+`, `{n,…}` repeat it.
        mutating func quantifier() -> Quantifier {
            guard position < bytes.count else { return .once }
            var result = Quantifier.once
            switch bytes[position] {
            case UInt8(ascii: "?"), UInt8(ascii: "*"):
                result = .optional
                position += 1
            case UInt8(ascii: "+"):
                result = .repeated
                position += 1
            case UInt8(ascii: "{"):
                let start = position + 1
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "}") { end += 1 }
                guard end < bytes.count else { return .once }
                let minimum = Int(String(decoding: bytes[start..<end].prefix { $0 != UInt8(ascii: ",") }, as: UTF8.self)) ?? 0
                result = minimum == 0 ? .optional : .repeated
                position = end + 1
            default:
                return .once
            }
            if position < bytes.count, bytes[position] == UInt8(ascii: "?") || bytes[position] == UInt8(ascii: "+") {
                position += 1
            }
            return result
        }

        mutating func skipClass() {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "^") { position += 1 }
            if position < bytes.count, bytes[position] == UInt8(ascii: "]") { position += 1 }
            while position < bytes.count, bytes[position] != UInt8(ascii: "]") {
                if bytes[position] == UInt8(ascii: "\\") { position += 1 }
                position += 1
            }
            position += 1
        }

        func score(_ set: Set<String>) -> Int {
            (set.map(\.utf8.count).min() ?? 0) * 100 - set.count
        }
    }
}

/// Literal keywords as prefilter needles: a byte search runs `memchr` to the needle's first
/// byte, so a needle that starts at a rare byte (`Content` rather than `enerateContent`) is
/// checked with few false starts. Any substring of a required literal is required too.
enum KeywordAnchor {
    /// Lower-case letters from the most to the least frequent in source code.
    private static let frequent = Array("etaoinsrlcudpmhgbfywkvxzjq".utf8)

    static func rarity(_ byte: UInt8) -> Int {
        if let rank = frequent.firstIndex(of: byte) { return rank }
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return 40
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return 30
        case UInt8(ascii: "_"): return 20
        case UInt8(ascii: "."), UInt8(ascii: " "), UInt8(ascii: "("), UInt8(ascii: ")"): return 5
        default: return 35
        }
    }

    /// The suffix of `keyword` of at least eight bytes (or all of it) that starts at its rarest
    /// byte — long enough to stay distinctive (`Content` alone would let every HTTP file in).
    static func needle(_ keyword: String) -> String {
        let bytes = Array(keyword.utf8)
        let minimum = min(bytes.count, 8)
        var best = 0
        for start in 0...(bytes.count - minimum) where rarity(bytes[start]) > rarity(bytes[best]) && bytes[start] < 0x80 {
            best = start
        }
        return String(decoding: bytes[best...], as: UTF8.self)
    }
}
