import GreenlightCore

/// `evidence.commit-unknown`: a record names a commit that is not in the repository.
public struct CommitUnknownRule: Rule {
    public static let description = RuleDescription(
        id: "evidence.commit-unknown",
        severity: .warning,
        summary: "An evidence record names a commit the repository does not have",
        rationale: """
            A record ties a result to the code it ran against. A commit id that is not in the \
            repository — from a fork, a rewritten branch, or a typo — ties it to nothing that can \
            be reviewed.
            """,
        triggering: [
            RuleExample([
                ".greenlight/evidence/smoke/20261120T090000Z.json":
                    #"{"schemaVersion": 1, "name": "smoke", "status": "pass", "recordedAt": "2026-11-20T09:00:00Z", "commit": "0123456789abcdef0123456789abcdef01234567"}"#,
            ], expect: [".greenlight/evidence/smoke/20261120T090000Z.json:0:0"]),
        ],
        nonTriggering: [
            RuleExample([
                ".greenlight/evidence/smoke/20261120T090000Z.json":
                    #"{"schemaVersion": 1, "name": "smoke", "status": "pass", "recordedAt": "2026-11-20T09:00:00Z"}"#,
            ]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        guard let history = context.snapshot.history else { return [] }
        var findings: [Finding] = []
        for records in try EvidenceLedger.of(context).byName.values {
            for located in records {
                guard let commit = located.record.commit, !history.commitExists(commit) else { continue }
                findings.append(Finding(
                    rule: Self.description,
                    path: located.path,
                    line: 0,
                    column: 0,
                    message: "evidence '\(located.record.name)' names commit \(commit.prefix(12)), which is not in the repository",
                    matched: commit
                ))
            }
        }
        return findings
    }
}
