import GreenlightCore

/// `proof_of_work:` in `.greenlight.yml`: which files are agent logs, how fresh they must be,
/// and where the monitor writes blockers.
public struct ProofOfWorkSection: ConfigSection {
    public static let key = "proof_of_work"

    /// Globs of agent logs; one agent per file, named after the file (`feedback/rag.md` → `rag`).
    public var logs: [Glob] = [try! Glob("feedback/*.md")] {
        didSet { logList = GlobList(logs) }  // (not called by this type's own initializers)
    }
    private var logList = GlobList([try! Glob("feedback/*.md")])
    /// A log is late after this long without a commit, and stale after it plus `grace`.
    public var staleAfter = TimeSpan(seconds: 600)
    public var grace = TimeSpan(seconds: 0)
    /// When set, only time inside these hours counts toward staleness.
    public var activeHours: ActiveHours?
    /// The monitor's blockers log, relative to the repository root.
    public var blockersLog = "blockers-log.md"
    /// Agents not to check.
    public var ignore: [String] = []
    /// Agents that must have a log (an agent with none is `pow.never`).
    public var agents: [String] = []
    /// Who `greenlight monitor --commit` commits as: `Name <email>`.
    public var commitAuthor = CommitAuthor(name: "Greenlight monitor", email: "greenlight-monitor@localhost")

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case logs
        case staleAfter = "stale_after"
        case grace
        case activeHours = "active_hours"
        case blockersLog = "blockers_log"
        case ignore
        case agents
        case commitAuthor = "commit_author"
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let patterns = try container.decodeIfPresent([String].self, forKey: .logs) {
            guard !patterns.isEmpty else {
                throw DecodingError.dataCorruptedError(forKey: .logs, in: container, debugDescription: "logs must list at least one glob")
            }
            logs = try patterns.enumerated().map { index, pattern in
                do {
                    return try Glob(pattern)
                } catch let error as Glob.SyntaxError {
                    throw DecodingError.dataCorrupted(DecodingError.Context(
                        codingPath: [CodingKeys.logs, AnyCodingKey(intValue: index)], debugDescription: error.description))
                }
            }
            logList = GlobList(logs)
        }
        staleAfter = try container.decodeIfPresent(TimeSpan.self, forKey: .staleAfter) ?? staleAfter
        guard staleAfter.seconds > 0 else {
            throw DecodingError.dataCorruptedError(forKey: .staleAfter, in: container, debugDescription: "stale_after must be longer than 0")
        }
        grace = try container.decodeIfPresent(TimeSpan.self, forKey: .grace) ?? grace
        if let text = try container.decodeIfPresent(String.self, forKey: .activeHours) {
            do {
                activeHours = try ActiveHours(text)
            } catch let error as ActiveHours.SyntaxError {
                throw DecodingError.dataCorruptedError(
                    forKey: .activeHours, in: container,
                    debugDescription: "invalid active_hours '\(text)': \(error.description)")
            }
        }
        blockersLog = try container.decodeIfPresent(String.self, forKey: .blockersLog) ?? blockersLog
        guard !blockersLog.isEmpty, !blockersLog.hasPrefix("/"), !blockersLog.split(separator: "/").contains("..") else {
            throw DecodingError.dataCorruptedError(
                forKey: .blockersLog, in: container, debugDescription: "blockers_log must be a path inside the repository")
        }
        ignore = try container.decodeIfPresent([String].self, forKey: .ignore) ?? []
        agents = try container.decodeIfPresent([String].self, forKey: .agents) ?? []
        if let text = try container.decodeIfPresent(String.self, forKey: .commitAuthor) {
            guard let author = CommitAuthor(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .commitAuthor, in: container, debugDescription: "commit_author must read 'Name <email>'")
            }
            commitAuthor = author
        }
    }

    /// Whether `path` is an agent log.
    public func isLog(_ path: String) -> Bool {
        path != blockersLog && logList.matches(path)
    }

    /// Where an agent's log would be: the first `logs` glob whose only wildcard is one `*`, with
    /// the agent's name in its place.
    public func expectedLog(of agent: String) -> String? {
        for glob in logs {
            let pattern = glob.pattern.hasPrefix("/") ? String(glob.pattern.dropFirst()) : glob.pattern
            guard pattern.filter({ $0 == "*" }).count == 1, !pattern.contains(where: { "?[{".contains($0) }) else { continue }
            return pattern.replacingOccurrences(of: "*", with: agent)
        }
        return nil
    }
}

/// A commit author, `Name <email>`.
public struct CommitAuthor: Sendable, Equatable, CustomStringConvertible {
    public let name: String
    public let email: String

    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }

    public init?(_ text: String) {
        guard let open = text.lastIndex(of: "<"), text.hasSuffix(">") else { return nil }
        let name = text[..<open].trimmingWhitespace
        let email = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        guard !name.isEmpty, !email.isEmpty, !email.contains(where: { $0 == "<" || $0 == ">" || $0.isNewline }),
              !name.contains(where: { $0 == "<" || $0 == ">" || $0.isNewline }) else { return nil }
        self.init(name: name, email: email)
    }

    public var description: String { "\(name) <\(email)>" }
}
