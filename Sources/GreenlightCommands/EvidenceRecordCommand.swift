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
    public var now: Date?

    public init() {}

    public func run(_ console: Console) -> Int32 {
        GuardedRun(console: console).run {
            guard EvidenceRecord.isValidName(name) else {
                throw ToolError.usage("--name '\(name)' is not a valid evidence name (letters, digits, '.', '_', '-')")
            }
            let call = try Invocation(console: console, repo: repo, now: now)
            let date = call.now
            let repository = call.openRepository
            let workdir = try call.workdir("evidence is recorded into a work tree")
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
