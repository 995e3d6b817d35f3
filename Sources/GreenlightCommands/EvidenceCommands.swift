import Foundation
import GreenlightCore
import GreenlightGit
import GreenlightRules

/// `greenlight evidence record`: write one record under `.greenlight/evidence/NAME/`, with the
/// hash of an attached file (and a copy of it when under 1 MiB), to be committed and reviewed.
public struct EvidenceRecordCommand {
    public var repo: String?
    public var name = ""
    public var status: EvidenceRecord.Status = .pass
    public var url: String?
    public var file: String?
    public var commit: String?
    public var now: String?

    public init() {}

    public func run(_ console: Console) -> Int32 {
        GuardedRun(console: console).run {
            guard EvidenceRecord.isValidName(name) else {
                throw ToolError.usage("--name '\(name)' is not a valid evidence name (letters, digits, '.', '_', '-')")
            }
            let date = try Clock.date(now)
            let repository = try GitRepository(discovering: console.resolve(repo ?? "."))
            guard let workdir = repository.workdir else {
                throw ToolError.usage("evidence is recorded into a work tree, and \(repository.gitdir) is a bare repository")
            }
            var attachment: EvidenceWriter.Attachment?
            if let file {
                guard let data = FileManager.default.contents(atPath: console.resolve(file)) else {
                    throw ToolError.usage("--file \(file): cannot read it")
                }
                attachment = .init(path: file, data: data)
            }
            let written = try EvidenceWriter(root: workdir).write(
                name: name, status: status, date: date, url: url, commit: commit ?? repository.headCommit,
                attachment: attachment)
            console.out("recorded \(name) \(status.rawValue) in \(written)\n")
            return ExitStatus.passed
        }
    }
}

/// Writes evidence records for every command that records them (`evidence record`,
/// `probe --record-evidence`, the loops): `.greenlight/evidence/NAME/<time>.json`, an attached
/// artifact hashed and, under 1 MiB, copied beside it.
struct EvidenceWriter {
    struct Attachment {
        let path: String
        let data: Data
    }

    let root: String

    /// The record's path, relative to the root.
    func write(name: String, status: EvidenceRecord.Status, date: Date, url: String?, commit: String?,
               attachment: Attachment?) throws -> String {
        guard EvidenceRecord.isValidName(name) else {
            throw ToolError.usage("'\(name)' is not a valid evidence name (letters, digits, '.', '_', '-')")
        }
        let folder = "\(root)/\(EvidenceRecord.folder)/\(name)"
        let base = uniqueBase(EvidenceRecord.stamp(date), in: folder)
        var stored: EvidenceRecord.Attachment?
        if let attachment {
            let basename = (attachment.path as NSString).lastPathComponent
            let copy = attachment.data.count < EvidenceRecord.attachmentLimit ? "\(base)-\(basename)" : nil
            stored = .init(path: attachment.path, sha256: SHA256.hex(bytes: attachment.data), size: attachment.data.count, stored: copy)
        }
        let record = EvidenceRecord(name: name, status: status, recordedAt: Timestamp.format(date),
                                    url: url.map(Self.withoutCredentials), commit: commit, file: stored)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            if let attachment, let copy = stored?.stored {
                try attachment.data.write(to: URL(fileURLWithPath: "\(folder)/\(copy)"))
            }
            try record.encoded().write(to: URL(fileURLWithPath: "\(folder)/\(base).json"), options: .withoutOverwriting)
        } catch {
            throw ToolError.runtime("cannot write \(EvidenceRecord.folder)/\(name)/\(base).json: \(error.localizedDescription)")
        }
        return "\(EvidenceRecord.folder)/\(name)/\(base).json"
    }

    /// `<stamp>`, or `<stamp>-2`, `-3` … when a record with that time exists.
    private func uniqueBase(_ stamp: String, in folder: String) -> String {
        var base = stamp
        var counter = 2
        while FileManager.default.fileExists(atPath: "\(folder)/\(base).json") {
            base = "\(stamp)-\(counter)"
            counter += 1
        }
        return base
    }

    /// Links are kept without user info or query, which is where tokens ride.
    static func withoutCredentials(_ link: String) -> String {
        guard var parts = URLComponents(string: link), parts.scheme != nil else { return link }
        parts.user = nil
        parts.password = nil
        parts.query = nil
        return parts.string ?? link
    }
}

/// `greenlight evidence list`: the records in the work tree, newest first.
public struct EvidenceListCommand {
    public var repo: String?
    public var name: String?
    public var now: String?

    public init() {}

    public func run(_ console: Console) -> Int32 {
        GuardedRun(console: console).run {
            let date = try Clock.date(now)
            let repository = try GitRepository(discovering: console.resolve(repo ?? "."))
            guard let workdir = repository.workdir else {
                throw ToolError.usage("evidence is listed from a work tree, and \(repository.gitdir) is a bare repository")
            }
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

/// `--now`, or the time of the call.
enum Clock {
    static func date(_ text: String?) throws -> Date {
        guard let text else { return Date() }
        guard let date = Timestamp.parse(text) else {
            throw ToolError.usage("--now '\(text)' is not an ISO 8601 time (e.g. 2026-11-21T09:00:00Z)")
        }
        return date
    }
}
