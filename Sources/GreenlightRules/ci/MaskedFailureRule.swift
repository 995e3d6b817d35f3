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
            script do the same inside one step. Steps that matter are recognised by their \
            `run` or `uses` (the `critical` patterns); `|| true` is reported in any script.
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
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: Options) throws -> [Finding] {
        let patterns = options.critical.map { $0.with(.caseInsensitive) }
        func critical(_ step: WorkflowStep) -> Bool {
            patterns.contains { $0.matches(step.action) }
        }
        var findings: [Finding] = []
        for workflow in try WorkflowParser.workflows(context) {
            for job in workflow.jobs {
                if let flag = job.continueOnError, flag.string == "true", let step = job.steps.first(where: critical) {
                    findings.append(Finding(
                        Self.description, workflow, flag.position,
                        "job '\(job.id)' has continue-on-error: true, so a failure of \(describe(step)) leaves the run green",
                        matched: job.id, fix: "remove continue-on-error, or move the optional step to its own job"))
                }
                for step in job.steps {
                    if let flag = step.continueOnError, flag.string == "true", critical(step) {
                        findings.append(Finding(
                            Self.description, workflow, flag.position,
                            "\(describe(step)) has continue-on-error: true, so its failure leaves the job green",
                            matched: job.id + "\u{0}" + step.action, fix: "let the step fail the job"))
                    }
                    findings += scriptFindings(step, job: job, in: workflow)
                }
            }
        }
        return findings
    }

    private func scriptFindings(_ step: WorkflowStep, job: WorkflowJob, in workflow: Workflow) -> [Finding] {
        guard let run = step.run, run.string != nil else { return [] }
        let shell = (step.node["shell"]?.string ?? job.node["defaults"]?["run"]?["shell"]?.string ?? "bash").lowercased()
        guard !["pwsh", "powershell", "python", "cmd"].contains(where: { shell.hasPrefix($0) }) else { return [] }
        let text = ScalarText.located(run, in: workflow)
        let script = ShellScript(text)
        return MaskedCommands.find(in: script).map { match in
            Finding(
                Self.description, workflow, text.position(at: match.offset),
                "`\(match.construct)` in \(describe(step)) of job '\(job.id)' hides a failing command",
                matched: job.id + "\u{0}" + step.action + "\u{0}" + match.construct,
                fix: "let the command fail the step, or handle the one error you expect explicitly")
        }
    }

    private func describe(_ step: WorkflowStep) -> String {
        if let name = step.name { return "step '\(name)'" }
        if step.run == nil, let uses = step.uses?.string { return "step '\(uses)'" }
        return "the step at line \(step.position.line)"
    }
}
