/// Figures the families gather while they check, for reports beside the findings: claim counts
/// per readiness document, the state of each evidence record. Typed, and added to (never
/// renamed) as families grow.
public struct ReportFacts: Codable, Sendable, Equatable {
    public var claims: [DocumentClaims]?
    public var evidence: [EvidenceState]?
    public var probes: [ProbeState]?
    public var agents: [AgentState]?
    /// Families the run selected whose rules the configuration all switched off: they checked
    /// nothing (absent when every selected family ran).
    public var familiesOff: [String]?

    public init() {}

    /// Adds what another part of the run gathered (each family fills its own fields).
    public mutating func merge(_ other: ReportFacts) {
        claims = other.claims ?? claims
        evidence = other.evidence ?? evidence
        probes = other.probes ?? probes
        agents = other.agents ?? agents
        familiesOff = other.familiesOff ?? familiesOff
    }
}

/// One live probe's outcome, as reports and the history keep it (URLs already redacted).
public struct ProbeState: Codable, Sendable, Equatable {
    public var name: String
    public var passed: Bool
    public var status: Int?
    public var requests: Int
    public var p50Milliseconds: Double?
    public var p95Milliseconds: Double?
    /// Failed requests over all requests, 0 to 1.
    public var errorRate: Double?

    public init(name: String, passed: Bool, status: Int?, requests: Int, p50Milliseconds: Double?,
                p95Milliseconds: Double?, errorRate: Double?) {
        self.name = name
        self.passed = passed
        self.status = status
        self.requests = requests
        self.p50Milliseconds = p50Milliseconds
        self.p95Milliseconds = p95Milliseconds
        self.errorRate = errorRate
    }
}

/// One agent's proof of work at the run's clock.
public struct AgentState: Codable, Sendable, Equatable {
    public var agent: String
    public var path: String
    /// `fresh`, `late`, `stale` or `never`.
    public var state: String
    public var lastCommit: String?
    public var lastCommitAt: String?
    public var ageSeconds: Int?

    public init(agent: String, path: String, state: String, lastCommit: String?, lastCommitAt: String?, ageSeconds: Int?) {
        self.agent = agent
        self.path = path
        self.state = state
        self.lastCommit = lastCommit
        self.lastCommitAt = lastCommitAt
        self.ageSeconds = ageSeconds
    }
}

/// Claim counts of one readiness document, and each unverified claim with what was missing.
public struct DocumentClaims: Codable, Sendable, Equatable {
    public var path: String
    /// Done claims (checked items, headings marked done, table rows marked done).
    public var done: Int
    /// Done claims whose evidence was checked and holds.
    public var verified: Int
    /// Done claims whose evidence is missing, absent, or only links.
    public var unverified: Int
    /// Open claims.
    public var pending: Int
    public var unverifiedClaims: [UnverifiedClaim]

    public init(path: String, done: Int, verified: Int, unverified: Int, pending: Int, unverifiedClaims: [UnverifiedClaim]) {
        self.path = path
        self.done = done
        self.verified = verified
        self.unverified = unverified
        self.pending = pending
        self.unverifiedClaims = unverifiedClaims
    }
}

public struct UnverifiedClaim: Codable, Sendable, Equatable {
    public var line: Int
    public var title: String
    public var missing: String

    public init(line: Int, title: String, missing: String) {
        self.line = line
        self.title = title
        self.missing = missing
    }
}

/// The newest record of one evidence name, as a report shows it.
public struct EvidenceState: Codable, Sendable, Equatable {
    public var name: String
    /// `pass`, `fail`, or `missing`.
    public var status: String
    public var recordedAt: String?
    /// Age in seconds at the run's clock.
    public var ageSeconds: Int?
    public var commit: String?
    public var url: String?
    public var required: Bool

    public init(name: String, status: String, recordedAt: String?, ageSeconds: Int?, commit: String?, url: String?, required: Bool) {
        self.name = name
        self.status = status
        self.recordedAt = recordedAt
        self.ageSeconds = ageSeconds
        self.commit = commit
        self.url = url
        self.required = required
    }
}
