import Foundation

/// What a rule sees: the snapshot, the clock, the known rule ids, and a per-run cache of parsed
/// files so that several rules of one family parse each file once.
public final class RuleContext {
    public let snapshot: RepositorySnapshot
    /// The run's clock (`--now`, or the time the run started).
    public let now: Date
    /// Every registered rule id, for rules that validate references to rules.
    public let knownRuleIDs: Set<String>
    /// `check --scan-history`: rules that can (secrets) also look at every blob in history.
    public let scanHistory: Bool

    private var parsed: [String: Any] = [:]
    private let sections: [String: any ConfigSection]

    public init(
        snapshot: RepositorySnapshot, now: Date, knownRuleIDs: Set<String>,
        sections: [String: any ConfigSection] = [:],
        scanHistory: Bool = false
    ) {
        self.snapshot = snapshot
        self.now = now
        self.knownRuleIDs = knownRuleIDs
        self.scanHistory = scanHistory
        self.sections = sections
    }

    /// A family's config section, as configured or defaulted.
    public func section<S: ConfigSection>(_ type: S.Type) -> S {
        sections[S.key] as? S ?? S()
    }

    /// Parse `text` with `parse`, once per (parser key, path) per run.
    public func parsed<T>(_ key: String, _ text: SourceText, parse: (SourceText) throws -> T) rethrows -> T {
        let cacheKey = key + "\u{0}" + text.path
        if let hit = parsed[cacheKey] as? T { return hit }
        let value = try parse(text)
        parsed[cacheKey] = value
        return value
    }

    /// Text files of the snapshot whose path satisfies `include`, in path order.
    public func textFiles(where include: (String) -> Bool) throws -> [SourceText] {
        var texts: [SourceText] = []
        for entry in snapshot.entries where include(entry.path) {
            if case .text(let text) = try snapshot.content(of: entry) { texts.append(text) }
        }
        return texts
    }
}
