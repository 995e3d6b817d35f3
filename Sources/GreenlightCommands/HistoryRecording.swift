import Foundation
import GreenlightCore
import GreenlightGit
import GreenlightHistory

/// Where a command keeps its history: `--history FILE`, none with `--no-history`, else
/// `.greenlight/history.sqlite` in the work tree (a bare repository keeps none by default).
public struct HistoryOptions {
    public var file: String?
    public var disabled = false

    public init() {}

    func path(for repository: GitRepository, console: Console) -> String? {
        if disabled { return nil }
        if let file { return console.resolve(file) }
        return repository.workdir.map { "\($0)/\(HistoryStore.defaultPath)" }
    }

    /// Open the store. When it creates the default file and git would not ignore it, it also
    /// writes `.greenlight/.gitignore` (history stays local; evidence beside it is committed).
    func open(for repository: GitRepository, console: Console) throws -> HistoryStore? {
        guard let path = path(for: repository, console: console) else { return nil }
        let creating = !FileManager.default.fileExists(atPath: path)
        let store = try HistoryStore(path: path)
        if creating, file == nil, let workdir = repository.workdir, !repository.isIgnored(HistoryStore.defaultPath) {
            let ignore = "\(workdir)/.greenlight/.gitignore"
            if !FileManager.default.fileExists(atPath: ignore) {
                try? Data("# Local run history; evidence records beside it are committed.\nhistory.sqlite*\n".utf8)
                    .write(to: URL(fileURLWithPath: ignore))
            }
        }
        return store
    }
}

extension Evaluation {
    /// Store this run in the history.
    func record(in store: HistoryStore, command: String, started: Date, exitCode: Int32) throws {
        let report = self.report()
        try store.record(RunRecord(
            startedAt: now,
            durationMilliseconds: Int(Date().timeIntervalSince(started) * 1000),
            repository: snapshot.root,
            commit: snapshot.commit,
            source: snapshot.source.rawValue,
            command: command,
            posture: report.posture,
            exitCode: exitCode,
            findings: findings,
            facts: facts
        ))
    }
}

/// `greenlight history`: recent runs, newest first.
public struct HistoryCommand {
    public enum Format: String, CaseIterable, Sendable {
        case text
        case json
    }

    public var repo: String?
    public var history = HistoryOptions()
    public var limit = 20
    public var format: Format = .text

    public init() {}

    public func run(_ console: Console) -> Int32 {
        GuardedRun(console: console).run {
            guard limit > 0 else { throw ToolError.usage("--limit must be a positive number") }
            let repository = try GitRepository(discovering: console.resolve(repo ?? "."))
            guard let path = history.path(for: repository, console: console) else {
                throw ToolError.usage("no history file: give --history FILE")
            }
            guard FileManager.default.fileExists(atPath: path) else {
                console.out(format == .json ? "[]\n" : "no runs recorded yet (\(path) does not exist)\n")
                return ExitStatus.passed
            }
            let runs = try HistoryStore(path: path).runs(limit: limit)
            switch format {
            case .json:
                console.out(try StableJSON.text(runs))
            case .text:
                // As wide as the longest command listed (`loop flywheel`), so none is cut.
                let width = max(8, runs.map(\.command.count).max() ?? 0)
                for run in runs {
                    let commit = run.commit.map { String($0.prefix(12)) } ?? "-"
                    console.out("\(run.startedAt)  \(run.command.padding(toLength: width, withPad: " ", startingAt: 0))"
                        + "  \(run.posture.label.padding(toLength: 6, withPad: " ", startingAt: 0))  exit \(run.exitCode)"
                        + "  \(commit)  \(run.errors) errors, \(run.warnings) warnings, \(run.notes) notes"
                        + "  \(run.durationMilliseconds) ms\n")
                }
            }
            return ExitStatus.passed
        }
    }
}
