import ArgumentParser
import Foundation
import GreenlightCommands
import GreenlightCore
import GreenlightGit
import GreenlightReport

/// The executable: flags in, exit code out. Everything else lives in GreenlightCommands.
@main
struct Greenlight: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "greenlight",
        abstract: "Readiness and evidence gating for CI: no green without evidence.",
        version: GreenlightVersion.current,
        subcommands: [Check.self, Rules.self, Explain.self, RecordBaseline.self, Evidence.self, History.self, Report.self, Monitor.self, Probe.self, Init.self, Hook.self, Loop.self, Preflight.self]
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
            Foundation.exit(ExitStatus.passed)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success {
                print(fullMessage(for: error))
                Foundation.exit(ExitStatus.passed)
            }
            let first = message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid usage"
            FileHandle.standardError.write(Data("greenlight: \(first) (see greenlight --help)\n".utf8))
            Foundation.exit(ExitStatus.usage)
        }
    }
}

/// Flags that choose the snapshot and the rules, shared by `check` and `baseline`.
struct SnapshotFlags: ParsableArguments {
    @Option(help: "Any folder inside the repository (default: the current folder).")
    var repo: String?

    @Option(help: "Revision to check: anything git rev-parse accepts (default: HEAD).")
    var rev: String?

    @Flag(help: "Check the index (what is staged) instead of a commit.")
    var staged = false

    @Flag(help: "Check the work tree, honouring .gitignore.")
    var worktree = false

    @Option(help: "Configuration file (default: .greenlight.yml at the repository root).")
    var config: String?

    @Option(help: "Run only these rule families (comma-separated).")
    var only: String?

    @Option(help: "Skip these rule families (comma-separated).")
    var skip: String?

    @Option(help: "Fix the clock, as ISO 8601 (e.g. 2026-11-21T09:00:00Z).")
    var now: String?

    @Flag(help: "Do not contact live endpoints (skip the probes).")
    var noLive = false
    @Flag(help: "Also scan every blob in history for secrets, reporting where each first appeared.")
    var scanHistory = false

    func validate() throws {
        if [rev != nil, staged, worktree].filter({ $0 }).count > 1 {
            throw ValidationError("--rev, --staged and --worktree exclude each other")
        }
    }

    var request: SnapshotRequest {
        var request = SnapshotRequest()
        request.repo = repo
        request.selector = staged ? .index : worktree ? .worktree : .rev(rev ?? "HEAD")
        request.configFile = config
        request.only = list(only)
        request.skip = list(skip)
        request.now = now
        request.live = !noLive
        request.scanHistory = scanHistory
        return request
    }

    private func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

extension ReportFormat: ExpressibleByArgument {}
extension RuleDocs.Format: ExpressibleByArgument {}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the rules over a snapshot; exit 1 on any blocking finding.")

    @OptionGroup var snapshot: SnapshotFlags

    @Option(help: "Output format: text, json, markdown, sarif, junit or github.")
    var format: ReportFormat = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "Baseline file: findings it lists do not fail the gate.")
    var baseline: String?

    @OptionGroup var history: HistoryFlags

    @Option(help: "With --format github: annotations of each severity at most (GitHub shows 10 per step).")
    var maxAnnotations: Int = GitHubReporter.defaultAnnotationLimit

    func validate() throws {
        if maxAnnotations < 0 { throw ValidationError("--max-annotations must be 0 or more") }
    }

    func run() throws {
        var command = CheckCommand()
        command.history = history.options
        command.request = snapshot.request
        command.format = format
        command.output = output
        command.baseline = baseline
        command.annotationLimit = maxAnnotations
        throw ExitCode(command.run(.standard))
    }
}

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every rule: id, family, severity, summary.")

    @Option(help: "Output format: text or json.")
    var format: RuleDocs.Format = .text

    func run() throws {
        throw ExitCode(RuleDocs.list(format: format, console: .standard))
    }
}

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Describe a rule: rationale, configuration keys, examples.")

    @Argument(help: "The rule id, e.g. claims.missing-evidence.")
    var ruleID: String

    func run() throws {
        throw ExitCode(RuleDocs.explain(ruleID, console: .standard))
    }
}

struct RecordBaseline: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Record today's findings so that only new ones fail the gate.")

    @OptionGroup var snapshot: SnapshotFlags

    @Option(help: "Where to write the baseline (default: .greenlight-baseline.json at the repository root).")
    var output: String?

    func run() throws {
        var command = BaselineCommand()
        command.request = snapshot.request
        command.output = output
        throw ExitCode(command.run(.standard))
    }
}
