import ArgumentParser
import GreenlightCommands
import GreenlightReport

extension ProbeReportFormat: ExpressibleByArgument {}

struct Probe: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the live endpoint probes of .greenlight.yml; exit 1 if any fails.")

    @Argument(help: "Probe names (default: every probe).")
    var names: [String] = []

    @Option(help: "Any folder inside the repository (default: the current folder).")
    var repo: String?

    @Option(help: "Configuration file (default: .greenlight.yml at the repository root).")
    var config: String?

    @Option(help: "Output format: text or json.")
    var format: ProbeReportFormat = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("record-evidence"), help: "Record the run as evidence under .greenlight/evidence/NAME/.")
    var recordEvidence: String?

    @Option(help: "Fix the clock, as ISO 8601 (e.g. 2026-11-21T09:00:00Z).")
    var now: String?

    func run() throws {
        var command = ProbeCommand()
        command.names = names
        command.repo = repo
        command.configFile = config
        command.format = format
        command.output = output
        command.recordEvidence = recordEvidence
        command.now = now
        throw ExitCode(command.run(.standard))
    }
}
