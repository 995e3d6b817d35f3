import Foundation
import GreenlightCore
import GreenlightGit
import GreenlightRules

/// `greenlight init`: a commented `.greenlight.yml` tuned to what the repository holds, and,
/// from the templates shipped in the binary, three workflows — the blocking pull-request gate,
/// the weekly report, and the proof-of-work monitor. Nothing is overwritten without `--force`:
/// if any file exists, nothing is written and the exit code is 2.
public struct InitCommand {
    /// The step that puts this version's release binary on the runner's PATH, in every
    /// workflow, and the script it runs (the Action runs the same file).
    static let installStep = "workflows/steps/install-greenlight.yml"
    static let installScript = "workflows/steps/install-greenlight.sh"

    /// The install step, its script's lines (those after the variable check) inlined.
    static func installSteps() throws -> String {
        let script = try TemplateText(path: installScript).source.components(separatedBy: "\n")
        let body = script.drop { !$0.hasPrefix(": ") }.dropFirst().filter { !$0.isEmpty }
        let indented = body.map { "          " + $0 }.joined(separator: "\n")
        return try TemplateText(path: installStep).render(["greenlight_version": GreenlightVersion.current, "install_script": indented])
    }

    /// Template → where it is written.
    static let workflows = [
        ("workflows/greenlight-pull-request.yml", ".github/workflows/greenlight.yml"),
        ("workflows/greenlight-weekly-report.yml", ".github/workflows/greenlight-weekly-report.yml"),
        ("workflows/greenlight-monitor.yml", ".github/workflows/greenlight-monitor.yml"),
    ]

    public var repo: String?
    public var force = false

    public init() {}

    public func run(_ console: Console) -> Int32 {
        GuardedRun(console: console).run {
            let call = try Invocation(console: console, repo: repo, now: nil)
            let repository = call.openRepository
            let workdir = try call.workdir("init writes into a work tree")
            let scan = try RepositoryScan(repository.snapshot(.worktree, config: Config()))
            let files = try render(scan)
            if !force {
                let existing = files.map(\.path).filter { FileManager.default.fileExists(atPath: workdir + "/" + $0) }
                if !existing.isEmpty {
                    throw ToolError.usage("\(existing.joined(separator: ", ")) exist\(existing.count == 1 ? "s" : ""); init overwrites nothing without --force")
                }
            }
            console.out("found: \(scan.summary)\n")
            for file in files {
                let path = workdir + "/" + file.path
                do {
                    try FileManager.default.createDirectory(
                        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                    try OutputFile.write(Data(file.text.utf8), to: path)
                } catch {
                    throw ToolError.runtime("\(file.path): cannot write it")
                }
                console.out("wrote \(file.path)\(file.note.map { " (\($0))" } ?? "")\n")
            }
            console.out("next: review and commit them; `greenlight hook install` adds the pre-commit hook\n")
            return ExitStatus.passed
        }
    }

    struct File {
        let path: String
        let text: String
        let note: String?
    }

    /// Everything init writes, rendered before anything is written.
    func render(_ scan: RepositoryScan) throws -> [File] {
        var files = [File(path: Config.defaultFileName, text: try ConfigDraft(scan: scan, engine: Engine.greenlight).render(), note: nil)]
        let logs = scan.agentLogFolders.map { $0 + "/*.md" }
        let schedule: String
        let note: String?
        if logs.isEmpty {
            schedule = """
                  # No agent logs (feedback/*.md) were found; uncomment once agents keep them:
                  # schedule:
                  #   - cron: "*/5 * * * *"
                """
            note = "schedule commented out: no agent logs found"
        } else {
            schedule = """
                  schedule:
                    - cron: "*/5 * * * *"   # every five minutes (GitHub may delay scheduled runs)
                """
            note = nil
        }
        let install = try Self.installSteps()
        let values = [
            "install_greenlight": install,
            "agent_logs": logs.isEmpty ? "feedback/*.md" : logs.joined(separator: ", "),
            "monitor_schedule": schedule,
        ]
        for (template, path) in Self.workflows {
            let isMonitor = path.hasSuffix("monitor.yml")
            files.append(File(path: path, text: try TemplateText(path: template).render(values), note: isMonitor ? note : nil))
        }
        return files
    }
}
