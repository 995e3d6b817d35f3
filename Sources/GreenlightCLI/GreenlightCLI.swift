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
            return report(error, console: console, arguments: arguments)
        }
        guard let command = parsed as? ConsoleCommand else {
            // A group without a subcommand, or a help request: the parser's own run asks for help.
            do {
                var group = parsed
                try group.run()
                return ExitStatus.passed
            } catch {
                return report(error, console: console, arguments: arguments)
            }
        }
        return GuardedRun(console: console).run { try command.run(console) }
    }

    /// Help and version go to standard output with exit 0; a usage mistake is one line on
    /// standard error with exit 2 (the parser's own code would be 64).
    private static func report(_ error: Error, console: Console, arguments: [String]) -> Int32 {
        if Greenlight.exitCode(for: error) == .success {
            var help = Greenlight.fullMessage(for: error, columns: helpWidth(console))
            if let command = helpedCommand(arguments) {
                help += (help.hasSuffix("\n") ? "\n" : "\n\n") + command.epilog
            }
            console.out(help + "\n")
            return ExitStatus.passed
        }
        console.err("greenlight: \(oneLine(Greenlight.message(for: error))) (see greenlight --help)\n")
        return ExitStatus.usage
    }

    /// The parser's complaint about these words, or nil when they parse (the tests hold every
    /// `--help` example to it).
    public static func usageError(_ arguments: [String]) -> String? {
        do {
            _ = try Greenlight.parseAsRoot(arguments)
            return nil
        } catch {
            return Greenlight.exitCode(for: error) == .success ? nil : oneLine(Greenlight.message(for: error))
        }
    }

    /// Every leaf command's words (`check`, `evidence record`) and its epilog, for the tests.
    public static var epilogs: [(words: [String], epilog: String)] {
        func walk(_ command: any ParsableCommand.Type, _ words: [String]) -> [([String], String)] {
            if let leaf = command as? any ConsoleCommand.Type { return [(words, leaf.epilog)] }
            return command.configuration.subcommands.flatMap { walk($0, words + [$0._commandName]) }
        }
        return walk(Greenlight.self, []).map { (words: $0.0, epilog: $0.1) }
    }

    /// The leaf command a help request is about (`check --help`, `help evidence record`), found
    /// by following the words that name subcommands; nil for a group or the root.
    static func helpedCommand(_ arguments: [String]) -> (any ConsoleCommand.Type)? {
        var command: any ParsableCommand.Type = Greenlight.self
        for word in arguments where !word.hasPrefix("-") && word != "help" {
            guard let next = command.configuration.subcommands.first(where: { $0._commandName == word }) else { break }
            command = next
        }
        return command as? any ConsoleCommand.Type
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
    /// What its `--help` ends with (`CommandHelp.epilog`): examples, then the exit codes.
    static var epilog: String { get }
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
