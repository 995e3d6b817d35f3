import Foundation
import GreenlightCore
import GreenlightHistory

/// Assembles a `ReadinessReport` from one check and the history.
public struct ReportBuilder {
    let check: CheckReport
    let findings: [Finding]
    let facts: ReportFacts
    /// The `origin` remote's URL, for links to the forge.
    let remote: String?
    /// Every rule the engine knows; the rows count those of the families that ran.
    let rules: [RuleDescription]
    let families: Set<String>
    let store: HistoryStore?

    public init(check: CheckReport, findings: [Finding], facts: ReportFacts, remote: String?,
                rules: [RuleDescription], families: Set<String>, store: HistoryStore?) {
        self.check = check
        self.findings = findings
        self.facts = facts
        self.remote = remote
        self.rules = rules
        self.families = families
        self.store = store
    }

    public func build(title: String, start: Date, end: Date) throws -> ReadinessReport {
        let live = findings.filter(\.isLive)
        let forge = ForgeLink(remote: remote)
        let commit = check.repo.commit
        let errors = live.filter { $0.severity == .error }
        let blocking = errors.map { finding in
            ReadinessReport.Listed(
                rule: finding.rule, location: Self.location(finding.path, finding.line, finding.column),
                message: finding.message,
                link: commit.flatMap { commit in forge?.link(commit: commit, path: finding.path, line: finding.line) })
        }
        let trends = try trends(live, start: start, end: end)
        let digest = ReportDigest(blocking: errors, claims: facts.claims ?? [], trends: trends,
                                  posture: check.posture, periodStart: Timestamp.format(start))
        return ReadinessReport(
            title: title,
            repository: Self.name(of: check.repo.root),
            commit: commit,
            generatedAt: Timestamp.format(end),
            periodStart: Timestamp.format(start),
            periodEnd: Timestamp.format(end),
            posture: check.posture,
            summary: check.summary,
            families: familyRows(live),
            blocking: blocking,
            claims: facts.claims ?? [],
            evidence: (facts.evidence ?? []).map(ReadinessReport.EvidenceRow.init),
            probes: (facts.probes ?? []).map(ReadinessReport.ProbeRow.init),
            agents: (facts.agents ?? []).map(ReadinessReport.AgentRow.init),
            trends: trends,
            digest: digest
        )
    }

    /// Per family that ran: its rules, how many have live findings, errors and warnings.
    private func familyRows(_ live: [Finding]) -> [ReadinessReport.FamilyRow] {
        let byFamily = Dictionary(grouping: rules, by: \.family)
        return byFamily.keys.filter(families.contains).sorted().map { family in
            let rules = byFamily[family] ?? []
            let findings = live.filter { $0.family == family }
            let failing = Set(findings.map(\.rule)).count
            return .init(family: family, rules: rules.count, passing: rules.count - failing, failing: failing,
                         errors: findings.filter { $0.severity == .error }.count,
                         warnings: findings.filter { $0.severity == .warning }.count)
        }
    }

    /// New and fixed findings against the last run before the period, by fingerprint; posture
    /// per day from the last run of each day.
    private func trends(_ live: [Finding], start: Date, end: Date) throws -> ReadinessReport.Trends {
        guard let store else {
            return .init(baseline: nil, newFindings: live.map(Self.listed), fixedFindings: [], days: [], chart: nil)
        }
        let previous = try store.lastRun(command: "check", before: start)
        let before = try previous.map { try store.findings(ofRun: $0.id).filter(\.isLive) } ?? []
        let beforePrints = Set(before.map(\.fingerprint))
        let nowPrints = Set(live.map(\.fingerprint))
        let newFindings = live.filter { !beforePrints.contains($0.fingerprint) }.map(Self.listed)
        let fixed = before.filter { !nowPrints.contains($0.fingerprint) }.map {
            ReadinessReport.Listed(rule: $0.rule, location: Self.location($0.path, $0.line, $0.column), message: $0.message, link: nil)
        }
        let runs = try store.runs(command: "check", from: start, to: end.addingTimeInterval(1))
        var lastOfDay: [String: StoredRun] = [:]
        for run in runs { lastOfDay[String(run.startedAt.prefix(10))] = run }
        var days: [ReadinessReport.Day] = []
        var day = Calendar.utc.startOfDay(for: start)
        while day <= end {
            let key = String(Timestamp.format(day).prefix(10))
            if let run = lastOfDay[key] {
                days.append(.init(date: key, posture: run.posture.label, errors: run.errors, warnings: run.warnings))
            } else {
                days.append(.init(date: key, posture: "–", errors: nil, warnings: nil))
            }
            day = day.addingTimeInterval(86400)
        }
        return .init(baseline: previous?.startedAt, previousPosture: previous?.posture.label, newFindings: newFindings,
                     fixedFindings: fixed, days: days, chart: nil)
    }

    static func listed(_ finding: Finding) -> ReadinessReport.Listed {
        .init(rule: finding.rule, location: location(finding.path, finding.line, finding.column), message: finding.message, link: nil)
    }

    static func location(_ path: String, _ line: Int, _ column: Int) -> String {
        line > 0 ? "\(path):\(line):\(column)" : path
    }

    /// The repository's folder name: reports are committed, so no machine paths in them.
    static func name(of root: String) -> String {
        var name = (root as NSString).lastPathComponent
        if name == ".git" { name = ((root as NSString).deletingLastPathComponent as NSString).lastPathComponent }
        return name
    }
}

extension Calendar {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
