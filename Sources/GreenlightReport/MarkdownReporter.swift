import Foundation
import GreenlightCore

/// A Markdown summary for a job summary or a pull-request comment.
public struct MarkdownReporter: Reporter {
    public init() {}

    public func render(_ report: CheckReport) throws -> String {
        let summary = report.summary
        var out = "# Greenlight: \(report.posture.label)\n\n"
        var facts = "Source: \(report.repo.source.rawValue)"
        if let commit = report.repo.commit { facts += ", commit `\(commit.prefix(12))`" }
        out += facts + ", checked \(report.generatedAt).\n\n"
        out += "| errors | warnings | notes | suppressed | baselined |\n|---:|---:|---:|---:|---:|\n"
        out += "| \(summary.errors) | \(summary.warnings) | \(summary.notes) | \(summary.suppressed) | \(summary.baselined) |\n"
        let live = report.findings.filter(\.isLive)
        if live.isEmpty {
            out += "\nNo findings.\n"
            return out
        }
        out += "\n## Findings\n\n| severity | location | rule | message |\n|---|---|---|---|\n"
        for finding in live {
            let location = finding.line > 0 ? "\(finding.path):\(finding.line):\(finding.column)" : finding.path
            out += "| \(finding.severity.rawValue) | `\(cell(location))` | `\(finding.rule)` | \(cell(finding.message)) |\n"
        }
        return out
    }

    /// Table-safe: pipes escaped, line breaks flattened.
    private func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
