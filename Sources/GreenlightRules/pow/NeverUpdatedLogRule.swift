import GreenlightCore

/// `pow.never`: a log no commit ever changed, or an agent named in `proof_of_work.agents`
/// with no log. Shape: a whole-snapshot check over the history of every log at once.
public struct NeverUpdatedLogRule: Rule {
    public static let description = RuleDescription(
        id: "pow.never",
        severity: .error,
        summary: "An agent's log was never committed, or a configured agent has no log",
        rationale: """
            An agent that has never committed to its log has never proven any work: its log \
            exists only in the index or the work tree, or — for an agent listed in \
            `proof_of_work.agents` — not at all (never created, deleted or renamed). In a \
            shallow clone, "never" only covers the fetched history, and the message says so.
            """,
        configKeys: ProofOfWorkKeys.all,
        triggering: [
            RuleExample([
                ".greenlight.yml": "proof_of_work:\n  agents: [tooling, ↓rag]\n",
                "feedback/tooling.md": "CI green: https://ci.example.com/runs/7\n",
            ]),
        ],
        nonTriggering: [
            RuleExample([
                ".greenlight.yml": "proof_of_work:\n  agents: [tooling, rag]\n",
                "feedback/tooling.md": "CI green: https://ci.example.com/runs/7\n",
                "feedback/rag.md": "Goldens: https://ci.example.com/runs/8\n",
            ]),
            RuleExample([
                ".greenlight.yml": "proof_of_work:\n  agents: [tooling, rag]\n  ignore: [rag]\n",
                "feedback/tooling.md": "CI green: https://ci.example.com/runs/7\n",
            ]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        let scan = try ProofOfWorkScan.of(context)
        return scan.agents.filter { $0.state == .never }.map { status in
            let cutOff = status.isCutOff ? " in the fetched history (this shallow clone is cut off; fetch more to know)" : ""
            let message: String
            var path = status.path
            var line = status.exists ? 1 : 0
            var column = status.exists ? 1 : 0
            if status.exists {
                message = "agent '\(status.agent)': no commit ever changed \(status.path)\(cutOff); expected \(scan.expectation(for: status))"
            } else {
                var why = "no log"
                if !status.path.isEmpty { why += " (expected \(status.path))" }
                if case .changed(let stamp, _)? = status.change { why += "; it was deleted or renamed by commit \(stamp)" }
                message = "agent '\(status.agent)' is configured but has \(why)\(cutOff)"
                if let position = status.configPosition {
                    (path, line, column) = (Config.defaultFileName, position.line, position.column)
                }
            }
            var finding = Finding(
                rule: Self.description, path: path, line: line, column: column, message: message,
                matched: status.agent,
                fix: "the agent commits its log\(status.path.isEmpty ? "" : " to \(status.path)"), or the config stops expecting it"
            )
            finding.commit = status.lastCommit?.id
            return finding
        }
    }
}
