import ArgumentParser
import Foundation
import GreenlightCommands

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a .greenlight.yml tuned to the repository, and the pull-request, weekly-report and monitor workflows.")

    @Option(help: "Any folder inside the repository (default: the current folder).")
    var repo: String?

    @Flag(help: "Overwrite files that exist.")
    var force = false

    func run() throws {
        var command = InitCommand()
        command.repo = repo
        command.force = force
        throw ExitCode(command.run(.standard))
    }
}

struct Hook: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Git hooks that run the gate on what is staged.",
        subcommands: [Install.self]
    )

    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Install pre-commit and pre-merge-commit hooks running `greenlight check --staged`; existing hooks are chained.")

        @Option(help: "Any folder inside the repository (default: the current folder).")
        var repo: String?

        func run() throws {
            var command = HookInstallCommand()
            command.repo = repo
            command.executable = Self.executablePath
            throw ExitCode(command.run(.standard))
        }

        /// This executable, for the hook to fall back to when no greenlight is on PATH.
        static var executablePath: String? {
            if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
            return Bundle.main.executablePath
        }
    }
}
