import ArgumentParser
import GreenlightCommands

struct Hook: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Git hooks that run the gate on what is staged.",
        subcommands: [Install.self]
    )

    struct Install: ConsoleCommand {
        static let configuration = CommandConfiguration(
            abstract: "Install pre-commit and pre-merge-commit hooks running `greenlight check --staged --diff-base HEAD`; existing hooks are chained.")
        static let epilog = CommandHelp.epilog(["greenlight hook install", "git commit --no-verify   # skip the hooks once"], failure: nil)

        @OptionGroup var repository: RepositoryFlag

        func run(_ console: Console) throws -> Int32 {
            var command = HookInstallCommand()
            command.repo = repository.repo
            command.executable = console.executable
            return command.run(console)
        }
    }
}
