import GreenlightCore

/// `evidence.stale`: the newest record of a required gate is older than its `max_age`.
public struct EvidenceStaleRule: Rule {
    public static let description = RuleDescription(
        id: "evidence.stale",
        severity: .error,
        summary: "The newest evidence of a required gate is older than its max_age",
        rationale: """
            Evidence ages: a smoke run from last month says little about today's deploy. Each \
            required gate has a `max_age` (default 7d); once its newest record is older at the \
            run's clock (`--now`), the gate must run again.
            """,
        configKeys: [ConfigKey("evidence.required[].max_age", "how old the newest record may be, e.g. 36h or 7d", default: "7d")],
        triggering: [
            RuleExample([
                ".greenlight/evidence/flywheel/20261101T060000Z.json":
                    #"{"schemaVersion": 1, "name": "flywheel", "status": "pass", "recordedAt": "2026-11-01T06:00:00Z"}"#,
            ], config: "evidence:\n  required: [{name: flywheel, max_age: 7d}]",
               now: "2026-11-21T12:00:00Z", expect: [".greenlight/evidence/flywheel/20261101T060000Z.json:0:0"]),
        ],
        nonTriggering: [
            RuleExample([
                ".greenlight/evidence/flywheel/20261101T060000Z.json":
                    #"{"schemaVersion": 1, "name": "flywheel", "status": "pass", "recordedAt": "2026-11-01T06:00:00Z"}"#,
            ], config: "evidence:\n  required: [{name: flywheel, max_age: 7d}]", now: "2026-11-05T00:00:00Z"),
            RuleExample([
                ".greenlight/evidence/flywheel/20261130T060000Z.json":
                    #"{"schemaVersion": 1, "name": "flywheel", "status": "pass", "recordedAt": "2026-11-30T06:00:00Z"}"#,
            ], config: "evidence:\n  required: [{name: flywheel, max_age: 1d}]"),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        let ledger = try EvidenceLedger.of(context)
        return context.section(EvidenceSettings.self).required.compactMap { requirement in
            guard let newest = ledger.byName[requirement.name]?.first else { return nil }
            let age = EvidenceLedger.age(of: newest, now: context.now)
            guard age > requirement.maxAge.seconds else { return nil }
            return Finding(
                rule: Self.description,
                path: newest.path,
                line: 0,
                column: 0,
                message: "newest '\(requirement.name)' evidence is \(TimeSpan(seconds: age)) old, over its max_age of \(requirement.maxAge)",
                matched: requirement.name + " " + newest.record.recordedAt,
                fix: "run the gate again and record it"
            )
        }
    }
}
