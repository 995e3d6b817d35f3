import GreenlightCore

/// `ci.gate-missing`: the repository has adopted Greenlight (it commits `.greenlight.yml`) and
/// has workflows, and none runs `greenlight check` on pull requests. Shape: needs every
/// workflow of the snapshot.
public struct GateMissingRule: Rule {
    public static let description = RuleDescription(
        id: "ci.gate-missing",
        severity: .note,
        summary: "No workflow runs greenlight check on pull requests",
        rationale: """
            Readiness that is checked by hand is checked sometimes. A job that runs \
            `greenlight check` on every pull request makes the gate part of the merge. Only a \
            repository that commits `.greenlight.yml` has adopted the gate; one that has not is \
            not told to run it. The note is on the first workflow that runs on pull requests \
            (or the first workflow).
            """,
        triggering: [
            RuleExample([
                ".greenlight.yml": "rules: {}\n",
                ".github/workflows/ci.yml": "on:\n  ↓pull_request:\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps: [{run: npm test}]\n",
            ]),
            RuleExample([
                ".greenlight.yml": "rules: {}\n",
                ".github/workflows/a.yml": "on: ↓push\njobs:\n  gate:\n    runs-on: ubuntu-latest\n    steps: [{run: greenlight check}]\n",
            ]),
        ],
        nonTriggering: [
            RuleExample([".greenlight.yml": "rules: {}\n", ".github/workflows/ci.yml": """
                on: [push, pull_request]
                jobs:
                  gate:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - run: |
                          ./greenlight check --format github
                """]),
            RuleExample([".greenlight.yml": "rules: {}\n", "README.md": "no workflows here\n"]),
            // Not adopted: no `.greenlight.yml`.
            RuleExample([".github/workflows/ci.yml": "on: pull_request\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps: [{run: npm test}]\n"]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        guard context.snapshot.entry(at: Config.defaultFileName) != nil else { return [] }
        let workflows = try WorkflowParser.workflows(context)
        guard let first = workflows.first else { return [] }
        let onPullRequest = workflows.filter { $0.trigger("pull_request") != nil || $0.trigger("pull_request_target") != nil }
        let gated = onPullRequest.contains { workflow in
            workflow.jobs.contains { job in
                job.steps.contains { step in
                    (step.run?.string.map { ByteSearch.contains(DuplicateWorkflowRule.collapse($0), "greenlight check") } ?? false)
                        || (step.uses?.string?.lowercased().contains("greenlight") ?? false)
                }
            }
        }
        guard !gated else { return [] }
        let target = onPullRequest.first ?? first
        let position = (target.trigger("pull_request") ?? target.trigger("pull_request_target") ?? target.triggers.first)?.position
            ?? SourcePosition(line: 1, column: 1)
        return [Finding(
            Self.description, target, position,
            "no workflow runs `greenlight check` on pull_request, so readiness is not gated at merge",
            matched: "gate", fix: "add a job that runs `greenlight check` on pull_request (greenlight init writes one)")]
    }
}
