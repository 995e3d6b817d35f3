import Foundation
import GreenlightCore
import Yams

/// One pattern of a secrets rule pack: the keywords that let it run, the regex, which group is
/// the secret, an optional entropy floor, and its samples.
public struct SecretPattern: Sendable {
    public struct Sample: Sendable {
        /// As written in the pack, with `{{CLASS:N}}` placeholders.
        public let text: String
        public let shouldMatch: Bool
        /// `file:line:column` of the sample.
        public let location: String

        /// The sample with its placeholders filled in.
        public var expanded: String { SecretSample.expand(text) }
    }

    /// Kebab-case, unique across all packs.
    public let id: String
    public let pack: String
    /// What it finds, for messages: "GitHub personal access token".
    public let title: String
    /// Lowercased; the pattern runs only around where one of them occurs.
    public let keywords: [String]
    /// When set, the pattern also runs around every quoted run of at least this many letters,
    /// digits and `+/=_-` that mixes upper case, lower case and digits: a random-looking string
    /// literal, whatever the words near it (the prefilter of a value no keyword announces).
    public let randomRuns: Int?
    public let regex: BoundedRegex
    /// The capture group holding the secret (0: the whole match).
    public let group: Int
    /// Minimum Shannon entropy of the secret, in bits per character.
    public let entropy: Double?
    /// The floor instead of `entropy` when the secret is all hex digits (which carry at most
    /// 4 bits per character).
    public let hexEntropy: Double?
    /// A generic pattern (an assignment to a credential-like name) is reported only where no
    /// specific pattern matched the same value.
    public let generic: Bool
    /// How sure a match is to be a secret: `high`, a leak (`secrets.leak`, an error); `low`, a
    /// value to look at (`secrets.random-value`, a note) — a random-looking string whose name
    /// does not say it is a credential.
    public let confidence: SecretConfidence
    /// Lines around a keyword's line that the regex also sees (a PEM block spans many).
    public let linesBefore: Int
    public let linesAfter: Int
    public let allow: SecretAllowlist
    public let samples: [Sample]
    /// `file:line:column` of the rule in its pack.
    public let location: String
}

public enum SecretConfidence: String, Sendable {
    case high, low
}

/// A rule pack: YAML data under `checks/` (shipped inside the binary) or a team's own file
/// named in `secrets.packs`. Decoded strictly and validated on load: an unknown key, an invalid
/// or catastrophic regex, a bad glob is a usage error naming the file, line, pack and rule.
public struct SecretPack: Sendable {
    public let name: String
    public let file: String
    public let description: String?
    public let allow: SecretAllowlist
    public let patterns: [SecretPattern]

    /// The packs built into the binary: `checks/secrets*.yml`, generated as Swift values (the
    /// redactor and the secrets family both use them).
    public static func builtin() throws -> [SecretPack] {
        generated
    }

    public static func load(yaml: String, file: String) throws -> SecretPack {
        guard let document = try DecodedYAML<PackShape>.read(yaml, file: file, culprit: culprit(of:in:)) else {
            throw ToolError.usage("\(file):1:1: empty rule pack (expected pack: and rules:)")
        }
        let (root, shape) = (document.root, document.value)
        var seen: [String: Int] = [:]
        var patterns: [SecretPattern] = []
        for (index, rule) in shape.rules.enumerated() {
            let here = position(["rules", String(index)], in: root, file: file)
            if let earlier = seen[rule.id] {
                throw ToolError.usage("\(here): duplicate rule id '\(rule.id)' (first at \(position(["rules", String(earlier)], in: root, file: file))) (pack \(shape.pack))")
            }
            seen[rule.id] = index
            var samples: [SecretPattern.Sample] = []
            for (key, shouldMatch) in [("match", true), ("no_match", false)] {
                for (number, text) in ((shouldMatch ? rule.samples.match : rule.samples.noMatch)).enumerated() {
                    let at = position(["rules", String(index), "samples", key, String(number)], in: root, file: file)
                    samples.append(.init(text: text, shouldMatch: shouldMatch, location: at))
                }
            }
            patterns.append(SecretPattern(
                id: rule.id, pack: shape.pack, title: rule.title,
                keywords: rule.keywords.map { $0.lowercased() }, randomRuns: rule.randomRuns,
                regex: rule.compiled, group: rule.group ?? (rule.compiled.groupCount > 0 ? 1 : 0),
                entropy: rule.entropy, hexEntropy: rule.hexEntropy, generic: rule.generic, confidence: rule.confidence,
                linesBefore: rule.linesBefore, linesAfter: rule.linesAfter,
                allow: rule.allow.compiled(), samples: samples, location: here))
        }
        return SecretPack(name: shape.pack, file: file, description: shape.description, allow: shape.allow.compiled(), patterns: patterns)
    }

    private static func position(_ path: [String], in root: Node, file: String) -> String {
        let located = YAMLDiagnostics.locate(path, in: root)
        return "\(file):\(YAMLDiagnostics.position(located?.key?.mark ?? located?.value.mark))"
    }

    /// ` (pack NAME, rule ID)` for an error inside a rule.
    private static func culprit(of error: Error, in root: Node) -> String {
        let path: [String]
        switch error {
        case let unknown as UnknownKeyError: path = unknown.codingPath
        case let decoding as DecodingError:
            switch decoding {
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context),
                 .dataCorrupted(let context):
                path = context.codingPath.map(\.pathComponent)
            @unknown default: path = []
            }
        default: path = []
        }
        let pack = root["pack"]?.string.map { "pack \($0)" } ?? "pack without a name"
        guard path.count >= 2, path[0] == "rules", let index = Int(path[1]),
              let rules = root["rules"]?.sequence, index < rules.count else { return " (\(pack))" }
        let id = rules[rules.index(rules.startIndex, offsetBy: index)]["id"]?.string ?? "#\(index + 1)"
        return " (\(pack), rule \(id))"
    }
}

private struct PackShape: Decodable {
    var pack: String
    var description: String?
    var allow = AllowlistShape()
    var rules: [RuleShape]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case pack, description, allow, rules
    }

    init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        pack = try container.decode(String.self, forKey: .pack)
        guard RuleShape.isKebab(pack) else {
            throw DecodingError.dataCorruptedError(forKey: .pack, in: container, debugDescription: "pack name '\(pack)' must be kebab-case (a-z, 0-9, -)")
        }
        description = try container.decodeIfPresent(String.self, forKey: .description)
        allow = try container.decodeIfPresent(AllowlistShape.self, forKey: .allow) ?? AllowlistShape()
        rules = try container.decode([RuleShape].self, forKey: .rules)
    }
}

private struct SamplesShape: Decodable {
    var match: [String] = []
    var noMatch: [String] = []

    enum CodingKeys: String, CodingKey, CaseIterable {
        case match
        case noMatch = "no_match"
    }

    init() {}

    init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        match = try container.decodeIfPresent([String].self, forKey: .match) ?? []
        noMatch = try container.decodeIfPresent([String].self, forKey: .noMatch) ?? []
    }
}

private struct RuleShape: Decodable {
    var id: String
    var title: String
    var keywords: [String]
    var randomRuns: Int?
    var compiled: BoundedRegex
    var group: Int?
    var entropy: Double?
    var hexEntropy: Double?
    var generic = false
    var confidence = SecretConfidence.high
    var linesBefore = 0
    var linesAfter = 0
    var allow = AllowlistShape()
    var samples = SamplesShape()

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, title, keywords, regex, group, entropy, generic, confidence, allow, samples
        case hexEntropy = "hex_entropy"
        case linesBefore = "lines_before"
        case linesAfter = "lines_after"
        case randomRuns = "random_runs"
    }

    static func isKebab(_ text: String) -> Bool {
        text.range(of: #"^[a-z0-9]+(-[a-z0-9]+)*$"#, options: .regularExpression) != nil
    }

    init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func invalid(_ key: CodingKeys, _ message: String) -> DecodingError {
            DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: message)
        }
        id = try container.decode(String.self, forKey: .id)
        guard RuleShape.isKebab(id) else { throw invalid(.id, "rule id '\(id)' must be kebab-case (a-z, 0-9, -)") }
        title = try container.decode(String.self, forKey: .title)
        keywords = try container.decodeIfPresent([String].self, forKey: .keywords) ?? []
        randomRuns = try container.decodeIfPresent(Int.self, forKey: .randomRuns)
        if let randomRuns, !(16...256).contains(randomRuns) {
            throw invalid(.randomRuns, "random_runs must be between 16 and 256 characters")
        }
        if keywords.isEmpty && randomRuns == nil {
            throw invalid(.keywords, "at least one keyword (or random_runs) is needed: the prefilter decides where the regex runs")
        }
        for (index, keyword) in keywords.enumerated() where keyword.utf8.count < 2 {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: container.codingPath + [CodingKeys.keywords, AnyCodingKey(intValue: index)],
                debugDescription: "keyword '\(keyword)' is shorter than 2 bytes"))
        }
        let pattern = try container.decode(String.self, forKey: .regex)
        do {
            compiled = try BoundedRegex(pattern)
        } catch let error as UserPattern.Invalid {
            throw invalid(.regex, error.description)
        }
        group = try container.decodeIfPresent(Int.self, forKey: .group)
        if let group, group < 0 || group > compiled.groupCount {
            throw invalid(.group, "group \(group) does not exist (the regex has \(compiled.groupCount) capture group(s))")
        }
        entropy = try container.decodeIfPresent(Double.self, forKey: .entropy)
        hexEntropy = try container.decodeIfPresent(Double.self, forKey: .hexEntropy)
        for (key, value) in [(CodingKeys.entropy, entropy), (.hexEntropy, hexEntropy)] {
            if let value, !(0...8).contains(value) {
                throw invalid(key, "\(key.rawValue) \(value) is outside 0…8 bits per character")
            }
        }
        generic = try container.decodeIfPresent(Bool.self, forKey: .generic) ?? false
        if let level = try container.decodeIfPresent(String.self, forKey: .confidence) {
            guard let known = SecretConfidence(rawValue: level) else { throw invalid(.confidence, "confidence must be high or low, not '\(level)'") }
            confidence = known
        }
        linesBefore = try container.decodeIfPresent(Int.self, forKey: .linesBefore) ?? 0
        linesAfter = try container.decodeIfPresent(Int.self, forKey: .linesAfter) ?? 0
        for (key, value) in [(CodingKeys.linesBefore, linesBefore), (.linesAfter, linesAfter)] where !(0...200).contains(value) {
            throw invalid(key, "\(key.rawValue) must be between 0 and 200")
        }
        allow = try container.decodeIfPresent(AllowlistShape.self, forKey: .allow) ?? AllowlistShape()
        samples = try container.decodeIfPresent(SamplesShape.self, forKey: .samples) ?? SamplesShape()
    }
}
