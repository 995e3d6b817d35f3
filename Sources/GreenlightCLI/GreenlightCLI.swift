import Foundation
import ArgumentParser
import GreenlightCommands
import GreenlightCore

/// The command line, callable in-process: arguments in, exit code out, every byte written
/// through the given console. It never exits the process.
public enum GreenlightCLI {
    public static func run(arguments: [String], console: Console) -> Int32 {
        let parsed: ParsableCommand
        do {
            parsed = try Greenlight.parseAsRoot(arguments)
        } catch {
            return report(error, console: console)
        }
        guard let command = parsed as? ConsoleCommand else {
            // A group without a subcommand: the parser's own run asks for its help.
            do {
                var group = parsed
                try group.run()
                return ExitStatus.passed
            } catch {
                return report(error, console: console)
            }
        }
        return GuardedRun(console: console).run { try command.run(console) }
    }

    /// Help and version go to standard output with exit 0; a usage mistake is one line on
    /// standard error with exit 2 (the parser's own code would be 64).
    private static func report(_ error: Error, console: Console) -> Int32 {
        if Greenlight.exitCode(for: error) == .success {
            console.out(Greenlight.fullMessage(for: error, columns: helpWidth(console)) + "\n")
            return ExitStatus.passed
        }
        console.err("greenlight: \(oneLine(Greenlight.message(for: error))) (see greenlight --help)\n")
        return ExitStatus.usage
    }

    /// The parser's message on one line: a list of valid values (`- text`, `- json`, …) is
    /// kept, joined; other lines after the first go.
    static func oneLine(_ message: String) -> String {
        let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = lines.first else { return "invalid usage" }
        let items = lines.dropFirst().prefix { $0.hasPrefix("- ") }.map { "'\($0.dropFirst(2))'" }
        guard first.hasSuffix(":"), !items.isEmpty else { return first }
        return first + " " + items.joined(separator: ", ")
    }

    /// `COLUMNS` if set; else the terminal's width (the parser asks it); else 80.
    private static func helpWidth(_ console: Console) -> Int? {
        if let columns = console.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        return console.outIsTerminal ? nil : 80
    }
}

/// A leaf command: runs against the console it is given and returns its exit code.
protocol ConsoleCommand: ParsableCommand {
    func run(_ console: Console) throws -> Int32
}

struct Greenlight: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "greenlight",
        abstract: "Readiness and evidence gating for CI: no green without evidence.",
        version: GreenlightVersion.current,
        subcommands: [
            Check.self, Rules.self, Explain.self, RecordBaseline.self, Evidence.self, History.self, Report.self,
            Monitor.self, Probe.self, Init.self, Hook.self, Loop.self, Preflight.self,
        ]
    )
}
