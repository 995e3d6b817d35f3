import Foundation
import GreenlightCore
import GreenlightRules

/// `greenlight rules` and `greenlight explain RULE-ID`.
public enum RuleDocs {
    public enum Format: String, CaseIterable, Sendable {
        case text
        case json
    }

    private struct Listed: Encodable {
        let id: String
        let family: String
        let severity: Severity
        let summary: String
        let rationale: String
        let configKeys: [String]
        let fieldPrecision: String
    }

    public static func list(format: Format, console: Console) -> Int32 {
        let rules = RuleCatalog.all.map { $0.description }
        switch format {
        case .json:
            let listed = rules.map {
                Listed(id: $0.id, family: $0.family, severity: $0.severity, summary: $0.summary,
                       rationale: $0.rationale, configKeys: $0.configKeys.map(\.name),
                       fieldPrecision: fieldPrecision($0.id))
            }
            console.out((try? StableJSON.text(listed)) ?? "\n")
        case .text:
            let idWidth = rules.map(\.id.count).max() ?? 0
            let familyWidth = max(6, rules.map(\.family.count).max() ?? 0)
            for rule in rules {
                let id = rule.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
                let family = rule.family.padding(toLength: familyWidth, withPad: " ", startingAt: 0)
                let severity = rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
                console.out("\(id)  \(family)  \(severity)  \(rule.summary)\n")
            }
        }
        return ExitStatus.passed
    }

    public static func explain(_ id: String, console: Console) -> Int32 {
        guard let rule = RuleCatalog.all.map({ $0.description }).first(where: { $0.id == id }) else {
            let known = Set(RuleCatalog.all.map { $0.description.id })
            return GuardedRun(console: console).run {
                throw ToolError.usage("unknown rule id '\(id)'\(ConfigLoader.suggestion(for: id, in: known)) (greenlight rules lists them)")
            }
        }
        var out = "\(rule.id) (\(rule.severity.rawValue), family \(rule.family))\n\n\(rule.summary).\n\n\(rule.rationale)\n"
        out += "\nField precision: \(fieldPrecision(rule.id))\n"
        if !rule.configKeys.isEmpty {
            // Keys with a dot belong to the family's section (`secrets.allow`), not to the rule.
            let sectionKeys = rule.configKeys.allSatisfy { $0.name.contains(".") }
            out += sectionKeys ? "\nConfiguration (.greenlight.yml):\n" : "\nConfiguration (rules: {\(rule.id): {…}} in .greenlight.yml):\n"
            for key in rule.configKeys {
                out += "  \(key.name): \(key.meaning) (default: \(key.defaultValue))\n"
            }
        }
        out += "\nSuppress one finding with a comment on its line or the line above:\n"
        out += "  \(Suppression.keyword) \(rule.id) -- reason\n"
        out += section("Triggers", rule.triggering)
        out += section("Does not trigger", rule.nonTriggering)
        console.out(out)
        return ExitStatus.passed
    }

    /// The measured figure, or why there is none; the default severity follows it.
    static func fieldPrecision(_ id: String) -> String {
        guard let measured = FieldPrecision.measured[id] else {
            return "not measured: no finding in the \(FieldPrecision.corpusRepositories) repositories of the field corpus"
        }
        return measured.summary
    }

    private static func section(_ title: String, _ examples: [RuleExample]) -> String {
        var out = ""
        for (number, example) in examples.enumerated() {
            out += "\n\(title) (\(number + 1)):\n"
            if let options = example.options { out += "  options: \(options)\n" }
            if let now = example.now { out += "  committed at \(RuleExample.commitDate), checked at \(now)\n" }
            if let config = example.config {
                out += "  --- .greenlight.yml\n" + config.split(separator: "\n").map { "  \($0)\n" }.joined()
            }
            for (path, content) in example.cleanFiles.sorted(by: { $0.key < $1.key }) {
                out += "  --- \(path)\n"
                for line in content.split(separator: "\n", omittingEmptySubsequences: false).dropLast(content.hasSuffix("\n") ? 1 : 0) {
                    out += "  \(line)\n"
                }
            }
            let positions = example.expectedPositions
            if !positions.isEmpty { out += "  => finding at \(positions.joined(separator: ", "))\n" }
        }
        return out
    }
}
