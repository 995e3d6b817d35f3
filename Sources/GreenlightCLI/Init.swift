import ArgumentParser
import GreenlightCommands

struct Init: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a .greenlight.yml tuned to the repository, and the pull-request, weekly-report and monitor workflows.")
    static let epilog = CommandHelp.epilog(["greenlight init", "greenlight init --force"],
                                           failure: nil)

    @OptionGroup var repository: RepositoryFlag

    @Flag(help: "Overwrite files that exist.")
    var force = false

    func run(_ console: Console) throws -> Int32 {
        var command = InitCommand()
        command.repo = repository.repo
        command.force = force
        return command.run(console)
    }
}
