import ArgumentParser
import GreenlightCommands

/// The flags both loops take.
struct LoopFlags: ParsableArguments {
    @Flag(help: "Send the writes; without it the loop only reads and reports what it would call.")
    var apply = false

    @Option(help: "Any folder inside the repository (default: the current folder).")
    var repo: String?

    @Option(help: "Configuration file (default: .greenlight.yml at the repository root).")
    var config: String?

    @Option(help: "Folder for the Markdown and JSON artifacts (default: reports/ at the repository root).")
    var output: String?

    @Option(help: "Fix the clock, as ISO 8601 (e.g. 2026-11-21T09:00:00Z).")
    var now: String?

    @OptionGroup var history: HistoryFlags

    var options: LoopOptions {
        var options = LoopOptions()
        options.apply = apply
        options.repo = repo
        options.configFile = config
        options.output = output
        options.now = now
        options.history = history.options
        return options
    }
}

struct Loop: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Drive the strategy loops against the team's API: preflight first, a report artifact always.",
        subcommands: [Flywheel.self, Promote.self]
    )

    struct Flywheel: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Refresh the few-shot bank, infer preferences, snapshot moat health; exit 1 if a step fails.")

        @OptionGroup var flags: LoopFlags

        func run() throws {
            var command = FlywheelCommand()
            command.options = flags.options
            throw ExitCode(command.run(.standard))
        }
    }

    struct Promote: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move each prompt's candidate along the rollout ladder behind the evaluation gate; exit 1 if a prompt fails.")

        @OptionGroup var flags: LoopFlags

        @Option(help: "Prompt names, comma-separated (default: from PROMOTION_PROMPT_NAMES).")
        var prompts: String?

        func run() throws {
            var command = PromoteCommand()
            command.options = flags.options
            command.prompts = prompts
            throw ExitCode(command.run(.standard))
        }
    }
}
