/// A path glob, with `.gitignore`-like meaning:
/// - `*` matches within one path segment, `?` one character, `[abc]`, `[a-z]`, `[!abc]` a class;
/// - `**` as a whole segment matches any number of segments; `{a,b}` alternatives;
/// - a pattern without `/` (other than a trailing one) matches at any depth (`*.md`);
///   a pattern with `/` is anchored at the repository root (`docs/*.md`, `/TODO.md`);
/// - a pattern that matches a directory matches everything under it (`vendor`, `build/`).
public struct Glob: Sendable, Equatable, CustomStringConvertible {
    public let pattern: String
    private let alternatives: [[Segment]]

    public struct SyntaxError: Error, Sendable, CustomStringConvertible {
        public let pattern: String
        public let reason: String
        public var description: String { "invalid glob '\(pattern)': \(reason)" }
    }

    fileprivate enum Segment: Equatable, Sendable {
        case anyDepth
        case match([Token])
        /// A segment without wildcards, compared as text.
        case name(String)
    }

    enum Token: Equatable, Sendable {
        case literal(Character)
        case anyRun
        case anyOne
        case set(negated: Bool, items: [ClassItem])
    }

    enum ClassItem: Equatable, Sendable {
        case single(Character)
        case range(Character, Character)
    }

    public init(_ pattern: String) throws {
        self.pattern = pattern
        let trimmed = pattern.trimmingWhitespace
        guard !trimmed.isEmpty else { throw SyntaxError(pattern: pattern, reason: "empty pattern") }
        var compiled: [[Segment]] = []
        var expansions = 0
        for expanded in try Glob.expandBraces(trimmed, original: pattern, count: &expansions) {
            var body = expanded
            while body.hasSuffix("/") && body.count > 1 { body.removeLast() }
            let anchored = body.dropLast().contains("/") || body.hasPrefix("/")
            if body.hasPrefix("/") { body.removeFirst() }
            var segments = try body.split(separator: "/", omittingEmptySubsequences: true).map { part -> Segment in
                if part == "**" { return .anyDepth }
                let tokens = try Glob.tokens(part, original: pattern)
                var name = ""
                for token in tokens {
                    guard case .literal(let character) = token else { return .match(tokens) }
                    name.append(character)
                }
                return .name(name)
            }
            if !anchored { segments.insert(.anyDepth, at: 0) }
            compiled.append(segments)
        }
        self.alternatives = compiled
    }

    public var description: String { pattern }

    /// Whether `path` (or one of its parent directories) matches.
    public func matches(_ path: String) -> Bool {
        matches(parts: path.split(separator: "/", omittingEmptySubsequences: true))
    }

    /// The same, for a path already split at `/` (a list of globs splits it once).
    func matches(parts: [Substring]) -> Bool {
        alternatives.contains { Glob.matchesPrefix($0, parts) }
    }

    /// The first segment every alternative starts with, when each starts with a plain name
    /// (`feedback/*.md` → `feedback`); nil when some alternative starts with a wildcard.
    var firstNames: [String]? {
        var names: [String] = []
        for alternative in alternatives {
            guard case .name(let name)? = alternative.first else { return nil }
            names.append(name)
        }
        return names
    }

    /// The path a pattern names outright — anchored, one alternative, no wildcard
    /// (`/docs/STATUS.md`, `vendor/lib`) — which it matches with everything under it.
    var literalPath: String? {
        guard alternatives.count == 1 else { return nil }
        var names: [String] = []
        for segment in alternatives[0] {
            guard case .name(let name) = segment else { return nil }
            names.append(name)
        }
        return names.isEmpty ? nil : names.joined(separator: "/")
    }

    public static func == (lhs: Glob, rhs: Glob) -> Bool { lhs.pattern == rhs.pattern }

    // MARK: - Matching

    /// Whether the segments match the first `end` parts for some `end` ≥ 1 (the path or one of
    /// its parent directories). The positions a match can have reached are carried segment by
    /// segment, so `**/a/**/a/…` against a deep path costs segments × parts, never a search
    /// over every way of splitting the path.
    private static func matchesPrefix(_ segments: [Segment], _ parts: [Substring]) -> Bool {
        // A literal first segment settles most paths at once (`docs/…` against `src/a.ts`).
        if case .name(let name)? = segments.first, parts.first.map({ $0 != name }) ?? true { return false }
        var characters = [[Character]?](repeating: nil, count: parts.count)
        var reached = [Bool](repeating: false, count: parts.count + 1)
        reached[0] = true
        for segment in segments {
            var next = [Bool](repeating: false, count: parts.count + 1)
            switch segment {
            case .anyDepth:
                var open = false
                for index in reached.indices {
                    open = open || reached[index]
                    next[index] = open
                }
            case .name(let name):
                for index in parts.indices where reached[index] && parts[index] == name {
                    next[index + 1] = true
                }
            case .match(let tokens):
                for index in parts.indices where reached[index] {
                    if characters[index] == nil { characters[index] = Array(parts[index]) }
                    if matchSegment(tokens, characters[index]!) { next[index + 1] = true }
                }
            }
            reached = next
            if !reached.contains(true) { return false }
        }
        return reached.dropFirst().contains(true)
    }

    /// One segment: `*` runs within it, matched by the classic two-pointer walk that goes back
    /// only to the last `*` — at most tokens × characters steps.
    static func matchSegment(_ tokens: [Token], _ chars: [Character]) -> Bool {
        var (t, c) = (0, 0)
        var star: (token: Int, char: Int)?
        while c < chars.count {
            if t < tokens.count {
                switch tokens[t] {
                case .anyRun:
                    star = (t, c)
                    t += 1
                    continue
                case .anyOne:
                    t += 1
                    c += 1
                    continue
                case .literal(let expected) where expected == chars[c]:
                    t += 1
                    c += 1
                    continue
                case .set(let negated, let items) where contains(items, chars[c]) != negated:
                    t += 1
                    c += 1
                    continue
                default:
                    break
                }
            }
            guard let last = star else { return false }
            star = (last.token, last.char + 1)
            t = last.token + 1
            c = last.char + 1
        }
        while t < tokens.count, tokens[t] == .anyRun { t += 1 }
        return t == tokens.count
    }

    private static func contains(_ items: [ClassItem], _ char: Character) -> Bool {
        items.contains { item in
            switch item {
            case .single(let single): return single == char
            case .range(let low, let high): return low <= char && char <= high
            }
        }
    }

    // MARK: - Compiling

    static func tokens(_ part: Substring, original: String) throws -> [Token] {
        var tokens: [Token] = []
        var chars = Array(part)[...]
        while let char = chars.popFirst() {
            switch char {
            case "*":
                if tokens.last != .anyRun { tokens.append(.anyRun) }
            case "?":
                tokens.append(.anyOne)
            case "\\":
                guard let escaped = chars.popFirst() else {
                    throw SyntaxError(pattern: original, reason: "trailing backslash")
                }
                tokens.append(.literal(escaped))
            case "[":
                tokens.append(try characterClass(&chars, original: original))
            case "]":
                throw SyntaxError(pattern: original, reason: "unmatched ']'")
            default:
                tokens.append(.literal(char))
            }
        }
        return tokens
    }

    private static func characterClass(_ chars: inout ArraySlice<Character>, original: String) throws -> Token {
        var negated = false
        if chars.first == "!" || chars.first == "^" {
            negated = true
            chars.removeFirst()
        }
        var items: [ClassItem] = []
        var first = true
        while let char = chars.popFirst() {
            if char == "]" && !first { return .set(negated: negated, items: items) }
            first = false
            if chars.first == "-", chars.count >= 2, chars[chars.index(after: chars.startIndex)] != "]" {
                chars.removeFirst()
                let high = chars.removeFirst()
                guard char <= high else {
                    throw SyntaxError(pattern: original, reason: "empty range '\(char)-\(high)'")
                }
                items.append(.range(char, high))
            } else {
                items.append(.single(char))
            }
        }
        throw SyntaxError(pattern: original, reason: "unclosed '['")
    }

    /// Brace alternatives a pattern may expand to (`{a,b}{c,d}` is four).
    static let maxAlternatives = 256

    /// `a{b,c}d` becomes `abd`, `acd`; nested braces are allowed.
    private static func expandBraces(_ text: String, original: String, count: inout Int) throws -> [String] {
        let chars = Array(text)
        var depth = 0
        var open: Int?
        for (index, char) in chars.enumerated() {
            if char == "{" {
                if depth == 0 { open = index }
                depth += 1
            } else if char == "}" {
                guard depth > 0 else { throw SyntaxError(pattern: original, reason: "unmatched '}'") }
                depth -= 1
                if depth == 0, let start = open {
                    let prefix = String(chars[..<start])
                    let suffix = String(chars[(index + 1)...])
                    var options: [String] = []
                    var level = 0
                    var current = ""
                    for inner in chars[(start + 1)..<index] {
                        if inner == "," && level == 0 {
                            options.append(current)
                            current = ""
                            continue
                        }
                        if inner == "{" { level += 1 }
                        if inner == "}" { level -= 1 }
                        current.append(inner)
                    }
                    options.append(current)
                    var results: [String] = []
                    for option in options {
                        results += try expandBraces(prefix + option + suffix, original: original, count: &count)
                    }
                    return results
                }
            }
        }
        guard depth == 0 else { throw SyntaxError(pattern: original, reason: "unclosed '{'") }
        count += 1
        guard count <= maxAlternatives else {
            throw SyntaxError(pattern: original, reason: "its braces expand to more than \(maxAlternatives) patterns")
        }
        return [text]
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace.
    public var trimmingWhitespace: String {
        // ASCII whitespace on bytes first (the common case, and fast); then any other.
        let text = String(self)
        let utf8 = text.utf8
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, isASCIIWhitespace(utf8[start]) { start = utf8.index(after: start) }
        while start < end, isASCIIWhitespace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        var slice = text[start..<end]
        if let first = slice.utf8.first, let last = slice.utf8.last, first < 0x80, last < 0x80 { return String(slice) }
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }


}

extension Glob: Decodable {
    /// A glob in configuration: a string, checked when read so a bad pattern names its line.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let pattern = try container.decode(String.self)
        do {
            try self.init(pattern)
        } catch let error as SyntaxError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }
}

private func isASCIIWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
}
