import Foundation
import GreenlightCore
import GreenlightGit
import GreenlightRules

/// `greenlight monitor`: checks every agent's proof of work, appends one BLOCKER entry per
/// silent (stale or never-committed) agent to the blockers log and one RESOLVED entry when it
/// is back, and exits 1 while any agent is silent. `--watch` repeats every interval until
/// SIGINT or SIGTERM, finishing the check under way.
public struct MonitorCommand {
    public static let commitMessage = "greenlight monitor: update the blockers log"

    public var request = SnapshotRequest()
    /// `--blockers-log FILE`; default `proof_of_work.blockers_log` at the repository root.
    public var blockersLog: String?
    /// `--commit`: commit the blockers log (only it) as `proof_of_work.commit_author`.
    public var commit = false
    /// `--watch --interval DUR`; nil runs once.
    public var interval: TimeSpan?

    public init() {}

    public func run(_ console: Console) -> Int32 {
        let guarded = GuardedRun(console: console)
        guard let interval else { return guarded.run { try check(console) } }
        if request.now != nil {
            return guarded.run { throw ToolError.usage("--now fixes the clock, so it cannot be combined with --watch") }
        }
        guard interval.seconds >= 0.1 else {
            return guarded.run { throw ToolError.usage("--interval must be at least 100ms") }
        }
        let stop = StopSignal.install()
        defer { stop.uninstall() }
        var status = ExitStatus.passed
        var checks = 0
        repeat {
            status = guarded.run { try check(console) }
            checks += 1
            // A bad configuration will not fix itself; a runtime error (a repository being
            // repacked, a lock) might, so the watch goes on.
            if status == ExitStatus.usage { return status }
        } while !stop.wait(seconds: interval.seconds)
        console.err("greenlight: monitor stopped by \(stop.name) after \(checks) check(s)\n")
        return status
    }

    /// One check: read the agents, update the blockers log under its lock, report.
    func check(_ console: Console) throws -> Int32 {
        let call = try Invocation(console: console, repo: request.repo, now: request.now,
                                  configuration: .read(file: request.configFile, at: request.selector))
        let now = call.now
        let repository = call.openRepository
        let snapshot = try repository.snapshot(request.selector, config: call.config)
        let context = RuleContext(snapshot: snapshot, now: now, knownRuleIDs: call.engine.ruleIDs, sections: call.sections)
        let scan = try ProofOfWorkScan(context)
        let (logPath, shownPath) = try blockersLogPath(scan.section, repository: repository, console: console)
        // Refuse --commit before writing anything, not after.
        let committedPath = commit ? try pathInWorkTree(logPath, repository: repository) : nil

        let file = try LockedAppendFile(path: logPath)
        let existing = String(decoding: try file.read(), as: UTF8.self)
        let open = BlockersLog.openBlockers(in: existing)
        var entries = ""
        var opened = 0
        var resolved = 0
        for status in scan.agents {
            if status.isSilent && !open.contains(status.agent) {
                entries += BlockersLog.entry(.blocker, at: now, agent: status.agent, text: blockerText(status, scan))
                opened += 1
            } else if !status.isSilent && open.contains(status.agent) {
                entries += BlockersLog.entry(.resolved, at: now, agent: status.agent,
                                             text: "proof of work again (\(ProofOfWorkText.lastCommit(status)))")
                resolved += 1
            }
        }
        for agent in open.subtracting(scan.agents.map(\.agent)).sorted() {
            entries += BlockersLog.entry(.resolved, at: now, agent: agent,
                                         text: "no longer monitored (no log, not configured, or ignored)")
            resolved += 1
        }
        if !entries.isEmpty {
            if existing.isEmpty {
                entries = BlockersLog.header + entries
            } else if !existing.hasSuffix("\n") {
                entries = "\n" + entries
            }
            try file.append(entries)
        }
        var committed: String?
        if let committedPath {
            let author = scan.section.commitAuthor
            committed = try repository.commitFile(committedPath, message: Self.commitMessage,
                                                  authorName: author.name, authorEmail: author.email, time: now)
        }
        withExtendedLifetime(file) {}

        var report = "greenlight monitor at \(Timestamp.format(now)): \(summary(scan))\n"
        for status in scan.agents { report += line(status, scan) }
        report += "\(shownPath): \(opened) blocker(s) appended, \(resolved) resolved"
        report += committed.map { "; committed \($0.prefix(12))\n" } ?? "\n"
        console.out(report)
        return scan.agents.contains(where: \.isSilent) ? ExitStatus.gateFailed : ExitStatus.passed
    }

    private func blockersLogPath(_ section: ProofOfWorkSection, repository: GitRepository, console: Console) throws -> (String, String) {
        if let blockersLog { return (console.resolve(blockersLog), blockersLog) }
        guard let workdir = repository.workdir else {
            throw ToolError.usage("\(repository.gitdir) is a bare repository: give --blockers-log FILE")
        }
        let path = workdir + "/" + section.blockersLog
        let folder = (path as NSString).deletingLastPathComponent
        if !FileManager.default.fileExists(atPath: folder) {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        return (path, section.blockersLog)
    }

    /// The blockers log's path relative to the work tree root, for `--commit`.
    private func pathInWorkTree(_ path: String, repository: GitRepository) throws -> String {
        guard let workdir = repository.workdir else {
            throw ToolError.usage("--commit needs a work tree, and \(repository.gitdir) is a bare repository")
        }
        let folder = ((path as NSString).deletingLastPathComponent as NSString).resolvingSymlinksInPath
        let real = folder + "/" + (path as NSString).lastPathComponent
        let root = (workdir as NSString).resolvingSymlinksInPath + "/"
        guard real.hasPrefix(root) else {
            throw ToolError.usage("--commit: the blockers log \(path) is outside the work tree \(workdir)")
        }
        return String(real.dropFirst(root.count))
    }

    private func blockerText(_ status: AgentStatus, _ scan: ProofOfWorkScan) -> String {
        let expected = "expected \(scan.expectation(for: status))"
        if status.state == .never {
            let what = status.exists ? "no commit ever changed \(status.path)" : "no log\(status.path.isEmpty ? "" : " (\(status.path))")"
            return "\(what); \(expected)"
        }
        let atLeast = status.isCutOff ? "at least " : ""
        return "no proof of work for \(atLeast)\(ProofOfWorkText.age(status)) (\(ProofOfWorkText.lastCommit(status))); \(expected)"
    }

    private func summary(_ scan: ProofOfWorkScan) -> String {
        let count = { (state: AgentStatus.State) in scan.agents.filter { $0.state == state }.count }
        return "\(scan.agents.count) agent(s): \(count(.stale)) stale, \(count(.never)) never, \(count(.late)) late, \(count(.fresh)) fresh"
    }

    private func line(_ status: AgentStatus, _ scan: ProofOfWorkScan) -> String {
        let state = status.state.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0)
        switch status.state {
        case .never:
            return "  \(state) \(status.agent): \(blockerText(status, scan))\n"
        case .fresh where status.change == nil:
            return "  \(state) \(status.agent): uncommitted edit to \(status.path) (counted: --worktree)\n"
        default:
            return "  \(state) \(status.agent): \(ProofOfWorkText.age(status)) since the last proof of work (\(ProofOfWorkText.lastCommit(status)))\n"
        }
    }
}

extension AgentStatus {
    /// Silent: stale, or never committed to its log. The monitor files blockers for these.
    var isSilent: Bool { state == .stale || state == .never }
}

/// SIGINT and SIGTERM, caught so that the watch loop ends after the check under way.
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private let wake = DispatchSemaphore(value: 0)
    private var received: Int32?
    private var sources: [DispatchSourceSignal] = []

    static func install() -> StopSignal {
        let stop = StopSignal()
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [stop] in stop.receive(number) }
            source.resume()
            stop.sources.append(source)
        }
        return stop
    }

    private func receive(_ number: Int32) {
        lock.withLock { if received == nil { received = number } }
        wake.signal()
    }

    /// Waits up to `seconds`; true when a stop signal came (before or during the wait).
    func wait(seconds: Double) -> Bool {
        if lock.withLock({ received != nil }) { return true }
        _ = wake.wait(timeout: .now() + seconds)
        return lock.withLock { received != nil }
    }

    var name: String {
        switch lock.withLock({ received }) {
        case SIGINT?: return "SIGINT"
        case SIGTERM?: return "SIGTERM"
        default: return "a signal"
        }
    }

    func uninstall() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
