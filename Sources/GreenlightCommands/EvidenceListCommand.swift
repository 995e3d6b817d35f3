import Foundation
import GreenlightCore
import GreenlightGit
import GreenlightRules

/// `greenlight evidence list`: the records in the work tree, newest first.
public struct EvidenceListCommand {
    public var repo: String?
    public var name: String?
    public var now: Date?

    public init() {}

    public func run(_ console: Console) -> Int32 {
        GuardedRun(console: console).run {
            let call = try Invocation(console: console, repo: repo, now: now)
            let date = call.now
            let workdir = try call.workdir("evidence is listed from a work tree")
            let root = "\(workdir)/\(EvidenceRecord.folder)"
            var rows: [(date: Date, path: String, line: String)] = []
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter { name == nil || $0 == name }
            for folder in names.sorted() {
                let files = (try? FileManager.default.contentsOfDirectory(atPath: "\(root)/\(folder)")) ?? []
                for file in files where file.hasSuffix(".json") {
                    let path = "\(EvidenceRecord.folder)/\(folder)/\(file)"
                    let bytes = Array(FileManager.default.contents(atPath: "\(root)/\(folder)/\(file)") ?? Data())
                    switch EvidenceRecord.decode(bytes) {
                    case .failure(let problem):
                        rows.append((.distantPast, path, "\(folder)  invalid  \(path) \(problem.message)"))
                    case .success(let record):
                        let recorded = Timestamp.parse(record.recordedAt) ?? .distantPast
                        let age = TimeSpan(seconds: max(0, date.timeIntervalSince(recorded)))
                        var line = "\(record.name)  \(record.status.rawValue)  \(record.recordedAt)  \(age) ago"
                        if let commit = record.commit { line += "  \(commit.prefix(12))" }
                        if let url = record.url { line += "  \(url)" }
                        rows.append((recorded, path, line))
                    }
                }
            }
            rows.sort { ($0.date, $0.path) > ($1.date, $1.path) }
            if rows.isEmpty {
                console.out("no evidence recorded\(name.map { " for \($0)" } ?? "")\n")
            }
            for row in rows { console.out(row.line + "\n") }
            return ExitStatus.passed
        }
    }
}
