import Foundation

/// What a rule sees: the snapshot, the clock, the known rule ids, and the values a family's
/// rules share within a run (typed by their keys) so that several rules parse each file once.
public final class RuleContext {
    public let snapshot: RepositorySnapshot
    /// The run's clock (`--now`, or the time the run started).
    public let now: Date
    /// Every registered rule id, for rules that validate references to rules.
    public let knownRuleIDs: Set<String>
    /// Live endpoints and the environment, for the probe family.
    public let live: LiveAccess
    /// The configuration file as findings about it name it: relative to the repository root
    /// when it lies inside it, as given otherwise, `.greenlight.yml` for the defaults.
    public let configFile: String
    /// `check --scan-history`: rules that can (secrets) also look at every blob in history.
    public let scanHistory: Bool

    /// Values by key name; each key's type fixes what it holds, so the casts never fail.
    /// Locked: a family's rules may run on several threads.
    private let values = OnceCache()
    private let sections: [String: any ConfigSection]
    private let parses: ParseCache

    public init(
        snapshot: RepositorySnapshot, now: Date, knownRuleIDs: Set<String>,
        sections: [String: any ConfigSection] = [:],
        live: LiveAccess = LiveAccess(),
        configFile: String = Config.defaultFileName,
        scanHistory: Bool = false,
        parses: ParseCache = ParseCache()
    ) {
        self.parses = parses
        self.snapshot = snapshot
        self.now = now
        self.knownRuleIDs = knownRuleIDs
        self.scanHistory = scanHistory
        self.sections = sections
        self.live = live
        self.configFile = configFile
    }

    /// Figures for reports, gathered by the families during the run.
    public var facts = ReportFacts()

    /// A family's config section, as configured or defaulted.
    public func section<S: ConfigSection>(_ type: S.Type) -> S {
        sections[S.key] as? S ?? S()
    }

    /// Parse `text` with `parse`, once per (parser, path) per run — shared by every family
    /// (the docker and ci families read the same Dockerfiles).
    public func parsed<T>(_ key: ParserKey<T>, _ text: SourceText, parse: (SourceText) throws -> T) rethrows -> T {
        try parses.value(key.name + "\u{0}" + text.path) { try parse(text) }
    }

    /// Parses `entries` ahead of the rules that will ask for them, spread over the cores (a
    /// family's `prepare`). A file that cannot be read is skipped: the rules report it.
    public func parseAhead<T>(_ entries: [SnapshotEntry], _ key: ParserKey<T>, parse: (SourceText) -> T) {
        _ = try? OrderedParallelMap.map(entries, concurrently: snapshot.readsConcurrently, chunk: 8) { entry in
            guard case .text(let text) = try snapshot.content(of: entry) else { return }
            _ = parsed(key, text, parse: parse)
        }
    }

    /// A value built once per run and shared by the rules of a family (an index, a ledger).
    public func shared<T>(_ key: SharedKey<T>, build: () throws -> T) rethrows -> T {
        try values.value(key.name, build: build)
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

/// Parses of a run's files, by parser and path, shared by the families' contexts (which may
/// run on several threads): each file is parsed once, by the first thread that asks.
public final class ParseCache: Sendable {
    private let values = OnceCache()

    public init() {}

    func value<T>(_ name: String, build: () throws -> T) rethrows -> T {
        try values.value(name, build: build)
    }
}

/// Values by name, each built once by whichever thread asks first; a thread asking for a value
/// being built waits for it, so no work is done twice. A build that throws leaves nothing, and
/// the next asker builds again. A build must not ask for its own name.
final class OnceCache: @unchecked Sendable {
    // `cells` is guarded by `lock`; each cell's value by the cell's own lock.
    private final class Cell {
        let lock = NSLock()
        var value: Any?
    }

    private var cells: [String: Cell] = [:]
    private let lock = NSLock()

    func value<T>(_ name: String, build: () throws -> T) rethrows -> T {
        let cell = lock.withLock {
            if let cell = cells[name] { return cell }
            let cell = Cell()
            cells[name] = cell
            return cell
        }
        cell.lock.lock()
        defer { cell.lock.unlock() }
        if let hit = cell.value as? T { return hit }
        let built = try build()
        cell.value = built
        return built
    }
}
