import ArgumentParser
import Foundation
import GreenlightCommands

/// `--repo`, the same for every command that opens a repository.
struct RepositoryFlag: ParsableArguments {
    @Option(help: "Any folder inside the repository (default: the current folder).")
    var repo: String?
}

/// `--config`, the same for every command that reads `.greenlight.yml`.
struct ConfigFlag: ParsableArguments {
    @Option(help: "Configuration file (default: .greenlight.yml at the repository root).")
    var config: String?
}

/// `--now`, parsed once, to a date.
struct ClockFlag: ParsableArguments {
    @Option(help: "Fix the clock, as ISO 8601 (e.g. 2026-11-21T09:00:00Z).")
    var now: String?

    /// The fixed clock, or `nil` for the time of the call.
    func date() throws -> Date? {
        try now.map(Clock.parse)
    }
}

/// `--history FILE` and `--no-history`, shared by the commands that record runs.
struct HistoryFlags: ParsableArguments {
    @Option(help: "History database (default: .greenlight/history.sqlite in the work tree).")
    var history: String?

    @Flag(help: "Do not record this run in the history.")
    var noHistory = false

    func validate() throws {
        if history != nil && noHistory {
            throw ValidationError("--history and --no-history exclude each other")
        }
    }

    var options: HistoryOptions {
        var options = HistoryOptions()
        options.file = history
        options.disabled = noHistory
        return options
    }
}

/// Flags that choose the snapshot and the rules, shared by `check`, `baseline` and `report`.
struct SnapshotFlags: ParsableArguments {
    @OptionGroup var repository: RepositoryFlag

    @Option(help: "Revision to check: anything git rev-parse accepts (default: HEAD).")
    var rev: String?

    @Flag(help: "Check the index (what is staged) instead of a commit.")
    var staged = false

    @Flag(help: "Check the work tree, honouring .gitignore.")
    var worktree = false

    @OptionGroup var config: ConfigFlag

    @Option(help: "Run only these rule families (comma-separated).")
    var only: String?

    @Option(help: "Skip these rule families (comma-separated).")
    var skip: String?

    @OptionGroup var clock: ClockFlag

    @Flag(help: "Do not contact live endpoints (skip the probes).")
    var noLive = false
    @Flag(help: "Also scan every blob in history for secrets, reporting where each first appeared.")
    var scanHistory = false

    func validate() throws {
        if [rev != nil, staged, worktree].filter({ $0 }).count > 1 {
            throw ValidationError("--rev, --staged and --worktree exclude each other")
        }
    }

    func request() throws -> SnapshotRequest {
        var request = SnapshotRequest()
        request.repo = repository.repo
        request.selector = staged ? .index : worktree ? .worktree : .rev(rev ?? "HEAD")
        request.configFile = config.config
        request.only = list(only)
        request.skip = list(skip)
        request.now = try clock.date()
        request.live = !noLive
        request.scanHistory = scanHistory
        return request
    }

    private func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
