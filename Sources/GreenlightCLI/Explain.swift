import ArgumentParser
import GreenlightCommands

struct Explain: ConsoleCommand {
    static let configuration = CommandConfiguration(
        abstract: "Describe a rule: rationale, configuration keys, examples.")
    static let epilog = CommandHelp.epilog(["greenlight explain claims.missing-evidence", "greenlight explain secrets.leak"],
                                           failure: nil)

    @Argument(help: "The rule id, e.g. claims.missing-evidence.")
    var ruleID: String

    func run(_ console: Console) throws -> Int32 {
        RuleDocs.explain(ruleID, console: console)
    }
}
