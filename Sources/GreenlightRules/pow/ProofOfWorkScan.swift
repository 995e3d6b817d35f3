import Foundation
import GreenlightCore

/// One agent's proof of work as of the run's clock.
public struct AgentStatus: Sendable {
    public enum State: String, Sendable {
        /// Committed to within `stale_after` (or outside active hours since).
        case fresh
        /// Past `stale_after`, within the grace.
        case late
        /// Past `stale_after + grace`.
        case stale
        /// No commit ever changed the log, or the agent has no log.
        case never
    }

    public let agent: String
    /// The log's path (for a configured agent without a log: where it would be, if known).
    public let path: String
    /// Whether the log is in the snapshot.
    public let exists: Bool
    /// What history says of the log; nil for an uncommitted edit counted with `--worktree`.
    public let change: LastChange?
    /// Wall-clock time since the last change (never negative); nil for `never`.
    public let age: TimeInterval?
    /// The part of `age` inside active hours (equal to `age` without active hours).
    public let activeAge: TimeInterval?
    public let state: State
    /// The latest entry: the lines the last change added. Nil when unknown (history cut off).
    public let latestEntry: [AddedLine]?
    /// For an agent named in `proof_of_work.agents`: where, in the committed config.
    public let configPosition: SourcePosition?

    /// Where findings about this log start: the first non-blank line of the latest entry.
    public var entryPosition: SourcePosition {
        let first = latestEntry?.first { !$0.text.trimmingWhitespace.isEmpty } ?? latestEntry?.first
        return SourcePosition(line: first?.line ?? 1, column: 1)
    }

    /// The commit that last changed the log (or the cut-off boundary).
    public var lastCommit: CommitStamp? { change?.stamp }

    /// Whether the history is cut off before the last change could be found.
    public var isCutOff: Bool {
        switch change {
        case .unchangedSinceCutOff?, .never(cutOff: true)?: return true
        default: return false
        }
    }
}

/// Every agent's status for one run. Computed once per run (the pow rules share it through
/// the context's cache) and by `greenlight monitor`.
public struct ProofOfWorkScan: Sendable {
    /// More logs than this is a configuration mistake (a glob matching the whole repository),
    /// not a team of agents; the history walk's memory grows with commits × logs.
    public static let maximumLogs = 1000

    public let section: ProofOfWorkSection
    public let now: Date
    public let agents: [AgentStatus]

    /// The scan of this run, computed by the first pow rule that asks.
    public static func of(_ context: RuleContext) throws -> ProofOfWorkScan {
        try context.shared(SharedKey<ProofOfWorkScan>("pow.scan")) { try ProofOfWorkScan(context) }
    }

    public init(_ context: RuleContext) throws {
        let section = context.section(ProofOfWorkSection.self)
        let snapshot = context.snapshot
        self.section = section
        self.now = context.now
        let ignored = Set(section.ignore)

        let logs = snapshot.entries.map(\.path).filter(section.isLog)
        var byAgent: [String: [String]] = [:]
        for path in logs { byAgent[ProofOfWorkScan.stem(path), default: []].append(path) }
        var named: [(agent: String, path: String, exists: Bool)] = []
        for (stem, paths) in byAgent {
            for path in paths {
                named.append((paths.count == 1 ? stem : ProofOfWorkScan.withoutExtension(path), path, true))
            }
        }
        guard named.count <= ProofOfWorkScan.maximumLogs else {
            throw ToolError.usage("proof_of_work.logs matches \(named.count) files; at most \(ProofOfWorkScan.maximumLogs) agent logs are checked (narrow the globs)")
        }
        let present = Set(named.map(\.agent))
        for agent in section.agents where !present.contains(agent) {
            named.append((agent, section.expectedLog(of: agent) ?? "", false))
        }
        named = named.filter { !ignored.contains($0.agent) }.sorted { $0.agent < $1.agent }

        var committed: [String: LastChange] = [:]
        if let history = snapshot.history, let commit = snapshot.commit {
            let paths = named.map(\.path).filter { !$0.isEmpty }
            committed = try history.lastChanges(of: paths, from: commit)
        }
        let configText = try snapshot.text(at: Config.defaultFileName)?.text
        var statuses: [AgentStatus] = []
        for (agent, path, exists) in named {
            let entry = snapshot.entry(at: path)
            let configPosition = section.agents.firstIndex(of: agent).flatMap { index in
                configText.flatMap { YAMLPositions.position(of: [ProofOfWorkSection.key, "agents", String(index)], in: $0) }
            }
            if let entry, Self.isUncommittedEdit(entry, in: snapshot) {
                // An uncommitted edit, counted because the run reads the work tree or the index:
                // the hook must let through the very commit that brings the agent's entry.
                let bytes = try snapshot.text(at: path).map { Array($0.text.utf8) } ?? []
                let added = try snapshot.history?.addedLines(to: path, since: snapshot.commit, current: bytes)
                statuses.append(AgentStatus(agent: agent, path: path, exists: exists, change: nil, age: 0, activeAge: 0,
                                            state: .fresh, latestEntry: added ?? [], configPosition: configPosition))
                continue
            }
            let change = committed[path] ?? .never(cutOff: false)
            var latest: [AddedLine]?
            if exists, case .changed(let stamp, let parent) = change {
                if case .text = try entry.map(snapshot.content(of:)) ?? .skipped(.binary) {
                    latest = try snapshot.history?.addedLines(to: path, in: stamp.id, comparedTo: parent)
                }
            }
            statuses.append(ProofOfWorkScan.status(section, context.now, agent, path, exists, change, latest, configPosition))
        }
        self.agents = statuses
    }

    /// Whether the run reads an edit of the log that `HEAD` does not have: a work-tree file
    /// that differs from the index, or a staged blob other than the committed one.
    private static func isUncommittedEdit(_ entry: SnapshotEntry, in snapshot: RepositorySnapshot) -> Bool {
        guard snapshot.source != .rev else { return false }
        guard let id = entry.objectID else { return true }
        guard let commit = snapshot.commit, let history = snapshot.history else { return true }
        return history.objectID(of: entry.path, in: commit) != id
    }

    private static func status(_ section: ProofOfWorkSection, _ now: Date, _ agent: String, _ path: String, _ exists: Bool, _ change: LastChange,
                        _ latest: [AddedLine]?, _ configPosition: SourcePosition?) -> AgentStatus {
        var state = AgentStatus.State.never
        var age: TimeInterval?
        var activeAge: TimeInterval?
        if exists, let stamp = change.stamp {
            let wall = max(0, now.timeIntervalSince(stamp.time))
            let active = section.activeHours?.activeSeconds(from: stamp.time, to: now) ?? wall
            age = wall
            activeAge = active
            if active > section.staleAfter.seconds + section.grace.seconds {
                state = .stale
            } else if active > section.staleAfter.seconds {
                state = .late
            } else {
                state = .fresh
            }
        }
        return AgentStatus(agent: agent, path: path, exists: exists, change: change, age: age, activeAge: activeAge,
                           state: state, latestEntry: latest, configPosition: configPosition)
    }

    /// What an agent is expected to do, in words.
    public func expectation(for status: AgentStatus) -> String {
        let log = status.path.isEmpty ? "its log" : status.path
        var text = "a commit to \(log) at least every \(section.staleAfter)"
        if section.grace.seconds > 0 { text += " (+\(section.grace) grace)" }
        if let hours = section.activeHours { text += " during \(hours)" }
        return text
    }

    static func stem(_ path: String) -> String {
        let name = String(RepositoryPath.name(of: path))
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    static func withoutExtension(_ path: String) -> String {
        let stem = self.stem(path)
        let folder = path.split(separator: "/").dropLast().joined(separator: "/")
        return folder.isEmpty ? stem : folder + "/" + stem
    }
}

extension TimeInterval {
    /// `14m`, `2d 3h`, `0s`.
    var spanText: String { self < 1 ? "0s" : TimeSpan(seconds: self).description }
}
