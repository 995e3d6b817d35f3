import GreenlightCore
import GreenlightLoops

/// The flywheel report as Markdown (`reports/flywheel-<time>.md`) and as the few lines the
/// command prints.
public enum FlywheelMarkdown {
    public static func render(_ report: FlywheelReport) -> String {
        var out = "# Flywheel run, \(report.startedAt)\n\n"
        out += "**\(report.passed ? "PASSED" : "FAILED")** (\(report.mode.rawValue)) against `\(report.api)`: \(report.tally).\n\n"
        out += PreflightMarkdown.render(report.preflight)
        out += "## Steps\n\n| step | status | request | answer | detail |\n|---|---|---|---|---|\n"
        for step in report.steps {
            let status = step.status == .failed ? "**failed**" : step.status.rawValue
            let requests = step.calls.map { MarkdownCell.code($0.request) }.joined(separator: "<br>")
            let answers = step.calls.map { MarkdownCell.text($0.answer) }.joined(separator: "<br>")
            out += "| \(step.name.rawValue) | \(status) | \(requests) | \(answers) | \(MarkdownCell.text(step.detail)) |\n"
        }
        let checks = report.steps.flatMap { step in step.governance.map { (step.name, $0) } }
        if !checks.isEmpty {
            out += "\n## Governance\n\n| step | limit | bound | actual | result |\n|---|---|---:|---:|---|\n"
            for (name, check) in checks {
                out += "| \(name.rawValue) | `\(check.limit)` | \(check.bound) | \(check.actual.map(String.init) ?? "—") | \(check.passed ? "pass" : "**fail**") |\n"
            }
        }
        if let fields = report.moatHealth {
            out += "\n## Moat health\n\n| field | value |\n|---|---|\n"
            for field in fields {
                out += "| \(MarkdownCell.code(field.field)) | \(MarkdownCell.text(field.value)) |\n"
            }
        }
        return out
    }

    /// What `greenlight loop flywheel` prints.
    public static func summary(_ report: FlywheelReport) -> String {
        var out = "flywheel (\(report.mode.rawValue)) against \(report.api)\n"
        out += PreflightMarkdown.line(report.preflight)
        for step in report.steps {
            let status = step.status == .notRun ? "not run" : step.status.rawValue
            out += status.padding(toLength: 8, withPad: " ", startingAt: 0) + "  "
                + step.name.rawValue.padding(toLength: 21, withPad: " ", startingAt: 0) + "  " + step.detail + "\n"
        }
        out += "\(report.passed ? "PASSED" : "FAILED"): \(report.tally)\n"
        return out
    }
}

/// The preflight section shared by both loops' reports.
enum PreflightMarkdown {
    static func render(_ preflight: PreflightReport) -> String {
        var out = "## Preflight\n\n| variable | state |\n|---|---|\n"
        for variable in preflight.variables {
            let state = variable.state == .set ? variable.stateText : "**\(variable.stateText)**"
            out += "| `\(variable.name)` | \(state) |\n"
        }
        out += "\n"
        if let health = preflight.health {
            out += "Health: \(MarkdownCell.code(health.request)) answered \(MarkdownCell.text(health.answer)).\n\n"
        }
        if preflight.passed {
            out += "Preflight passed.\n\n"
        } else {
            out += "Preflight **failed**; no step ran:\n\n" + preflight.problems.map { "- \(MarkdownCell.text($0))\n" }.joined() + "\n"
        }
        return out
    }

    static func line(_ preflight: PreflightReport) -> String {
        let variables = preflight.variables.map(\.description).joined(separator: ", ")
        var out = "preflight  \(variables)"
        if let health = preflight.health { out += "; \(health.request) \(health.answer)" }
        out += "\n"
        for problem in preflight.problems { out += "preflight failed: \(problem)\n" }
        return out
    }
}
