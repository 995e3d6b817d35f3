import GreenlightCore

/// `evidence.missing`: a required gate has no record at all.
public struct EvidenceMissingRule: Rule {
    public static let description = RuleDescription(
        id: "evidence.missing",
        severity: .error,
        summary: "A required gate has no recorded evidence",
        rationale: """
            `evidence.required` names the gates that must have run — a production smoke test, the \
            weekly flywheel. With no record under `.greenlight/evidence/NAME/`, nothing shows the \
            gate ever ran. Record one with `greenlight evidence record --name NAME --status pass`.
            """,
        configKeys: [ConfigKey("evidence.required", "[{name, max_age}] gates that must have a recent passing record", default: "[]")],
        triggering: [
            RuleExample(["README.md": "service\n"], config: "evidence:\n  required: [{name: smoke-prod}]",
                        expect: [".greenlight/evidence/smoke-prod/:0:0"]),
        ],
        nonTriggering: [
            RuleExample([
                ".greenlight/evidence/smoke-prod/20261120T090000Z.json":
                    #"{"schemaVersion": 1, "name": "smoke-prod", "status": "pass", "recordedAt": "2026-11-20T09:00:00Z"}"#,
            ], config: "evidence:\n  required: [{name: smoke-prod}]"),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        let ledger = try EvidenceLedger.of(context)
        return context.section(EvidenceSettings.self).required.compactMap { requirement in
            guard ledger.byName[requirement.name] == nil else { return nil }
            return Finding(
                rule: Self.description,
                path: "\(EvidenceRecord.folder)/\(requirement.name)/",
                line: 0,
                column: 0,
                message: "required evidence '\(requirement.name)' has no record under \(EvidenceRecord.folder)/\(requirement.name)/",
                matched: requirement.name,
                fix: "greenlight evidence record --name \(requirement.name) --status pass --url <run URL>, then commit it"
            )
        }
    }
}
