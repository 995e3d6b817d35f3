import Foundation
import GreenlightCore

/// `ci.secrets-preflight`: in a scheduled or dispatched workflow, a job uses `secrets.X` and no
/// earlier step fails when X is empty. Shape: a stateful fold over each job's steps.
public struct SecretsPreflightRule: Rule {
    public static let description = RuleDescription(
        id: "ci.secrets-preflight",
        severity: .note,
        summary: "A scheduled job uses a secret without first checking it is set",
        rationale: """
            A missing secret is an empty string in GitHub Actions: the nightly loop calls the \
            API without a key, gets a 401 deep inside a script, and — if that error is handled \
            — reports success. A first step that fails when the secret is empty (`[ -z "$KEY" ]`, \
            `${KEY:?}`, `test -n`, `greenlight preflight --require KEY`) turns it into a clear, \
            early failure. Checked in workflows on schedule, workflow_dispatch and \
            repository_dispatch; GITHUB_TOKEN is always set.
            """,
        triggering: [
            RuleExample([".github/workflows/flywheel.yml": """
                on:
                  schedule:
                    - cron: "0 6 * * 1"
                jobs:
                  loop:
                    runs-on: ubuntu-latest
                    env:
                      API_KEY: ${{ ↓secrets.API_KEY }}
                    steps:
                      - uses: actions/checkout@v4
                      - run: npm run flywheel
                      - run: 'curl -H "Authorization: ${{ ↓secrets.ADMIN_API_KEY }}" "$API_URL/admin"'
                """]),
        ],
        nonTriggering: [
            RuleExample([".github/workflows/flywheel.yml": """
                on: [workflow_dispatch]
                jobs:
                  loop:
                    runs-on: ubuntu-latest
                    env:
                      API_KEY: ${{ secrets.API_KEY }}
                      ADMIN: ${{ secrets.ADMIN_API_KEY }}
                      TOKEN: ${{ secrets.GITHUB_TOKEN }}
                    steps:
                      - uses: actions/checkout@v4
                      - run: greenlight preflight --require API_KEY
                      - run: |
                          : "${ADMIN:?ADMIN_API_KEY is not set}"
                          npm run flywheel
                """]),
            RuleExample([".github/workflows/ci.yml": """
                on: push
                jobs:
                  t:
                    runs-on: ubuntu-latest
                    steps: [{run: "npm test", env: {KEY: "${{ secrets.KEY }}"}}]
                """]),
        ]
    )

    public init() {}

    private static let reference = try! NSRegularExpression(pattern: #"secrets\.([A-Za-z_][A-Za-z0-9_]*)"#)
    private static let setupActions = ["actions/checkout", "actions/setup-", "actions/cache", "pnpm/action-setup"]

    struct Use {
        let secret: String
        let node: YAMLNode
        let offset: Int
    }

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        var findings: [Finding] = []
        for workflow in try WorkflowParser.workflows(context)
        where workflow.triggers.contains(where: { ["schedule", "workflow_dispatch", "repository_dispatch"].contains($0.name) }) {
            for job in workflow.jobs where job.uses == nil {
                findings += check(job, in: workflow)
            }
        }
        return findings
    }

    private func check(_ job: WorkflowJob, in workflow: Workflow) -> [Finding] {
        let inherited = workflow.env + job.env
        var names: [String: Set<String>] = [:]
        var firstUse: [String: (use: Use, step: Int)] = [:]
        for pair in inherited {
            for use in uses(in: pair.value, workflow) {
                if let name = pair.key.string { names[use.secret, default: [use.secret]].insert(name) }
                if firstUse[use.secret] == nil { firstUse[use.secret] = (use, Int.max) }
            }
        }
        for step in job.steps {
            let values = [step.run, step.node["if"]].compactMap { $0 } + (step.with + step.env).map(\.value)
            for pair in step.env {
                for use in uses(in: pair.value, workflow) {
                    if let name = pair.key.string { names[use.secret, default: [use.secret]].insert(name) }
                }
            }
            for value in values {
                for use in uses(in: value, workflow) where firstUse[use.secret] == nil || firstUse[use.secret]!.step > step.index {
                    firstUse[use.secret] = (use, step.index)
                }
            }
        }
        var findings: [Finding] = []
        for (secret, first) in firstUse.sorted(by: { $0.key < $1.key }) where secret != "GITHUB_TOKEN" {
            let aliases = names[secret, default: [secret]].union([secret])
            let point = first.step == Int.max ? firstWorkingStep(job, aliases: aliases, secret: secret) : first.step
            let checked = job.steps.contains { $0.index <= point && isPreflight($0, for: aliases, secret: secret) }
            guard !checked else { continue }
            let text = ScalarText.located(first.use.node, in: workflow)
            findings.append(Finding(
                Self.description, workflow, text.position(at: first.use.offset),
                "job '\(job.id)' uses secrets.\(secret) in a scheduled or dispatched workflow, and no earlier step fails when it is empty",
                matched: job.id + "\u{0}" + secret,
                fix: "add a first step: greenlight preflight --require \(aliases.sorted().first ?? secret)"))
        }
        return findings
    }

    /// The first step that does work (not a checkout or setup action, not a check of this
    /// secret): a secret from `env` must be checked before it.
    private func firstWorkingStep(_ job: WorkflowJob, aliases: Set<String>, secret: String) -> Int {
        job.steps.first { step in
            if isPreflight(step, for: aliases, secret: secret) || step.action.contains("greenlight preflight") { return false }
            guard let uses = step.uses?.string else { return true }
            return !SecretsPreflightRule.setupActions.contains { uses.hasPrefix($0) }
        }?.index ?? job.steps.count
    }

    private func uses(in node: YAMLNode, _ workflow: Workflow) -> [Use] {
        guard let text = node.string, text.contains("secrets.") else { return [] }
        let located = ScalarText.located(node, in: workflow)
        let scalarText = located.string
        let range = NSRange(scalarText.startIndex..., in: scalarText)
        return SecretsPreflightRule.reference.matches(in: scalarText, range: range).compactMap { match in
            guard let whole = Range(match.range, in: scalarText), let name = Range(match.range(at: 1), in: scalarText) else { return nil }
            let offset = scalarText.unicodeScalars.distance(from: scalarText.startIndex, to: whole.lowerBound)
            return Use(secret: String(scalarText[name]), node: node, offset: offset)
        }
    }

    private func isPreflight(_ step: WorkflowStep, for names: Set<String>, secret: String) -> Bool {
        guard let run = step.run?.string else { return false }
        if run.contains("greenlight preflight"), run.contains("--require") {
            let words = run.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" || $0 == "=" }).map(String.init)
            if names.contains(where: words.contains) { return true }
        }
        for name in names {
            for pattern in ["-z \"$\(name)\"", "-z \"${\(name)}\"", "-z $\(name)", "-z ${\(name)}", "-n \"$\(name)\"",
                            "-n \"${\(name)}\"", "-n $\(name)", "${\(name):?", "${\(name)?"] where run.contains(pattern) {
                return true
            }
        }
        let compact = run.replacingOccurrences(of: " ", with: "")
        return compact.contains("-z\"${{secrets.\(secret)}}\"") || compact.contains("-n\"${{secrets.\(secret)}}\"")
    }
}
