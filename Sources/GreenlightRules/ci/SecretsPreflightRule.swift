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
            repository_dispatch; GITHUB_TOKEN is always set, `${{ secrets.X || … }}` has a \
            fallback, and a secret given only to an action's own inputs is the action's to \
            check (`docker/login-action` fails on an empty password) — unless the input only \
            hands it on (`secrets:` or `build-args:` of a build, `script:`, `payload:`). \
            Generated workflows are their generator's. One finding per job.
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
                      - run: 'curl -H "Authorization: ${{ secrets.ADMIN_API_KEY }}" "$API_URL/admin"'
                """]),
            // A build's `secrets:` input hands the secret on unchecked.
            RuleExample([".github/workflows/telemetry.yml": """
                on: workflow_dispatch
                jobs:
                  image:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: docker/build-push-action@v6
                        with:
                          push: true
                          secrets: |
                            "POSTHOG_API_KEY=${{ ↓secrets.POSTHOG_API_KEY }}"
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
            RuleExample([".github/workflows/release.yml": """
                on: workflow_dispatch
                jobs:
                  push:
                    runs-on: ubuntu-latest
                    env:
                      TOKEN: ${{ secrets.PR_TOKEN || secrets.GITHUB_TOKEN }}
                    steps:
                      - uses: docker/login-action@v3
                        with:
                          username: ${{ secrets.DOCKERHUB_USERNAME }}
                          password: ${{ secrets.DOCKERHUB_TOKEN }}
                      - run: docker push acme/api:latest
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
    /// Inputs an action hands on without looking at them (a build's secrets and arguments, a
    /// script, a message): an empty secret there is not refused by the action.
    static let passThroughInputs: Set<String> = ["secrets", "build-args", "build_args", "args", "arguments", "script",
                                                 "command", "run", "env", "environment", "payload", "body", "message"]
    private static let setupActions = ["actions/checkout", "actions/setup-", "actions/cache", "pnpm/action-setup"]

    struct Use {
        let secret: String
        let node: YAMLNode
        let offset: Int
    }

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        var findings: [Finding] = []
        for workflow in try WorkflowParser.workflows(context)
        where !workflow.isGenerated
            && workflow.triggers.contains(where: { ["schedule", "workflow_dispatch", "repository_dispatch"].contains($0.name) }) {
            for job in workflow.jobs where job.uses == nil {
                findings += check(job, in: workflow)
            }
        }
        return findings
    }

    /// At most one finding: the job's secrets that no earlier step checks.
    private func check(_ job: WorkflowJob, in workflow: Workflow) -> [Finding] {
        let inherited = workflow.env + job.env
        var names: [String: Set<String>] = [:]
        var firstUse: [String: (use: Use, step: Int)] = [:]
        // Secrets a script or a command's environment sees; one given only to actions' `with:`
        // inputs is checked by the action (`docker/login-action` fails on an empty password),
        // unless the input only hands it on (`passThroughInputs`).
        var scripted: Set<String> = []
        // Each node once: the env name it sets (if any), the step it is in (Int.max: the
        // workflow's or job's env), whether a script sees it.
        var nodes: [(node: YAMLNode, name: String?, step: Int, scripted: Bool)] =
            inherited.map { ($0.value, $0.key.string, Int.max, true) }
        for step in job.steps {
            nodes += [step.run, step.node["if"]].compactMap { $0 }.map { ($0, nil, step.index, true) }
            nodes += step.with.map { ($0.value, nil, step.index, Self.passThroughInputs.contains($0.key.string ?? "")) }
            nodes += step.env.map { ($0.value, $0.key.string, step.index, true) }
        }
        for entry in nodes {
            for use in uses(in: entry.node, workflow) {
                if let name = entry.name { names[use.secret, default: [use.secret]].insert(name) }
                if entry.scripted { scripted.insert(use.secret) }
                if firstUse[use.secret].map({ $0.step > entry.step }) ?? true { firstUse[use.secret] = (use, entry.step) }
            }
        }
        var unchecked: [(secret: String, use: Use, aliases: Set<String>)] = []
        for (secret, first) in firstUse.sorted(by: { $0.key < $1.key }) where secret != "GITHUB_TOKEN" && scripted.contains(secret) {
            let aliases = names[secret, default: [secret]].union([secret])
            let point = first.step == Int.max ? firstWorkingStep(job, aliases: aliases, secret: secret) : first.step
            let checked = job.steps.contains { $0.index <= point && isPreflight($0, for: aliases, secret: secret) }
            if !checked { unchecked.append((secret, first.use, aliases)) }
        }
        // One finding per job, at the earliest use of a secret it does not check.
        let placed = unchecked.map { ($0, ScalarText.located($0.use.node, in: workflow).position(at: $0.use.offset)) }
        guard let (_, position) = placed.min(by: { $0.1 < $1.1 }) else { return [] }
        let listed = unchecked.prefix(3).map { "secrets.\($0.secret)" }.joined(separator: ", ")
            + (unchecked.count > 3 ? " and \(unchecked.count - 3) more" : "")
        let required = unchecked.map { $0.aliases.sorted().first ?? $0.secret }.joined(separator: ",")
        return [Finding(
            Self.description, workflow, position,
            "job '\(job.id)' uses \(listed) in a scheduled or dispatched workflow, and no earlier step fails when \(unchecked.count == 1 ? "it is" : "one is") empty",
            matched: job.id + "\u{0}" + unchecked.map(\.secret).joined(separator: ","),
            fix: "add a first step: greenlight preflight --require \(required)")]
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
        guard let text = node.string, ByteSearch.contains(text, "secrets.") else { return [] }
        let located = ScalarText.located(node, in: workflow)
        let scalarText = located.string
        let range = NSRange(scalarText.startIndex..., in: scalarText)
        return SecretsPreflightRule.reference.matches(in: scalarText, range: range).compactMap { match in
            guard let whole = Range(match.range, in: scalarText), let name = Range(match.range(at: 1), in: scalarText) else { return nil }
            // `${{ secrets.X || 'fallback' }}` is never empty.
            let rest = scalarText[whole.upperBound...]
            if let close = rest.firstRange(of: "}}"), rest[..<close.lowerBound].firstRange(of: "||") != nil { return nil }
            let offset = scalarText.unicodeScalars.distance(from: scalarText.startIndex, to: whole.lowerBound)
            return Use(secret: String(scalarText[name]), node: node, offset: offset)
        }
    }

    private func isPreflight(_ step: WorkflowStep, for names: Set<String>, secret: String) -> Bool {
        guard let run = step.run?.string else { return false }
        // Between ASCII texts Foundation's search finds exactly what a byte search finds (no ASCII
        // character is equivalent to another); other texts are searched by Foundation.
        let asciiRun = Self.isASCII(run)
        func has(_ text: String) -> Bool {
            asciiRun && Self.isASCII(text) ? ByteSearch.contains(run, text) : run.contains(text)
        }
        if has("greenlight preflight"), has("--require") {
            let words = run.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" || $0 == "=" }).map(String.init)
            if names.contains(where: words.contains) { return true }
        }
        for name in names {
            for pattern in ["-z \"$\(name)\"", "-z \"${\(name)}\"", "-z $\(name)", "-z ${\(name)}", "-n \"$\(name)\"",
                            "-n \"${\(name)}\"", "-n $\(name)", "${\(name):?", "${\(name)?"] where has(pattern) {
                return true
            }
        }
        let tests = ["-z\"${{secrets.\(secret)}}\"", "-n\"${{secrets.\(secret)}}\""]
        guard asciiRun, tests.allSatisfy(Self.isASCII) else {
            let compact = run.replacingOccurrences(of: " ", with: "")
            return tests.contains { compact.contains($0) }
        }
        let compact = run.utf8.filter { $0 != UInt8(ascii: " ") }
        return tests.contains { ByteSearch.contains(compact, $0) }
    }

    private static func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }
}
