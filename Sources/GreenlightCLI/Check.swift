import ArgumentParser
import GreenlightCommands
import GreenlightCore
import GreenlightReport

extension ReportFormat: ExpressibleByArgument {}
extension FailThreshold: ExpressibleByArgument {}
extension ColourChoice: ExpressibleByArgument {}

struct Check: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the rules over a snapshot; exit 1 on any blocking finding.")
    static let epilog = CommandHelp.epilog([
        "greenlight check",
        "greenlight check --diff-base origin/main --format github",
        "greenlight check --staged --diff-base HEAD   # the pre-commit hook",
        "greenlight check --only claims --format markdown --output readiness.md",
        "greenlight check --fail-on warning --no-live",
    ], failure: "a finding at or above --fail-on (default: an error) is not suppressed or baselined")

    @OptionGroup var snapshot: SnapshotFlags

    @Option(help: "Output format: text, json, markdown, sarif, junit or github.")
    var format: ReportFormat = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "Also write the findings as SARIF to this file: annotations and code scanning from one run.")
    var sarifOutput: String?

    @Option(help: "Baseline file: findings it lists do not fail the gate (default: .greenlight-baseline.json at the repository root, when there is one).")
    var baseline: String?

    @Flag(help: "Do not read the default baseline file.")
    var noBaseline = false

    @Option(help: "Report only what changed since the merge base with this revision (e.g. origin/main): findings on added or changed lines, and findings the change brought elsewhere.")
    var diffBase: String?

    @Option(help: "The least severe finding that fails the gate: error, warning, note or never.")
    var failOn: FailThreshold = .error

    @Option(name: .customLong("color"), help: "Colour the text report: auto (a terminal, GitHub Actions or FORCE_COLOR; never with NO_COLOR), always or never.")
    var colour: ColourChoice = .auto

    @OptionGroup var history: HistoryFlags

    @Option(parsing: .unconditional, help: "With --format github: annotations of each severity at most (GitHub shows 10 per step).")
    var maxAnnotations: Int = GitHubReporter.defaultAnnotationLimit

    func validate() throws {
        if maxAnnotations < 0 { throw ValidationError("--max-annotations must be 0 or more") }
        if baseline != nil && noBaseline { throw ValidationError("--baseline and --no-baseline exclude each other") }
    }

    func run(_ console: Console) throws -> Int32 {
        var command = CheckCommand()
        command.history = history.options
        command.request = try snapshot.request()
        command.request.diffBase = diffBase
        command.format = format
        command.output = output
        command.sarifOutput = sarifOutput
        command.baseline = noBaseline ? .none : baseline.map(BaselineChoice.file) ?? .repositoryDefault
        command.failOn = failOn
        command.colour = colour
        command.annotationLimit = maxAnnotations
        return command.run(console)
    }
}
