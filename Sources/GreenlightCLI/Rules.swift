import ArgumentParser
import GreenlightCommands

extension RuleDocs.Format: ExpressibleByArgument {}

struct Rules: ConsoleCommand {
    static let configuration = CommandConfiguration(abstract: "List every rule: id, family, severity, summary.")
    static let epilog = CommandHelp.epilog(["greenlight rules", "greenlight rules --format json", "greenlight rules --format markdown > docs/rules.md"],
                                           failure: nil)

    @Option(help: "Output format: text or json.")
    var format: RuleDocs.Format = .text

    func run(_ console: Console) throws -> Int32 {
        RuleDocs.list(format: format, console: console)
    }
}
