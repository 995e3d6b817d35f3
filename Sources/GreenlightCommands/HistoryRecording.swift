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
