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
        if let change = report.change {
            out += "Only what changed since \(MarkdownCell.code(change.base)) (merge base `\(change.baseCommit.prefix(12))`) is reported: "
                + "\(change.files) changed file\(change.files == 1 ? "" : "s"); \(change.outside) finding\(change.outside == 1 ? "" : "s") "
                + "outside the change left out.\n\n"
        }
        out += "| errors | warnings | notes | suppressed | baselined |\n|---:|---:|---:|---:|---:|\n"
        out += "| \(summary.errors) | \(summary.warnings) | \(summary.notes) | \(summary.suppressed) | \(summary.baselined) |\n"
        let live = report.findings.filter(\.isLive)
        if live.isEmpty {
            out += "\nNo findings.\n"
        } else {
            out += "\n## Findings\n\n| severity | location | rule | message |\n|---|---|---|---|\n"
            // One row per subject (an LLM call site): its rules and what each says, line by line.
            for group in FindingGroups.bySubject(live) {
                let first = group[0]
                let location = first.line > 0 ? "\(first.path):\(first.line):\(first.column)" : first.path
                guard group.count > 1, let subject = first.subject else {
                    out += "| \(first.severity.rawValue) | \(MarkdownCell.code(location)) | `\(first.rule)` | \(MarkdownCell.text(first.message)) |\n"
                    continue
                }
                let severity = group.map(\.severity).min() ?? first.severity  // errors sort first
                let rules = group.map { "`\($0.rule)`" }.joined(separator: "<br>")
                let details = group.map { MarkdownCell.text($0.detail) }.joined(separator: "<br>")
                out += "| \(severity.rawValue) | \(MarkdownCell.code(location)) | \(rules) | \(MarkdownCell.text(subject)):<br>\(details) |\n"
            }
        }
        if let claims = report.claims, !claims.isEmpty { out += claimsSection(claims) }
        if let evidence = report.evidence, !evidence.isEmpty { out += evidenceSection(evidence) }
        if let probes = report.probes, !probes.isEmpty {
            out += "\n## Probes\n\n| probe | result | status | requests | p50 | p95 | errors |\n|---|---|---:|---:|---:|---:|---:|\n"
            for row in probes.map(ReadinessReport.ProbeRow.init) {
                out += "| \(MarkdownCell.text(row.name)) | \(row.result) | \(row.status) | \(row.requests) | \(row.p50) | \(row.p95) | \(row.errors) |\n"
            }
        }
        if let agents = report.agents, !agents.isEmpty {
            out += "\n## Proof of work\n\n| agent | state | last commit | age |\n|---|---|---|---|\n"
            for row in agents.map(ReadinessReport.AgentRow.init) {
                out += "| \(MarkdownCell.text(row.agent)) | \(row.state) | \(row.lastCommit) | \(row.age) |\n"
            }
        }
        return out
    }

    private func claimsSection(_ documents: [DocumentClaims]) -> String {
        var out = "\n## Claims\n\n| document | done | verified | unverified | pending |\n|---|---:|---:|---:|---:|\n"
        for document in documents {
            out += "| \(MarkdownCell.code(document.path)) | \(document.done) | \(document.verified) | \(document.unverified) | \(document.pending) |\n"
        }
        for document in documents where !document.unverifiedClaims.isEmpty {
            out += "\nUnverified in \(MarkdownCell.code(document.path)):\n\n"
            for claim in document.unverifiedClaims {
                out += "- line \(claim.line): \(claim.title.replacingOccurrences(of: "\n", with: " ")) — \(claim.missing)\n"
            }
        }
        return out
    }

    private func evidenceSection(_ states: [EvidenceState]) -> String {
        var out = "\n## Evidence\n\n| name | status | recorded | age | commit | link |\n|---|---|---|---|---|---|\n"
        for state in states {
            let age = state.ageSeconds.map { TimeSpan(seconds: Double($0)).description } ?? "–"
            let commit = state.commit.map { "`\($0.prefix(12))`" } ?? "–"
            let link = state.url.map { "[run](\($0))" } ?? "–"
            let name = state.required ? "\(state.name) (required)" : state.name
            out += "| \(MarkdownCell.text(name)) | \(state.status) | \(state.recordedAt ?? "–") | \(age) | \(commit) | \(link) |\n"
        }
        return out
    }
}
