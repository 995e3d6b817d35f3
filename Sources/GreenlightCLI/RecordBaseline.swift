import ArgumentParser
import GreenlightCommands

struct RecordBaseline: ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Record today's findings so that only new ones fail the gate.")
    static let epilog = CommandHelp.epilog(["greenlight baseline                      # writes .greenlight-baseline.json; commit it", "greenlight baseline --output ops/baseline.json"],
                                           failure: nil)

    @OptionGroup var snapshot: SnapshotFlags

    @Option(help: "Where to write the baseline (default: .greenlight-baseline.json at the repository root).")
    var output: String?

    func run(_ console: Console) throws -> Int32 {
        var command = BaselineCommand()
        command.request = try snapshot.request()
        command.output = output
        return command.run(console)
    }
}
