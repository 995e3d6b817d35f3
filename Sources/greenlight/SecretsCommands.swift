import ArgumentParser
import Foundation
import GreenlightCommands

struct Preflight: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that required environment variables are set and not blank; never prints a value.")

    @Option(help: "Required variable names, comma-separated (repeatable); added to secrets.required.")
    var require: [String] = []

    @Option(help: "Any folder inside the repository whose .greenlight.yml lists secrets.required.")
    var repo: String?

    @Option(help: "Configuration file (default: .greenlight.yml of the repository around the current folder, if any).")
    var config: String?

    func run() throws {
        var command = PreflightCommand()
        command.require = require.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        command.repo = repo
        command.configFile = config
        throw ExitCode(command.run(.standard))
    }
}
