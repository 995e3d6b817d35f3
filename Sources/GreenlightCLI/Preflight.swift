import ArgumentParser
import Foundation
import GreenlightCommands

struct Preflight: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that required environment variables are set and not blank; never prints a value.")
    static let epilog = CommandHelp.epilog(["greenlight preflight --require API_URL,API_KEY", "greenlight preflight                     # the names of secrets.required"],
                                           failure: "a required variable is missing or empty")

    @Option(help: "Required variable names, comma-separated (repeatable); added to secrets.required.")
    var require: [String] = []

    @OptionGroup var repository: RepositoryFlag
    @OptionGroup var config: ConfigFlag

    func run(_ console: Console) throws -> Int32 {
        var command = PreflightCommand()
        command.require = require.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        command.repo = repository.repo
        command.configFile = config.config
        return command.run(console)
    }
}
