import Foundation
import GreenlightCore

/// What is not a secret even when a pattern matches: paths (globs), values matching a regex,
/// values containing a stopword (`example`, `dummy`, `xxxx`, `<your-key>` …, case-insensitive),
/// and values whose name says they are not a live secret (`REDACTED_VALUE`, `publishableKey`:
/// a word of `names` in the identifier the value is assigned to; `heads`: the identifier's last
/// word, the noun that says what the value is — `PASSWORD_RESET_ROUTE_SEGMENT` holds a route
/// segment, whatever it qualifies), and values a vendor publishes
/// as the default of its self-hosting files (`published`: their SHA-256 digests, so that the
/// list names no value). Packs, their rules and the `secrets.allow` config each add to it.
public struct SecretAllowlist: Sendable {
    public var paths: [Glob]
    public var regexes: [BoundedRegex]
    /// Lowercased.
    public var stopwords: [String]
    /// Lowercased words of a credential's name that say its value is a stand-in or public.
    public var names: [String]
    /// Lowercased last words of a name whose value is not a secret.
    public var heads: [String]
    /// Lowercased hex SHA-256 digests of published default values.
    public var published: Set<String>

    public init(paths: [Glob] = [], regexes: [BoundedRegex] = [], stopwords: [String] = [], names: [String] = [],
                published: Set<String> = [], heads: [String] = []) {
        self.paths = paths
        self.regexes = regexes
        self.stopwords = stopwords.map { $0.lowercased() }
        self.names = names.map { $0.lowercased() }
        self.heads = heads.map { $0.lowercased() }
        self.published = Set(published.map { $0.lowercased() })
    }

    /// A built-in pack's allowlist, as generated from the pack (validated when it was).
    static func builtin(paths: [String] = [], regexes: [String] = [], stopwords: [String] = [], names: [String] = [],
                        heads: [String] = [], published: [String] = []) -> SecretAllowlist {
        SecretAllowlist(paths: paths.compactMap { try? Glob($0) }, regexes: regexes.map(BoundedRegex.builtin),
                        stopwords: stopwords, names: names, published: Set(published), heads: heads)
    }

    public var isEmpty: Bool {
        paths.isEmpty && regexes.isEmpty && stopwords.isEmpty && names.isEmpty && heads.isEmpty && published.isEmpty
    }

    public func allowsPath(_ path: String) -> Bool {
        paths.contains { $0.matches(path) }
    }

    /// Whether the value is allowed: it contains a stopword or a regex matches in it.
    public func allowsSecret(_ value: String) -> Bool {
        if allowsStopword(in: value) { return true }
        if !published.isEmpty && published.contains(SHA256.hex(value)) { return true }
        return regexes.contains { !$0.matches(in: value, limit: 1, budget: SecretScanner.Limits.allowlistBudget).matches.isEmpty }
    }

    /// Whether the text contains a stopword.
    public func allowsStopword(in text: String) -> Bool {
        guard !stopwords.isEmpty else { return false }
        let lowered = text.lowercased()
        return stopwords.contains { lowered.contains($0) }
    }

    /// Whether the name a value is assigned to holds one of `names` as a word, or as words run
    /// together (`site_key` holds in `siteKey`, `SITE_KEY`; `id` in `tool_call_id`, `requestId`,
    /// not in `provider`).
    public func allowsName(_ name: String) -> Bool {
        guard !name.isEmpty, !names.isEmpty || !heads.isEmpty else { return false }
        let words = Self.words(of: name)
        if let head = words.last, heads.contains(head) { return true }
        let wanted = Set(names.map { $0.filter { $0.isLetter || $0.isNumber } })
        for start in words.indices {
            var joined = ""
            for word in words[start..<min(words.count, start + 4)] {
                joined += word
                if wanted.contains(joined) { return true }
            }
        }
        return false
    }

    /// Lowercased words of an identifier: split at anything not a letter or digit, at a change
    /// from lower to upper case (`siteKey`), before the last capital of a run followed by lower
    /// case (`APIKey`: API, Key), and between letters and digits (`sha256`: sha, 256).
    static func words(of name: String) -> [String] {
        var words: [String] = []
        var current: [Character] = []
        let characters = Array(name)
        func flush() {
            if !current.isEmpty { words.append(String(current).lowercased()) }
            current = []
        }
        for (index, character) in characters.enumerated() {
            guard character.isASCII, character.isLetter || character.isNumber else {
                flush()
                continue
            }
            if let previous = current.last {
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                let caseTurn = previous.isLowercase && character.isUppercase
                let acronymEnd = previous.isUppercase && character.isUppercase && (next?.isLowercase ?? false)
                let kindTurn = previous.isNumber != character.isNumber
                if caseTurn || acronymEnd || kindTurn { flush() }
            }
            current.append(character)
        }
        flush()
        return words
    }

    public static func + (lhs: SecretAllowlist, rhs: SecretAllowlist) -> SecretAllowlist {
        var sum = lhs
        sum.paths += rhs.paths
        sum.regexes += rhs.regexes
        sum.stopwords += rhs.stopwords
        sum.names += rhs.names
        sum.heads += rhs.heads
        sum.published.formUnion(rhs.published)
        return sum
    }
}

/// One entry of an allowlist's `paths`: a glob, or a list of them.
private struct GlobList: Decodable {
    let globs: [String]

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let one = try? container.decode(String.self) {
            globs = [one]
        } else {
            globs = try container.decode([String].self)
        }
    }
}

/// The YAML shape of an allowlist, in packs, their rules, and `secrets.allow`.
struct AllowlistShape: Decodable {
    var paths: [String] = []
    var regexes: [String] = []
    var stopwords: [String] = []
    var names: [String] = []
    var heads: [String] = []
    var published: [String] = []

    enum CodingKeys: String, CodingKey, CaseIterable {
        case paths, regexes, stopwords, names, heads, published
    }

    init() {}

    init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // A list may hold lists (a YAML alias of a shared list beside more globs): flattened.
        paths = try container.decodeIfPresent([GlobList].self, forKey: .paths)?.flatMap(\.globs) ?? []
        regexes = try container.decodeIfPresent([String].self, forKey: .regexes) ?? []
        stopwords = try container.decodeIfPresent([String].self, forKey: .stopwords) ?? []
        names = try container.decodeIfPresent([String].self, forKey: .names) ?? []
        heads = try container.decodeIfPresent([String].self, forKey: .heads) ?? []
        published = try container.decodeIfPresent([String].self, forKey: .published) ?? []
        for (index, digest) in published.enumerated()
        where digest.count != 64 || !digest.allSatisfy({ $0.isHexDigit }) {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: container.codingPath + [CodingKeys.published, AnyCodingKey(intValue: index)],
                debugDescription: "'\(digest)' is not a SHA-256 digest (64 hexadecimal digits): list the digest of a published default, never the value"))
        }
        for (index, pattern) in paths.enumerated() {
            do {
                _ = try Glob(pattern)
            } catch let error as Glob.SyntaxError {
                throw DecodingError.dataCorrupted(DecodingError.Context(
                    codingPath: container.codingPath + [CodingKeys.paths, AnyCodingKey(intValue: index)],
                    debugDescription: error.description))
            }
        }
        for (index, pattern) in regexes.enumerated() {
            do {
                _ = try BoundedRegex(pattern)
            } catch let error as UserPattern.Invalid {
                throw DecodingError.dataCorrupted(DecodingError.Context(
                    codingPath: container.codingPath + [CodingKeys.regexes, AnyCodingKey(intValue: index)],
                    debugDescription: error.description))
            }
        }
        // A stopword is looked for anywhere in a value; a name word only as a word of the name.
        for (key, words, least) in [(CodingKeys.stopwords, stopwords, 3), (.names, names, 2), (.heads, heads, 3)] {
            for (index, word) in words.enumerated() where word.count < least {
                throw DecodingError.dataCorrupted(DecodingError.Context(
                    codingPath: container.codingPath + [key, AnyCodingKey(intValue: index)],
                    debugDescription: "\(key == .stopwords ? "stopword" : "name word") '\(word)' is shorter than \(least) characters and would allow almost anything"))
            }
        }
    }

    /// Compiled; the shape was validated when decoded.
    func compiled() -> SecretAllowlist {
        SecretAllowlist(
            paths: paths.compactMap { try? Glob($0) },
            regexes: regexes.compactMap { try? BoundedRegex($0) },
            stopwords: stopwords, names: names, published: Set(published), heads: heads)
    }
}
