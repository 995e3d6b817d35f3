import Yams

/// `.greenlight.yml`, decoded and validated. Every field has a default, so no file means the
/// defaults.
public struct Config {
    public static let defaultFileName = ".greenlight.yml"
    public static let defaultMaxFileSize = 1 << 20

    /// The file it came from, for messages; nil for defaults.
    public var path: String?
    public var version = 1
    /// Only paths matching one of these are in the snapshot (all paths when empty).
    public var include: [Glob] = []
    /// Paths matching one of these are left out of the snapshot.
    public var exclude: [Glob] = []
    /// Files larger than this are listed as too large and not read.
    public var maxFileSize = Config.defaultMaxFileSize
    /// Per-rule settings, by rule id.
    public var rules: [String: RuleSetting] = [:]
    /// Family-level sections (`claims:`, `proof_of_work:` …) by key, for their `ConfigSection`
    /// types to decode.
    public var sections: [String: Node] = [:]

    public init() {}

    /// Whether a path belongs in the snapshot.
    public func admits(_ path: String) -> Bool {
        if !include.isEmpty && !include.contains(where: { $0.matches(path) }) { return false }
        return !exclude.contains(where: { $0.matches(path) })
    }
}

/// What the config says about one rule.
public struct RuleSetting {
    /// The configured level, if given.
    public var level: RuleLevel?
    /// The rule's options (the mapping without `severity`), for the rule to decode.
    public var options: Node?
    /// Where the setting is, for messages.
    public var location: String

    public init(level: RuleLevel?, options: Node?, location: String) {
        self.level = level
        self.options = options
        self.location = location
    }
}

/// The file's shape, for the typed decode. Keys are the documented ones; anything else is an
/// error.
struct ConfigFile: Decodable {
    var version: Int?
    var include: [String]?
    var exclude: [String]?
    var maxFileSize: ByteSize?
    var rules: [String: RuleSettingShape]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case version
        case include
        case exclude
        case maxFileSize = "max_file_size"
        case rules
    }

    /// The decoder's user info carries the section keys the registered families add.
    static let sectionKeys = CodingUserInfoKey(rawValue: "greenlight.sectionKeys")!

    init(from decoder: Decoder) throws {
        let sections = decoder.userInfo[ConfigFile.sectionKeys] as? Set<String> ?? []
        try decoder.rejectUnknownKeys(CodingKeys.self, also: sections)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decodeIfPresent(Int.self, forKey: .version)
        include = try container.decodeIfPresent([String].self, forKey: .include)
        exclude = try container.decodeIfPresent([String].self, forKey: .exclude)
        maxFileSize = try container.decodeIfPresent(ByteSize.self, forKey: .maxFileSize)
        rules = try container.decodeIfPresent([String: RuleSettingShape].self, forKey: .rules)
    }
}

/// `RULE-ID: warning` or `RULE-ID: {severity: warning, …options}`; options are checked by the
/// rule itself.
struct RuleSettingShape: Decodable {
    var level: RuleLevel?

    private enum Keys: String, CodingKey {
        case severity
    }

    init(from decoder: Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            level = try RuleLevel.parse(text, codingPath: decoder.codingPath)
            return
        }
        let container = try decoder.container(keyedBy: Keys.self)
        if let text = try container.decodeIfPresent(String.self, forKey: .severity) {
            level = try RuleLevel.parse(text, codingPath: decoder.codingPath + [Keys.severity])
        }
    }
}

extension RuleLevel {
    static func parse(_ text: String, codingPath: [CodingKey]) throws -> RuleLevel {
        guard let level = RuleLevel(rawValue: text) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: codingPath,
                debugDescription: "invalid severity '\(text)' (expected error, warning, note or off)"
            ))
        }
        return level
    }
}
