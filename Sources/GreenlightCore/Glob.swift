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
    }

    fileprivate enum Token: Equatable, Sendable {
        case literal(Character)
        case anyRun
        case anyOne
        case set(negated: Bool, items: [ClassItem])
    }

    fileprivate enum ClassItem: Equatable, Sendable {
        case single(Character)
        case range(Character, Character)
    }

    public init(_ pattern: String) throws {
        self.pattern = pattern
        let trimmed = pattern.trimmingWhitespace
        guard !trimmed.isEmpty else { throw SyntaxError(pattern: pattern, reason: "empty pattern") }
        var compiled: [[Segment]] = []
        for expanded in try Glob.expandBraces(trimmed, original: pattern) {
            var body = expanded
            while body.hasSuffix("/") && body.count > 1 { body.removeLast() }
            let anchored = body.dropLast().contains("/") || body.hasPrefix("/")
            if body.hasPrefix("/") { body.removeFirst() }
            var segments = try body.split(separator: "/", omittingEmptySubsequences: true).map { part -> Segment in
                part == "**" ? .anyDepth : .match(try Glob.tokens(part, original: pattern))
            }
            if !anchored { segments.insert(.anyDepth, at: 0) }
            compiled.append(segments)
        }
        self.alternatives = compiled
    }

    public var description: String { pattern }

    /// Whether `path` (or one of its parent directories) matches.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        for segments in alternatives {
            for end in stride(from: parts.count, through: 1, by: -1)
            where Glob.match(segments[...], parts[..<end]) {
                return true
            }
        }
        return false
    }

    public static func == (lhs: Glob, rhs: Glob) -> Bool { lhs.pattern == rhs.pattern }

    // MARK: - Matching

    private static func match(_ segments: ArraySlice<Segment>, _ parts: ArraySlice<Substring>) -> Bool {
        guard let first = segments.first else { return parts.isEmpty }
        switch first {
        case .anyDepth:
            let rest = segments.dropFirst()
            var tail = parts
            while true {
                if match(rest, tail) { return true }
                guard !tail.isEmpty else { return false }
                tail = tail.dropFirst()
            }
        case .match(let tokens):
            guard let part = parts.first, matchSegment(tokens[...], Array(part)[...]) else { return false }
            return match(segments.dropFirst(), parts.dropFirst())
        }
    }

    private static func matchSegment(_ tokens: ArraySlice<Token>, _ chars: ArraySlice<Character>) -> Bool {
        guard let token = tokens.first else { return chars.isEmpty }
        switch token {
        case .anyRun:
            var tail = chars
            while true {
                if matchSegment(tokens.dropFirst(), tail) { return true }
                guard !tail.isEmpty else { return false }
                tail = tail.dropFirst()
            }
        case .anyOne:
            return !chars.isEmpty && matchSegment(tokens.dropFirst(), chars.dropFirst())
        case .literal(let expected):
            return chars.first == expected && matchSegment(tokens.dropFirst(), chars.dropFirst())
        case .set(let negated, let items):
            guard let char = chars.first else { return false }
            let inSet = items.contains { item in
                switch item {
                case .single(let single): return single == char
                case .range(let low, let high): return low <= char && char <= high
                }
            }
            return inSet != negated && matchSegment(tokens.dropFirst(), chars.dropFirst())
        }
    }

    // MARK: - Compiling

    private static func tokens(_ part: Substring, original: String) throws -> [Token] {
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

    /// `a{b,c}d` becomes `abd`, `acd`; nested braces are allowed.
    private static func expandBraces(_ text: String, original: String) throws -> [String] {
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
                        results += try expandBraces(prefix + option + suffix, original: original)
                    }
                    return results
                }
            }
        }
        guard depth == 0 else { throw SyntaxError(pattern: original, reason: "unclosed '{'") }
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
