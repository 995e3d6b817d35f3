import Foundation
import GreenlightCore
import GreenlightGit
import GreenlightHistory

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
            guard limit > 0 else { throw ToolError.usage("--limit must be a positive number (got \(limit))") }
            let repository = try Invocation(console: console, repo: repo, now: nil).openRepository
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
