import GreenlightCore
import Foundation

/// The weekly (or any period's) readiness report: what the Markdown template renders and what
/// `report --format json` prints. Built by the report command from a fresh check and the history.
public struct ReadinessReport: Codable, Sendable {
    public struct FamilyRow: Codable, Sendable {
        public var family: String
        public var rules: Int
        public var passing: Int
        public var failing: Int
        public var errors: Int
        public var warnings: Int

        public init(family: String, rules: Int, passing: Int, failing: Int, errors: Int, warnings: Int) {
            self.family = family
            self.rules = rules
            self.passing = passing
            self.failing = failing
            self.errors = errors
            self.warnings = warnings
        }
    }

    /// A finding as a report lists it, with a link to the exact commit and line on a known forge.
    public struct Listed: Codable, Sendable {
        public var rule: String
        public var location: String
        public var message: String
        public var link: String?

        public init(rule: String, location: String, message: String, link: String?) {
            self.rule = rule
            self.location = location
            self.message = message
            self.link = link
        }
    }

    public struct EvidenceRow: Codable, Sendable {
        public var name: String
        public var status: String
        public var required: Bool
        public var recorded: String
        public var age: String
        public var commit: String
        public var url: String?

        public init(_ state: EvidenceState) {
            name = state.name
            status = state.status
            required = state.required
            recorded = state.recordedAt ?? "–"
            age = state.ageSeconds.map { TimeSpan(seconds: Double($0)).description } ?? "–"
            commit = state.commit.map { "`\($0.prefix(12))`" } ?? "–"
            url = state.url
        }
    }

    public struct ProbeRow: Codable, Sendable {
        public var name: String
        public var result: String
        public var status: String
        public var requests: Int
        public var p50: String
        public var p95: String
        public var errors: String

        public init(_ probe: ProbeState) {
            name = probe.name
            result = probe.passed ? "pass" : "FAIL"
            status = probe.status.map(String.init) ?? "–"
            requests = probe.requests
            p50 = probe.p50Milliseconds.map(Self.milliseconds) ?? "–"
            p95 = probe.p95Milliseconds.map(Self.milliseconds) ?? "–"
            errors = probe.errorRate.map { String(format: "%.1f%%", $0 * 100) } ?? "–"
        }

        static func milliseconds(_ value: Double) -> String {
            value >= 1000 ? String(format: "%.2f s", value / 1000) : String(format: "%.0f ms", value)
        }
    }

    public struct AgentRow: Codable, Sendable {
        public var agent: String
        public var state: String
        public var lastCommit: String
        public var age: String

        public init(_ agent: AgentState) {
            self.agent = agent.agent
            state = agent.state
            lastCommit = agent.lastCommit.map { "`\($0.prefix(12))` \(agent.lastCommitAt ?? "")" } ?? "–"
            age = agent.ageSeconds.map { TimeSpan(seconds: Double($0)).description } ?? "–"
        }
    }

    /// One day of the period. A day without a run is a gap — posture `–`, no counts (`null` in
    /// JSON, an empty cell, a break in the chart's lines) — never zero findings.
    public struct Day: Codable, Sendable {
        public var date: String
        public var posture: String
        public var errors: Int?
        public var warnings: Int?

        public init(date: String, posture: String, errors: Int?, warnings: Int?) {
            self.date = date
            self.posture = posture
            self.errors = errors
            self.warnings = warnings
        }

        enum CodingKeys: String, CodingKey {
            case date, posture, errors, warnings
        }

        /// `null` for a day without a run, not a missing key.
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(date, forKey: .date)
            try container.encode(posture, forKey: .posture)
            try container.encode(errors, forKey: .errors)
            try container.encode(warnings, forKey: .warnings)
        }
    }

    public struct Trends: Codable, Sendable {
        /// When the run compared against started (the last one before the period).
        public var baseline: String?
        /// That run's posture (`RED`).
        public var previousPosture: String?
        public var newFindings: [Listed]
        public var fixedFindings: [Listed]
        public var days: [Day]
        /// The SVG chart's file name, beside the report.
        public var chart: String?
        // Stored, not computed: templates see stored properties only.
        var newCount = 0
        var fixedCount = 0
        var hasNew = false
        var hasFixed = false

        public init(baseline: String?, previousPosture: String? = nil, newFindings: [Listed], fixedFindings: [Listed], days: [Day],
                    chart: String?) {
            self.baseline = baseline
            self.previousPosture = previousPosture
            self.newFindings = newFindings
            self.fixedFindings = fixedFindings
            self.days = days
            self.chart = chart
            newCount = newFindings.count
            fixedCount = fixedFindings.count
            hasNew = !newFindings.isEmpty
            hasFixed = !fixedFindings.isEmpty
        }

        enum CodingKeys: String, CodingKey {
            case baseline, previousPosture, newFindings, fixedFindings, days, chart
        }
    }

    public var schemaVersion = 1
    public var title: String
    public var repository: String
    public var commit: String?
    public var generatedAt: String
    public var periodStart: String
    public var periodEnd: String
    public var posture: Posture
    public var summary: Summary
    public var families: [FamilyRow]
    public var blocking: [Listed]
    public var claims: [DocumentClaims]
    public var evidence: [EvidenceRow]
    public var probes: [ProbeRow]
    public var agents: [AgentRow]
    public var trends: Trends
    public var digest: ReportDigest

    /// How many blocking findings the report lists one by one; the digest counts them all.
    static let blockingListed = 20

    // Stored, not computed: templates see stored properties only.
    var blockingShown: [Listed] = []
    var blockingMore = 0
    var hasMoreBlocking = false
    var postureLabel = ""
    var commitShort = ""
    var hasClaims = false
    var hasEvidence = false
    var hasProbes = false
    var hasAgents = false

    public init(
        title: String, repository: String, commit: String?, generatedAt: String, periodStart: String, periodEnd: String,
        posture: Posture, summary: Summary, families: [FamilyRow], blocking: [Listed], claims: [DocumentClaims],
        evidence: [EvidenceRow], probes: [ProbeRow], agents: [AgentRow], trends: Trends, digest: ReportDigest
    ) {
        self.digest = digest
        blockingShown = Array(blocking.prefix(Self.blockingListed))
        blockingMore = max(0, blocking.count - Self.blockingListed)
        hasMoreBlocking = blockingMore > 0
        self.title = title
        self.repository = repository
        self.commit = commit
        self.generatedAt = generatedAt
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.posture = posture
        self.summary = summary
        self.families = families
        self.blocking = blocking
        self.claims = claims
        self.evidence = evidence
        self.probes = probes
        self.agents = agents
        self.trends = trends
        postureLabel = posture.label
        commitShort = commit.map { String($0.prefix(12)) } ?? ""
        hasClaims = !claims.isEmpty
        hasEvidence = !evidence.isEmpty
        hasProbes = !probes.isEmpty
        hasAgents = !agents.isEmpty
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion, title, repository, commit, generatedAt, periodStart, periodEnd, posture, summary
        case families, blocking, claims, evidence, probes, agents, trends, digest
    }
}
