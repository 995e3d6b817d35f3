import Foundation
import GreenlightCore

/// Everything a `check` run reports, in the shape of JSON schema v1. Keys are only ever added,
/// never renamed.
public struct CheckReport: Encodable {
    public struct Tool: Encodable {
        public let name: String
        public let version: String
    }

    public struct Repo: Encodable {
        public let root: String
        public let commit: String?
        public let source: SnapshotSource

        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(root, forKey: .root)
            try container.encode(commit, forKey: .commit)
            try container.encode(source, forKey: .source)
        }

        enum CodingKeys: String, CodingKey {
            case root, commit, source
        }
    }

    public let schemaVersion = 1
    public let tool = Tool(name: GreenlightVersion.name, version: GreenlightVersion.current)
    public let repo: Repo
    public let generatedAt: String
    public let posture: Posture
    public let exitCode: Int32
    public let findings: [Finding]
    public let summary: Summary
    /// Claim counts per readiness document (when the claims family ran).
    public let claims: [DocumentClaims]?
    /// The newest record of each evidence name (when the evidence family ran).
    public let evidence: [EvidenceState]?
    /// Live probe outcomes (when probes ran).
    public let probes: [ProbeState]?
    /// Proof of work per agent (when the pow family ran).
    public let agents: [AgentState]?
    /// The rules that ran, for the formats that describe them (SARIF, JUnit); not in JSON v1.
    public let rules: [ReportedRule]
    /// `--diff-base`: what the run was narrowed to, and how much it left out.
    public let change: ChangeSummary?

    /// What a `--diff-base` run compared with and left out.
    public struct ChangeSummary: Encodable, Sendable {
        /// The revision as given (`origin/main`).
        public let base: String
        /// The merge base the change is measured from.
        public let baseCommit: String
        /// Files the change adds, modifies or deletes.
        public let files: Int
        /// Findings the run saw that the change did not bring, left out of the report (per-file
        /// rules read only the changed files, so old findings elsewhere are not even looked for).
        public let outside: Int

        public init(_ scope: ChangeScope, outside: Int) {
            base = scope.baseName
            baseCommit = scope.base
            files = scope.files.count + scope.deleted.count
            self.outside = outside
        }

        /// `change since origin/main (1a2b3c4d5e6f): 3 files, 12 findings outside it`.
        public var line: String {
            "change since \(base) (\(baseCommit.prefix(12))): \(files) file\(files == 1 ? "" : "s"), "
                + "\(outside) finding\(outside == 1 ? "" : "s") outside it"
        }
    }

    public init(
        root: String, commit: String?, source: SnapshotSource, now: Date, findings: [Finding],
        facts: ReportFacts = ReportFacts(), rules: [ReportedRule] = [], change: ChangeSummary? = nil,
        failOn: FailThreshold = .error
    ) {
        self.rules = rules
        self.change = change
        self.claims = facts.claims
        self.evidence = facts.evidence
        self.probes = facts.probes
        self.agents = facts.agents
        self.repo = Repo(root: root, commit: commit, source: source)
        self.generatedAt = Timestamp.format(now)
        self.findings = findings
        self.posture = Posture(findings: findings)
        self.summary = Summary(findings: findings)
        self.exitCode = findings.contains(where: failOn.fails) ? ExitStatus.gateFailed : ExitStatus.passed
    }

    /// What was checked, for a summary line: `index 1a2b3c4d5e6f`, and with `--diff-base`
    /// `; change since origin/main (…): 3 files, 12 findings outside it`.
    public var checkedLabel: String {
        var label = repo.source.rawValue
        if let commit = repo.commit { label += " \(commit.prefix(12))" }
        if let change { label += "; " + change.line }
        return label
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion, tool, repo, generatedAt, posture, exitCode, findings, summary, claims, evidence, probes, agents, change
    }
}

/// One output format. Each format is one small type in its own file.
public protocol Reporter {
    func render(_ report: CheckReport) throws -> String
}

/// The formats `check --format` takes.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text
    case json
    case markdown
    case sarif
    case junit
    case github

    /// `annotationLimit` caps the workflow commands of each severity (`github` only).
    public func reporter(colour: Bool, annotationLimit: Int = GitHubReporter.defaultAnnotationLimit) -> Reporter {
        switch self {
        case .text: return TextReporter(colour: colour)
        case .json: return JSONReporter()
        case .markdown: return MarkdownReporter()
        case .sarif: return SARIFReporter()
        case .junit: return JUnitReporter()
        case .github: return GitHubReporter(annotationLimit: annotationLimit)
        }
    }
}
