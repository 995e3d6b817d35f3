import GreenlightCore

/// `pow.stale`: an agent's log has had no commit for longer than `stale_after + grace`.
/// Shape: a whole-snapshot check over the history of every log at once.
public struct StaleLogRule: Rule {
    public static let description = RuleDescription(
        id: "pow.stale",
        severity: .error,
        summary: "An agent's log has had no commit for longer than stale_after plus grace",
        rationale: """
            Agents prove they are working by committing to their log (`feedback/<agent>.md`) \
            every few minutes. A log without a commit for longer than `stale_after` plus `grace` \
            means the agent stopped, is stuck, or works without leaving evidence — the silence a \
            proof-of-work monitor exists to escalate. Only commits count (the last commit on the \
            checked history that changed the log, by committer time, as `git log -1 -- LOG` finds \
            it); an edit in the work tree counts only with `--worktree`. Outside `active_hours` \
            the clock stops. In a shallow clone whose history ends before the last change, the \
            age is a lower bound.
            """,
        configKeys: ProofOfWorkKeys.all,
        triggering: [
            RuleExample([
                "feedback/tooling.md": "↓## 11:58 — CI\n- `docker build` log: `ci/build.log`\n",
                "ci/build.log": "ok\n",
            ], now: "2026-11-01T12:30:00Z"),
            RuleExample([
                ".greenlight.yml": "proof_of_work:\n  logs: [\"agents/*/log.md\"]\n  stale_after: 1h\n",
                "agents/rag/log.md": "↓Ran the goldens: https://ci.example.com/runs/41\n",
            ], now: "2026-11-01T13:01:00Z"),
        ],
        nonTriggering: [
            RuleExample([
                "feedback/tooling.md": "## 11:58 — CI\n- `docker build` log: `ci/build.log`\n",
                "ci/build.log": "ok\n",
            ], now: "2026-11-01T12:09:00Z"),
            RuleExample([
                ".greenlight.yml": "proof_of_work:\n  stale_after: 10m\n  grace: 30m\n",
                "feedback/rag.md": "Goldens: https://ci.example.com/runs/41\n",
            ], now: "2026-11-01T12:25:00Z"),
            // Sunday afternoon: the clock stopped at Friday 20:00 and restarts Monday 08:00.
            RuleExample([
                ".greenlight.yml": "proof_of_work:\n  active_hours: Mon-Fri 08:00-20:00 UTC\n",
                "feedback/rag.md": "Goldens: https://ci.example.com/runs/41\n",
            ], now: "2026-11-02T08:05:00Z"),
            RuleExample([
                ".greenlight.yml": "proof_of_work:\n  ignore: [rag]\n",
                "feedback/rag.md": "Goldens: https://ci.example.com/runs/41\n",
            ], now: "2026-11-09T12:00:00Z"),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        let scan = try ProofOfWorkScan.of(context)
        return scan.agents.filter { $0.state == .stale }.map { status in
            let position = status.entryPosition
            let at = status.isCutOff ? "at least " : ""
            var finding = Finding(
                rule: Self.description,
                path: status.path,
                line: position.line,
                column: position.column,
                message: "agent '\(status.agent)': no proof of work for \(at)\(ProofOfWorkText.age(status)) "
                    + "(\(ProofOfWorkText.lastCommit(status))); expected \(scan.expectation(for: status))",
                matched: "\(status.agent)@\(status.lastCommit?.id ?? "")",
                fix: "the agent commits a new entry with an artifact to \(status.path), or is unblocked"
            )
            finding.commit = status.lastCommit?.id
            return finding
        }
    }
}

/// Wording shared by the pow rules and the monitor.
public enum ProofOfWorkText {
    /// `25m`, or `25m (7m in active hours)`.
    public static func age(_ status: AgentStatus) -> String {
        let wall = (status.age ?? 0).spanText
        guard let active = status.activeAge, let age = status.age, active != age else { return wall }
        return "\(wall) (\(active.spanText) in active hours)"
    }

    /// `last commit 0123456789ab at 2026-…` or the cut-off wording.
    public static func lastCommit(_ status: AgentStatus) -> String {
        switch status.change {
        case .changed(let stamp, _)?: return "last commit \(stamp)"
        case .unchangedSinceCutOff(let boundary)?:
            return "unchanged since \(boundary), where the history of this shallow clone is cut off"
        case .never?, nil: return "no commit"
        }
    }
}

/// The `proof_of_work:` keys, as `greenlight explain` lists them for every pow rule.
enum ProofOfWorkKeys {
    static let all: [ConfigKey] = [
        ConfigKey("proof_of_work.logs", "globs of agent logs, one agent per file, named after it", default: "[feedback/*.md]"),
        ConfigKey("proof_of_work.stale_after", "late after this long without a commit", default: "10m"),
        ConfigKey("proof_of_work.grace", "stale after stale_after plus this", default: "0m"),
        ConfigKey("proof_of_work.active_hours", "only this time counts, e.g. Mon-Fri 08:00-20:00 UTC", default: "always"),
        ConfigKey("proof_of_work.agents", "agents that must have a log", default: "[]"),
        ConfigKey("proof_of_work.ignore", "agents not to check", default: "[]"),
        ConfigKey("proof_of_work.blockers_log", "the monitor's blockers log", default: "blockers-log.md"),
        ConfigKey("proof_of_work.commit_author", "author of monitor --commit, 'Name <email>'",
                  default: "Greenlight monitor <greenlight-monitor@localhost>"),
    ]
}
