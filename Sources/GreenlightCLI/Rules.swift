import ArgumentParser
import GreenlightCommands

extension RuleDocs.Format: ExpressibleByArgument {}

struct Rules: ConsoleCommand {
    static let configuration = CommandConfiguration(abstract: "List every rule: id, family, severity, summary.")

    @Option(help: "Output format: text or json.")
    var format: RuleDocs.Format = .text

    func run(_ console: Console) throws -> Int32 {
        RuleDocs.list(format: format, console: console)
    }
}
