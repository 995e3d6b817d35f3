import Foundation
import GreenlightCore
@testable import GreenlightReport
import Testing

/// The top of the weekly report: hundreds of blocking findings read as a few lines with counts.
struct ReportDigestTests {
    /// 547 errors of three rules over fourteen files, most in a few of them.
    static func errors() -> [Finding] {
        var findings: [Finding] = []
        func add(_ rule: RuleDescription, _ path: String, _ count: Int) {
            for line in 1...count {
                findings.append(Finding(rule: rule, path: path, line: line, column: 1, message: "m\(line)", matched: "\(path)\(line)"))
            }
        }
        let missing = RuleDescription(id: "claims.missing-evidence", severity: .error, summary: "s", rationale: "r", triggering: [], nonTriggering: [])
        let leak = RuleDescription(id: "secrets.leak", severity: .error, summary: "s", rationale: "r", triggering: [], nonTriggering: [])
        let build = RuleDescription(id: "ci.docker-build-missing", severity: .error, summary: "s", rationale: "r", triggering: [], nonTriggering: [])
        add(missing, "docs/PHASE_2.md", 300)
        add(missing, "docs/STATUS.md", 120)
        for index in 1...10 { add(missing, "docs/tasks-\(index).md", 10) }
        add(leak, "config/dev.env.ts", 25)
        add(build, "services/api/Dockerfile", 1)
        add(build, "services/web/Dockerfile", 1)
        return findings
    }

    @Test func hundredsOfBlockingFindingsReadAsAFewLines() throws {
        let errors = Self.errors()
        #expect(errors.count == 547)
        let trends = ReadinessReport.Trends(baseline: "2026-11-30T07:00:00Z", previousPosture: "YELLOW", newFindings: [],
                                            fixedFindings: [], days: [], chart: nil)
        let digest = ReportDigest(blocking: errors, claims: [], trends: trends, posture: .red, periodStart: "2026-11-30T07:00:00Z")
        #expect(digest.changed == "0 new, 0 fixed since the last run before 2026-11-30T07:00:00Z (2026-11-30T07:00:00Z); posture RED, was YELLOW.")
        #expect(digest.blocking.map(\.text) == [
            "520 in `docs/PHASE_2.md` (300), `docs/STATUS.md` (120), `docs/tasks-1.md` (10) and 9 more files",
            "25 in `config/dev.env.ts` (25)",
            "2 in `services/api/Dockerfile` (1), `services/web/Dockerfile` (1)",
        ])
        #expect(digest.blocking.map(\.rule) == ["claims.missing-evidence", "secrets.leak", "ci.docker-build-missing"])

        let listed = errors.map { ReadinessReport.Listed(rule: $0.rule, location: "\($0.path):\($0.line):1", message: $0.message, link: nil) }
        let report = ReadinessReport(
            title: "Weekly readiness report", repository: "repo", commit: nil, generatedAt: "2026-12-07T07:00:00Z",
            periodStart: "2026-11-30T07:00:00Z", periodEnd: "2026-12-07T07:00:00Z", posture: .red, summary: Summary(findings: errors),
            families: [], blocking: listed, claims: [], evidence: [], probes: [], agents: [], trends: trends, digest: digest)
        let markdown = try ReadinessReportRenderer(templateText: nil, source: "shipped").markdown(report)
        let blocks = markdown.components(separatedBy: "## What blocks\n\n")[1].components(separatedBy: "\n\n")[0]
        #expect(blocks.components(separatedBy: "\n").count == 3, "\(blocks)")
        let section = markdown.components(separatedBy: "## Blocking findings\n\n")[1].components(separatedBy: "\n\n")[0]
        #expect(section.components(separatedBy: "\n").count == 21, "\(section)")
        #expect(section.hasSuffix("- … and 527 more: `greenlight check --format markdown` lists them all."), "\(section)")
        let json = try ReadinessReportRenderer(templateText: nil, source: "shipped").json(report)
        #expect(json.contains("\"moreFiles\" : 9"), "\(json.prefix(400))")
    }
}
