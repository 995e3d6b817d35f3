import GreenlightCore

/// `pow.late`: an agent's log is past `stale_after` but within the grace. Shape: a
/// whole-snapshot check over the history of every log at once.
public struct LateLogRule: Rule {
    public static let description = RuleDescription(
        id: "pow.late",
        severity: .warning,
        summary: "An agent's log is past stale_after but still within the grace",
        rationale: """
            Like a cron monitor's period plus grace: between `stale_after` and `stale_after + \
            grace` without a commit to its log, an agent is late — a warning that turns into \
            `pow.stale`, an error, when the grace runs out. With no grace (the default) an agent \
            goes straight from fresh to stale.
            """,
        configKeys: ProofOfWorkKeys.all,
        triggering: [
            RuleExample([
                ".greenlight.yml": "proof_of_work:\n  stale_after: 10m\n  grace: 20m\n",
                "feedback/rag.md": "↓Goldens pass: https://ci.example.com/runs/41\n",
            ], now: "2026-11-01T12:15:00Z"),
        ],
        nonTriggering: [
            RuleExample([
                ".greenlight.yml": "proof_of_work:\n  stale_after: 10m\n  grace: 20m\n",
                "feedback/rag.md": "Goldens pass: https://ci.example.com/runs/41\n",
            ], now: "2026-11-01T12:35:00Z"),
            RuleExample([
                "feedback/rag.md": "Goldens pass: https://ci.example.com/runs/41\n",
            ], now: "2026-11-01T12:15:00Z"),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        let scan = try ProofOfWorkScan.of(context)
        return scan.agents.filter { $0.state == .late }.map { status in
            let position = status.entryPosition
            let stale = scan.section.staleAfter.seconds + scan.section.grace.seconds - (status.activeAge ?? 0)
            var finding = Finding(
                rule: Self.description,
                path: status.path,
                line: position.line,
                column: position.column,
                message: "agent '\(status.agent)' is late: no proof of work for \(ProofOfWorkText.age(status)) "
                    + "(\(ProofOfWorkText.lastCommit(status))); stale in \(max(stale, 0).spanText)",
                matched: "\(status.agent)@\(status.lastCommit?.id ?? "")",
                fix: "the agent commits a new entry with an artifact to \(status.path)"
            )
            finding.commit = status.lastCommit?.id
            return finding
        }
    }
}
