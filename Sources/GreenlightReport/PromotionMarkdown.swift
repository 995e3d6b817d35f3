import GreenlightCore
import GreenlightLoops

/// The promotion report as Markdown (`reports/promote-<time>.md`) and as the few lines the
/// command prints.
public enum PromotionMarkdown {
    public static func render(_ report: PromotionReport) -> String {
        var out = "# Prompt promotion run, \(report.startedAt)\n\n"
        out += "**\(report.passed ? "PASSED" : "FAILED")** (\(report.mode.rawValue)) against `\(report.api)`, "
        out += "prompts from `\(report.promptsFrom)`: \(report.tally).\n\n"
        out += PreflightMarkdown.render(report.preflight)
        out += "## Prompts\n\n| prompt | version | from → to | action | status | applied | reason |\n|---|---|---|---|---|---|---|\n"
        for prompt in report.prompts {
            let decision = prompt.decision
            let status = prompt.status == .failed ? "**failed**" : prompt.status.rawValue
            out += "| \(MarkdownCell.code(prompt.name)) | \(decision?.version.map(MarkdownCell.code) ?? "—") "
            out += "| \(decision?.movement ?? "—") | \(decision?.action.rawValue ?? "—") | \(status) "
            out += "| \(prompt.applied ? "yes" : "no") | \(MarkdownCell.text(decision?.reason ?? prompt.detail)) |\n"
        }
        let gated = report.prompts.filter { !($0.decision?.gates.isEmpty ?? true) }
        if !gated.isEmpty {
            out += "\n## Evaluation gate\n\n| prompt | gate | needs | actual | result |\n|---|---|---|---|---|\n"
            for prompt in gated {
                for gate in prompt.decision?.gates ?? [] {
                    out += "| \(MarkdownCell.code(prompt.name)) | \(gate.name.rawValue) | \(MarkdownCell.text(gate.required)) "
                    out += "| \(gate.actual.map(MarkdownCell.text) ?? "unknown") | \(gate.passed ? "pass" : "**fail**") |\n"
                }
            }
        }
        out += "\n## Calls\n\n| prompt | request | body | answer |\n|---|---|---|---|\n"
        for prompt in report.prompts {
            for call in prompt.calls {
                out += "| \(MarkdownCell.code(prompt.name)) | \(MarkdownCell.code(call.request)) "
                out += "| \(call.body.map(MarkdownCell.code) ?? "") | \(MarkdownCell.text(call.answer + (call.detail.map { ": \($0)" } ?? ""))) |\n"
            }
        }
        return out
    }

    public static func summary(_ report: PromotionReport) -> String {
        var out = "promote (\(report.mode.rawValue)) against \(report.api), prompts from \(report.promptsFrom)\n"
        out += PreflightMarkdown.line(report.preflight)
        for prompt in report.prompts {
            let status = prompt.status == .notRun ? "not run" : prompt.status.rawValue
            out += status.padding(toLength: 8, withPad: " ", startingAt: 0) + "  "
                + prompt.name.padding(toLength: 20, withPad: " ", startingAt: 0) + "  " + prompt.detail + "\n"
        }
        out += "\(report.passed ? "PASSED" : "FAILED"): \(report.tally)\n"
        return out
    }
}
