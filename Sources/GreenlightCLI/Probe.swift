import ArgumentParser
import GreenlightCommands
import GreenlightProbes
import GreenlightReport

extension ProbeReportFormat: ExpressibleByArgument {}

struct Probe: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the live endpoint probes of .greenlight.yml; exit 1 if any fails.",
        discussion: ConditionLanguage.summary)
    static let epilog = CommandHelp.epilog(["greenlight probe", "greenlight probe api-health --record-evidence smoke-health"],
                                       failure: "a probe failed")

    @Argument(help: "Probe names (default: every probe).")
    var names: [String] = []

    @OptionGroup var repository: RepositoryFlag
    @OptionGroup var config: ConfigFlag

    @Option(help: "Output format: text or json.")
    var format: ProbeReportFormat = .text

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("record-evidence"), help: "Record the run as evidence under .greenlight/evidence/NAME/.")
    var recordEvidence: String?

    @OptionGroup var clock: ClockFlag

    func run(_ console: Console) throws -> Int32 {
        var command = ProbeCommand()
        command.names = names
        command.repo = repository.repo
        command.configFile = config.config
        command.format = format
        command.output = output
        command.recordEvidence = recordEvidence
        command.now = try clock.date()
        return command.run(console)
    }
}
