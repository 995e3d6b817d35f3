import Foundation
import GreenlightCore

/// `ci.masked-failure`: `continue-on-error: true` on a step or job that builds, tests or deploys
/// (decided by its `run`/`uses`, configurable), and `|| true`, `|| :`, `|| exit 0`, `set +e` in
/// any `run` script. Shape: a stateless pass over each workflow's jobs and steps.
public struct MaskedFailureRule: Rule {
    public struct Options: RuleOptions {
        /// Regular expressions; a step whose `run` or `uses` matches one is a step that matters.
        public var critical: [UserPattern] = Options.defaultCritical

        static let defaultCritical = try! [
            #"\b(build|test|tests|e2e|lint|typecheck|tsc|check|migrate|deploy|publish|release)\b"#,
            #"\b(prisma|pytest|jest|vitest|mocha|playwright|cypress|go test|cargo|swift (build|test)|gradle|mvn|make)\b"#,
            #"\b(mypy|pyright|ruff|flake8|pylint|black|isort|eslint|prettier|golangci-lint|clippy|shellcheck|hadolint)\b"#,
            #"\bdocker(/| |-compose)|docker/build-push-action|kubectl|helm|terraform|wrangler|vercel|flyctl"#,
        ].map { try UserPattern($0, options: .shipped) }

        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable {
            case critical
        }

        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            critical = try container.decodeIfPresent([UserPattern].self, forKey: .critical) ?? Options.defaultCritical
        }
    }

    public static let description = RuleDescription(
        id: "ci.masked-failure",
        severity: .note,
        summary: "A workflow lets a build, test or deploy step fail silently",
        rationale: """
            `continue-on-error: true` on the step that generates the Prisma client, runs the \
            tests or deploys turns its failure into a green check; `|| true` and `set +e` in a \
            script do the same inside one step. Steps and commands that matter are recognised \
            by their `run` or `uses` (the `critical` patterns): `|| true` is reported after a \
            build, test, lint or deploy command, not after housekeeping (`pkill`, `rm`, \
            `docker logs`, `git commit … || exit 0`); `set +e` is not reported when the script \
            keeps the exit status (`$?`) to check it. Steps that run after the work to collect \
            logs or clean up (`if: always()`, `failure()`, a name such as "Cleanup" or \
            "Dump logs"), steps whose result a later step reads (`steps.<id>.outcome`), \
            switched-off jobs (`if: false`) and generated workflows are left out. \
            One finding per step.
            """,
        configKeys: [ConfigKey("critical", "regexes marking a step's run/uses as build, test or deploy", default: "build, test, deploy, prisma, docker, …")],
        triggering: [
            RuleExample([".github/workflows/ci.yml": """
                on: pull_request
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - run: npx prisma generate
                        continue-on-error: ↓true
                      - run: |
                          npm ci
                          npm test ↓|| true
                  e2e:
                    continue-on-error: ↓true
                    runs-on: ubuntu-latest
                    steps:
                      - run: "↓set +e; npx playwright test"
                  lint:
                    runs-on: ubuntu-latest
                    steps:
                      - name: Type check
                        run: |
                          mypy src/ ↓|| true
                          ruff check . || true
                """]),
            RuleExample([".github/workflows/deploy.yml": """
                on: push
                jobs:
                  ship:
                    runs-on: ubuntu-latest
                    steps:
                      - run: ./ship.sh
                        continue-on-error: ↓true
                """], options: #"critical: ["ship\\.sh"]"#),
        ],
        nonTriggering: [
            RuleExample([".github/workflows/ci.yml": """
                on: pull_request
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    continue-on-error: ${{ matrix.experimental }}
                    steps:
                      - run: npm test
                      - name: Upload coverage
                        uses: codecov/codecov-action@v4
                        continue-on-error: true
                      - run: echo "use || true with care"
                      - shell: pwsh
                        run: Remove-Item x -ErrorAction SilentlyContinue
                """]),
            // Housekeeping, kept exit codes, clean-up and log steps, a switched-off job.
            RuleExample([".github/workflows/e2e.yml": """
                on: pull_request
                jobs:
                  e2e:
                    runs-on: ubuntu-latest
                    steps:
                      - run: |
                          pkill -f "make run" || true
                          count=$(grep -c ERROR server.log || true)
                          git commit -am "update durations" || exit 0
                      - run: |
                          set +e
                          pytest tests/ -v
                          code=$?
                          [ "$code" -eq 5 ] && exit 0
                          exit $code
                      - name: Dump docker logs
                        if: failure()
                        run: docker compose logs api || true
                      - name: Cleanup
                        if: always()
                        run: docker compose down -v || true; npm run test:teardown || true
                  warm:
                    runs-on: ubuntu-latest
                    steps:
                      - id: verify
                        run: npm test
                        continue-on-error: true
                      - if: steps.verify.outcome == 'failure'
                        run: gh issue create --title "upgrade breaks tests"
                  refresh:
                    if: false
                    runs-on: ubuntu-latest
                    steps:
                      - run: npm test || true
                """]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: Options) throws -> [Finding] {
        let patterns = options.critical.map { $0.with(.caseInsensitive) }
        func critical(_ text: String) -> Bool {
            patterns.contains { $0.matches(text) }
        }
        var findings: [Finding] = []
        for workflow in try WorkflowParser.workflows(context) where !workflow.isGenerated {
            for job in workflow.jobs where !Self.neverRuns(job.node) {
                if let flag = job.continueOnError, flag.string == "true", let step = job.steps.first(where: { critical($0.action) }) {
                    findings.append(Finding(
                        Self.description, workflow, flag.position,
                        "job '\(job.id)' has continue-on-error: true, so a failure of \(describe(step)) leaves the run green",
                        matched: job.id, fix: "remove continue-on-error, or move the optional step to its own job"))
                }
                for step in job.steps where !Self.neverRuns(step.node) && !Self.isAftermath(step) {
                    if let flag = step.continueOnError, flag.string == "true", critical(step.action),
                       !Self.outcomeIsRead(of: step, in: job, workflow) {
                        findings.append(Finding(
                            Self.description, workflow, flag.position,
                            "\(describe(step)) has continue-on-error: true, so its failure leaves the job green",
                            matched: job.id + "\u{0}" + step.action, fix: "let the step fail the job"))
                    }
                    if let finding = scriptFinding(step, job: job, in: workflow, critical: critical) { findings.append(finding) }
                }
            }
        }
        return findings
    }

    /// A later step reads the step's result (`steps.<id>.outcome` or `.conclusion`): the
    /// failure is kept and handled, not hidden.
    static func outcomeIsRead(of step: WorkflowStep, in job: WorkflowJob, _ workflow: Workflow) -> Bool {
        guard let id = step.node["id"]?.string else { return false }
        let references = ["steps.\(id).outcome", "steps.\(id).conclusion"]
        let text = workflow.source.text
        return references.contains { ByteSearch.contains(text, $0) }
    }

    /// `if: false` (or `${{ false }}`): a job or step switched off.
    static func neverRuns(_ node: YAMLNode) -> Bool {
        guard let condition = node["if"]?.string, ByteSearch.contains(condition, "false") else { return false }
        let bare = condition.replacingOccurrences(of: "${{", with: "").replacingOccurrences(of: "}}", with: "")
        return bare.trimmingCharacters(in: .whitespaces) == "false"
    }

    /// Words of a step's name that say it collects, shows or cleans up after the work.
    static let aftermathWords = ["cleanup", "clean up", "clean-up", "teardown", "tear down", "tear-down", "logs", "log ",
                                 "debug", "diagnos", "dump", "collect", "summary", "report", "(optional)"]

    /// A step that runs after the work to collect, show or clean up (`if: always()`,
    /// `failure()`, `cancelled()`, `!success()`, or a name saying so): the result is already
    /// decided, and a failing clean-up must not hide it.
    static func isAftermath(_ step: WorkflowStep) -> Bool {
        if let condition = step.node["if"]?.string.map({ String($0.filter { $0 != " " }) }),
           ["always()", "failure()", "cancelled()", "!success()"].contains(where: { ByteSearch.contains(condition, $0) }) {
            return true
        }
        guard let name = step.name.map({ $0.lowercased() + " " }) else { return false }
        return aftermathWords.contains { ByteSearch.contains(name, $0) }
    }

    /// One finding per step: the first construct that hides the failure of a build, test, lint or
    /// deploy command, with how many more the script has. `|| true` after housekeeping
    /// (`pkill`, `docker logs`, `git commit … || exit 0`) and a `set +e` whose script keeps
    /// and checks the exit status (`$?`) hide nothing.
    private func scriptFinding(_ step: WorkflowStep, job: WorkflowJob, in workflow: Workflow,
                               critical: (String) -> Bool) -> Finding? {
        guard let run = step.run, let body = run.string, MaskedCommands.mayMask(body) else { return nil }
        let shell = (step.node["shell"]?.string ?? job.node["defaults"]?["run"]?["shell"]?.string ?? "bash").lowercased()
        guard !["pwsh", "powershell", "python", "cmd"].contains(where: { shell.hasPrefix($0) }) else { return nil }
        let text = ScalarText.located(run, in: workflow)
        let script = ShellScript(text)
        // Asked only of a `set +e`, and then once.
        lazy var captures = MaskedCommands.capturesStatus(script)
        let matches = MaskedCommands.find(in: script).filter { match in
            if match.construct == "set +e" && captures { return false }
            return !MaskedCommands.onlyHousekeeping(match.masked)
                && match.masked.contains { critical($0.words.map(\.text).joined(separator: " ")) }
        }
        guard let first = matches.first else { return nil }
        let more = matches.count > 1 ? " (and \(matches.count - 1) more in this step)" : ""
        return Finding(
            Self.description, workflow, text.position(at: first.offset),
            "`\(first.construct)` in \(describe(step)) of job '\(job.id)' hides a failing command\(more)",
            matched: job.id + "\u{0}" + step.action + "\u{0}" + first.construct,
            fix: "let the command fail the step, or handle the one error you expect explicitly")
    }

    private func describe(_ step: WorkflowStep) -> String {
        if let name = step.name { return "step '\(name)'" }
        if step.run == nil, let uses = step.uses?.string { return "step '\(uses)'" }
        return "the step at line \(step.position.line)"
    }
}
