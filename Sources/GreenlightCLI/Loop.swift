import ArgumentParser
import GreenlightCommands

/// The flags both loops take.
struct LoopFlags: ParsableArguments {
    @Flag(help: "Send the writes; without it the loop only reads and reports what it would call.")
    var apply = false

    @OptionGroup var repository: RepositoryFlag
    @OptionGroup var config: ConfigFlag

    @Option(help: "Folder for the Markdown and JSON artifacts (default: reports/ at the repository root).")
    var output: String?

    @OptionGroup var clock: ClockFlag
    @OptionGroup var history: HistoryFlags

    func options() throws -> LoopOptions {
        var options = LoopOptions()
        options.apply = apply
        options.repo = repository.repo
        options.configFile = config.config
        options.output = output
        options.now = try clock.date()
        options.history = history.options
        return options
    }
}

struct Loop: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Drive the strategy loops against the team's API: preflight first, a report artifact always.",
        subcommands: [Flywheel.self, Promote.self]
    )

    struct Flywheel: ConsoleCommand {
        static let configuration = CommandConfiguration(
            abstract: "Refresh the few-shot bank, infer preferences, snapshot moat health; exit 1 if a step fails.")
        static let epilog = CommandHelp.epilog(["greenlight loop flywheel                 # a dry run: what it would do", "greenlight loop flywheel --apply --output flywheel.md"],
                                               failure: "a step failed")

        @OptionGroup var flags: LoopFlags

        func run(_ console: Console) throws -> Int32 {
            var command = FlywheelCommand()
            command.options = try flags.options()
            return command.run(console)
        }
    }

    struct Promote: ConsoleCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move each prompt's candidate along the rollout ladder behind the evaluation gate; exit 1 if a prompt fails.")
        static let epilog = CommandHelp.epilog(["greenlight loop promote --prompts summarize   # a dry run of one prompt", "greenlight loop promote --apply"],
                                               failure: "a prompt failed")

        @OptionGroup var flags: LoopFlags

        @Option(help: "Prompt names, comma-separated (default: from PROMOTION_PROMPT_NAMES).")
        var prompts: String?

        func run(_ console: Console) throws -> Int32 {
            var command = PromoteCommand()
            command.options = try flags.options()
            command.prompts = prompts
            return command.run(console)
        }
    }
}
