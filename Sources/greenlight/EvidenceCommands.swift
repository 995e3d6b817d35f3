import ArgumentParser
import GreenlightCommands
import GreenlightRules

extension EvidenceRecord.Status: ExpressibleByArgument {}

struct Evidence: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record and list evidence: smoke runs and gate results, committed under .greenlight/evidence/.",
        subcommands: [Record.self, List.self]
    )

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write one evidence record.")

        @Option(help: "Any folder inside the repository (default: the current folder).")
        var repo: String?
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
        @Option(help: "Fix the clock, as ISO 8601.")
        var now: String?

        func run() throws {
            var command = EvidenceRecordCommand()
            command.repo = repo
            command.name = name
            command.status = status
            command.url = url
            command.file = file
            command.commit = commit
            command.now = now
            throw ExitCode(command.run(.standard))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List evidence records, newest first.")

        @Option(help: "Any folder inside the repository (default: the current folder).")
        var repo: String?
        @Option(help: "Only this gate.")
        var name: String?
        @Option(help: "Fix the clock, as ISO 8601.")
        var now: String?

        func run() throws {
            var command = EvidenceListCommand()
            command.repo = repo
            command.name = name
            command.now = now
            throw ExitCode(command.run(.standard))
        }
    }
}
