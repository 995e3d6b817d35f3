import ArgumentParser
import GreenlightCommands

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

extension HistoryCommand.Format: ExpressibleByArgument {}

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Recent runs from the history database.")

    @Option(help: "Any folder inside the repository (default: the current folder).")
    var repo: String?

    @Option(help: "History database (default: .greenlight/history.sqlite in the work tree).")
    var history: String?

    @Option(help: "How many runs to list.")
    var limit = 20

    @Option(help: "Output format: text or json.")
    var format: HistoryCommand.Format = .text

    func run() throws {
        var command = HistoryCommand()
        command.repo = repo
        command.history.file = history
        command.limit = limit
        command.format = format
        throw ExitCode(command.run(.standard))
    }
}
