import ArgumentParser
import GreenlightCommands

extension HistoryCommand.Format: ExpressibleByArgument {}

struct History: ConsoleCommand {
    static let configuration = CommandConfiguration(abstract: "Recent runs from the history database.")
    static let epilog = CommandHelp.epilog(["greenlight history", "greenlight history --limit 5 --format json"],
                                           failure: nil)

    @OptionGroup var repository: RepositoryFlag

    @Option(help: "History database (default: .greenlight/history.sqlite in the work tree).")
    var history: String?

    @Option(parsing: .unconditional, help: "How many runs to list.")
    var limit = 20

    @Option(help: "Output format: text or json.")
    var format: HistoryCommand.Format = .text

    func run(_ console: Console) throws -> Int32 {
        var command = HistoryCommand()
        command.repo = repository.repo
        command.history.file = history
        command.limit = limit
        command.format = format
        return command.run(console)
    }
}
