import ArgumentParser
import GreenlightCommands
import GreenlightReport

extension ReportFormat: ExpressibleByArgument {}

struct Check: ConsoleCommand {
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

    @Option(parsing: .unconditional, help: "With --format github: annotations of each severity at most (GitHub shows 10 per step).")
    var maxAnnotations: Int = GitHubReporter.defaultAnnotationLimit

    func validate() throws {
        if maxAnnotations < 0 { throw ValidationError("--max-annotations must be 0 or more") }
    }

    func run(_ console: Console) throws -> Int32 {
        var command = CheckCommand()
        command.history = history.options
        command.request = try snapshot.request()
        command.format = format
        command.output = output
        command.baseline = baseline
        command.annotationLimit = maxAnnotations
        return command.run(console)
    }
}
