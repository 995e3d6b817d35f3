import GreenlightCore

/// `pow.no-artifact`: the latest entry of an agent's log — the text its last commit added —
/// carries no artifact. Shape: a whole-snapshot check over the history of every log at once.
public struct NoArtifactRule: Rule {
    public static let description = RuleDescription(
        id: "pow.no-artifact",
        severity: .warning,
        summary: "The latest entry of an agent's log carries no artifact",
        rationale: """
            "Working on it" is not proof of work. The latest entry — the lines the last commit \
            added to the log — must carry an artifact: a path that exists in the snapshot (a \
            test log, a diff, a report), a link (a CI run, a pull request), the id of a commit \
            that exists, or a fenced block of real output.
            """,
        configKeys: ProofOfWorkKeys.all,
        triggering: [
            RuleExample(["feedback/rag.md": "↓## 12:00\nStill working on the persistence fix, almost there.\n"]),
            RuleExample([
                "feedback/tooling.md": "\n↓- Dockerfile rewrite in progress, see `dashboard/Dockerfile.new`\n",
                "dashboard/Dockerfile": "FROM node:20\n",
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "feedback/tooling.md": "- Dockerfile rewritten: `dashboard/Dockerfile`\n",
                "dashboard/Dockerfile": "FROM node:20\n",
            ]),
            RuleExample(["feedback/rag.md": "## 12:00\nGoldens:\n```\n41 passed, 0 failed\n```\n"]),
            RuleExample(["feedback/mcp.md": "PR: https://github.example.com/acme/app/pull/12\n"]),
            RuleExample(["feedback/rag.md": "Latency chart in [reports](../reports/p95.svg)\n", "reports/p95.svg": "<svg/>\n"]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        let scan = try ProofOfWorkScan.of(context)
        var findings: [Finding] = []
        for status in scan.agents where status.exists {
            guard let entry = status.latestEntry,
                  ArtifactFinder.artifact(in: entry, log: status.path, snapshot: context.snapshot) == nil else { continue }
            let position = status.entryPosition
            let what = entry.allSatisfy({ $0.text.trimmingWhitespace.isEmpty }) ? "adds no text" : "carries no artifact"
            let by = status.lastCommit.map { " (commit \($0.shortID))" } ?? " (uncommitted)"
            var finding = Finding(
                rule: Self.description,
                path: status.path,
                line: position.line,
                column: position.column,
                message: "agent '\(status.agent)': the latest entry\(by) \(what)",
                matched: "\(status.agent)@\(status.lastCommit?.id ?? "")",
                fix: "cite a path that exists, a link, a commit id, or paste output in a fenced block"
            )
            finding.commit = status.lastCommit?.id
            findings.append(finding)
        }
        return findings
    }
}
