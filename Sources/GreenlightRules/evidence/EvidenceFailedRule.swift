import GreenlightCore

/// `evidence.failed`: the newest record of a gate says it failed.
public struct EvidenceFailedRule: Rule {
    public static let description = RuleDescription(
        id: "evidence.failed",
        severity: .error,
        summary: "The newest evidence record of a gate is a failure",
        rationale: """
            A gate whose last run failed is not green, whatever older records say. Only the newest \
            record of each name counts; fix the cause and record a passing run.
            """,
        triggering: [
            RuleExample([
                ".greenlight/evidence/smoke-prod/20261119T090000Z.json":
                    #"{"schemaVersion": 1, "name": "smoke-prod", "status": "pass", "recordedAt": "2026-11-19T09:00:00Z"}"#,
                ".greenlight/evidence/smoke-prod/20261120T090000Z.json":
                    #"{"schemaVersion": 1, "name": "smoke-prod", "status": "fail", "recordedAt": "2026-11-20T09:00:00Z", "url": "https://ci.example.com/runs/7"}"#,
            ], expect: [".greenlight/evidence/smoke-prod/20261120T090000Z.json:0:0"]),
        ],
        nonTriggering: [
            RuleExample([
                ".greenlight/evidence/smoke-prod/20261119T090000Z.json":
                    #"{"schemaVersion": 1, "name": "smoke-prod", "status": "fail", "recordedAt": "2026-11-19T09:00:00Z"}"#,
                ".greenlight/evidence/smoke-prod/20261120T090000Z.json":
                    #"{"schemaVersion": 1, "name": "smoke-prod", "status": "pass", "recordedAt": "2026-11-20T09:00:00Z"}"#,
            ]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        try EvidenceLedger.of(context).byName.values.compactMap { records in
            guard let newest = records.first, newest.record.status == .fail else { return nil }
            let link = newest.record.url.map { " (\($0))" } ?? ""
            return Finding(
                rule: Self.description,
                path: newest.path,
                line: 0,
                column: 0,
                message: "newest '\(newest.record.name)' evidence, recorded \(newest.record.recordedAt), is a failure\(link)",
                matched: newest.record.name + " " + newest.record.recordedAt,
                fix: "fix the cause and record a passing run"
            )
        }
    }
}
