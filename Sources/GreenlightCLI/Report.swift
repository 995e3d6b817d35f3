import ArgumentParser
import GreenlightCommands
import GreenlightCore

extension ReportCommand.Format: ExpressibleByArgument {}

struct Report: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a check and write the readiness report for the period, with trends from the history.")
    static let epilog = CommandHelp.epilog(["greenlight report --weekly --output reports/readiness-2026-W48.md", "greenlight report --since 3d --format json"],
                                           failure: nil)

    @OptionGroup var snapshot: SnapshotFlags
    @OptionGroup var history: HistoryFlags

    @Flag(help: "The last 7 days (the default).")
    var weekly = false

    @Option(help: "The period instead: e.g. 14d, 36h.")
    var since: String?

    @Option(help: "Write the report here (and its SVG chart beside it).")
    var output: String?

    @Option(help: "Output format: markdown or json.")
    var format: ReportCommand.Format = .markdown

    func validate() throws {
        if weekly && since != nil { throw ValidationError("--weekly and --since exclude each other") }
        if let since, TimeSpan(since) == nil || TimeSpan(since)!.seconds <= 0 {
            throw ValidationError("--since '\(since)' is not a duration (e.g. 14d, 36h)")
        }
    }

    func run(_ console: Console) throws -> Int32 {
        var command = ReportCommand()
        command.request = try snapshot.request()
        command.history = history.options
        if let since, let span = TimeSpan(since) {
            command.since = span
            command.weekly = false
        }
        command.output = output
        command.format = format
        return command.run(console)
    }
}
