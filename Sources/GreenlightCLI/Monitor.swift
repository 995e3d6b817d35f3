import ArgumentParser
import GreenlightCommands
import GreenlightCore

struct Monitor: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn silent agents into blocker entries; exit 1 while any agent is stale.")
    static let epilog = CommandHelp.epilog(["greenlight monitor --once", "greenlight monitor --once --commit", "greenlight monitor --watch --interval 5m"],
                                           failure: "an agent is stale")

    @Flag(help: "Check once (for cron and CI).")
    var once = false

    @Flag(help: "Check every --interval until SIGINT or SIGTERM.")
    var watch = false

    @Option(help: "Time between checks with --watch, e.g. 5m.")
    var interval: String?

    @OptionGroup var clock: ClockFlag

    @Option(help: "The blockers log (default: proof_of_work.blockers_log, blockers-log.md at the repository root).")
    var blockersLog: String?

    @Flag(help: "Commit the blockers log (that file only) as proof_of_work.commit_author.")
    var commit = false

    @OptionGroup var repository: RepositoryFlag
    @OptionGroup var config: ConfigFlag

    @Flag(help: "Count uncommitted edits to the logs as proof of work.")
    var worktree = false

    func validate() throws {
        guard once != watch else { throw ValidationError("give exactly one of --once and --watch") }
        if watch && interval == nil { throw ValidationError("--watch needs --interval DUR, e.g. --interval 5m") }
        if once && interval != nil { throw ValidationError("--interval goes with --watch") }
        if let interval, TimeSpan(interval) == nil {
            throw ValidationError("--interval '\(interval)' is not a duration (e.g. 30s, 5m)")
        }
    }

    func run(_ console: Console) throws -> Int32 {
        var command = MonitorCommand()
        command.request.repo = repository.repo
        command.request.configFile = config.config
        command.request.now = try clock.date()
        command.request.selector = worktree ? .worktree : .rev("HEAD")
        command.blockersLog = blockersLog
        command.commit = commit
        command.interval = interval.flatMap(TimeSpan.init)
        return command.run(console)
    }
}
