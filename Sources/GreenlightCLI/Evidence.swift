import ArgumentParser
import GreenlightCommands
import GreenlightRules

extension EvidenceRecord.Status: ExpressibleByArgument {}

struct Evidence: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record and list evidence: smoke runs and gate results, committed under .greenlight/evidence/.",
        subcommands: [Record.self, List.self]
    )

    struct Record: ConsoleCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write one evidence record.")
        static let epilog = CommandHelp.epilog(["greenlight evidence record --name smoke-prod --status pass --url \"$RUN_URL\" --file smoke.log"],
                                               failure: nil)

        @OptionGroup var repository: RepositoryFlag
        @Option(help: "The gate's name, e.g. smoke-prod.")
        var name: String
        @Option(help: "pass or fail.")
        var status: EvidenceRecord.Status
        @Option(help: "A link to the run (query strings and credentials are dropped).")
        var url: String?
        @Option(help: "An artifact to hash, and to copy beside the record when under 1 MiB.")
        var file: String?
        @Option(help: "The commit the run tested (default: HEAD).")
        var commit: String?
        @OptionGroup var clock: ClockFlag

        func run(_ console: Console) throws -> Int32 {
            var command = EvidenceRecordCommand()
            command.repo = repository.repo
            command.name = name
            command.status = status
            command.url = url
            command.file = file
            command.commit = commit
            command.now = try clock.date()
            return command.run(console)
        }
    }

    struct List: ConsoleCommand {
        static let configuration = CommandConfiguration(
            abstract: "List evidence records, newest first.")
        static let epilog = CommandHelp.epilog(["greenlight evidence list", "greenlight evidence list --name smoke-prod"], failure: nil)

        @OptionGroup var repository: RepositoryFlag
        @Option(help: "Only this gate.")
        var name: String?
        @OptionGroup var clock: ClockFlag

        func run(_ console: Console) throws -> Int32 {
            var command = EvidenceListCommand()
            command.repo = repository.repo
            command.name = name
            command.now = try clock.date()
            return command.run(console)
        }
    }
}
