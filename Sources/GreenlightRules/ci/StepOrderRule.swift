import Foundation
import GreenlightCore

/// `ci.step-order`: in a job, a step matching `after` runs with no earlier step matching
/// `before` — by default, tests that run before `prisma generate` when the repository has a
/// Prisma schema. Shape: a stateful fold over each job's steps.
public struct StepOrderRule: Rule {
    public struct Options: RuleOptions {
        public var before = try! UserPattern(#"prisma\s+generate"#, options: .shipped)
        public var after = try! UserPattern(#"\b(npm|pnpm|yarn|bun)\s+(run\s+)?test|\b(vitest|jest|pytest|mocha)\b|playwright\s+test|\bgo\s+test\b|\bcargo\s+test\b"#, options: .shipped)
        /// The rule applies only when some file matches this glob.
        public var whenFile: String? = "**/schema.prisma"

        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable {
            case before, after
            case whenFile = "when_file"
        }

        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let defaults = Options()
            before = try container.decodeIfPresent(UserPattern.self, forKey: .before) ?? defaults.before
            after = try container.decodeIfPresent(UserPattern.self, forKey: .after) ?? defaults.after
            whenFile = container.contains(.whenFile) ? try container.decodeIfPresent(String.self, forKey: .whenFile) : defaults.whenFile
            if let whenFile {
                do { _ = try Glob(whenFile) } catch let error as Glob.SyntaxError {
                    throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: [CodingKeys.whenFile], debugDescription: error.description))
                }
            }
        }
    }

    public static let description = RuleDescription(
        id: "ci.step-order",
        severity: .note,
        summary: "A required step does not come before the steps that depend on it",
        rationale: """
            Some steps only work after another: tests against a Prisma client fail — or pass \
            against a stale client — unless `prisma generate` ran first in the same job. The \
            rule is configured as `before`/`after` regular expressions matched against each \
            step's `run` or `uses` — or against the `package.json` scripts a step runs (`npm ci` \
            runs `postinstall`, `yarn prisma:setup` runs that script) — and applies only when a \
            file matches `when_file`.
            """,
        configKeys: [
            ConfigKey("before", "regex of the step that must come first", default: "prisma\\s+generate"),
            ConfigKey("after", "regex of the steps that depend on it", default: "npm/pnpm/yarn/bun test, vitest, jest, pytest, …"),
            ConfigKey("when_file", "glob; the rule applies only if a file matches (null: always)", default: "**/schema.prisma"),
        ],
        triggering: [
            RuleExample([
                "prisma/schema.prisma": "datasource db {\n  provider = \"postgresql\"\n}\n",
                ".github/workflows/ci.yml": """
                    on: pull_request
                    jobs:
                      test:
                        runs-on: ubuntu-latest
                        steps:
                          - uses: actions/checkout@v4
                          - run: npm ci
                          - ↓run: npm run test:mcp
                          - run: npx prisma generate
                    """,
            ]),
            RuleExample([
                ".github/workflows/ci.yml": "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - ↓run: make test\n",
            ], options: "before: make build\nafter: make test\nwhen_file: null"),
        ],
        nonTriggering: [
            // Through package scripts: `npm ci` runs postinstall; `yarn prisma:setup` its script.
            RuleExample([
                "prisma/schema.prisma": "datasource db {\n  provider = \"postgresql\"\n}\n",
                "package.json": "{\"scripts\": {\"prisma:generate\": \"cd server && npx prisma generate\", \"prisma:setup\": \"yarn prisma:generate && yarn prisma:migrate\"}}\n",
                "next/package.json": "{\"scripts\": {\"postinstall\": \"prisma generate\", \"test\": \"jest\"}}\n",
                ".github/workflows/ci.yml": """
                    on: pull_request
                    jobs:
                      server:
                        runs-on: ubuntu-latest
                        steps:
                          - run: yarn prisma:setup
                          - run: yarn test
                      next:
                        runs-on: ubuntu-latest
                        defaults: {run: {working-directory: next}}
                        steps:
                          - run: npm ci
                          - run: npm test
                    """,
            ]),
            RuleExample([
                "prisma/schema.prisma": "datasource db {\n  provider = \"postgresql\"\n}\n",
                ".github/workflows/ci.yml": """
                    on: pull_request
                    jobs:
                      test:
                        runs-on: ubuntu-latest
                        steps:
                          - run: npm ci && npx prisma generate
                          - run: npm test
                    """,
            ]),
            RuleExample([
                ".github/workflows/ci.yml": "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps: [{run: npm test}]\n",
            ]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: Options) throws -> [Finding] {
        if let whenFile = options.whenFile {
            let glob = try Glob(whenFile)
            // A literal last segment (`schema.prisma`) filters paths before the glob runs.
            let tail = whenFile.split(separator: "/").last.map(String.init) ?? ""
            let literal = !tail.isEmpty && !tail.contains(where: { "*?[{\\".contains($0) })
            guard context.snapshot.entries.contains(where: { (!literal || $0.path.hasSuffix(tail)) && glob.matches($0.path) }) else {
                return []
            }
        }
        let before = options.before
        let after = options.after
        func matches(_ pattern: UserPattern, _ step: WorkflowStep) -> Bool {
            pattern.matches(step.action)
        }
        // A step satisfies `before` itself or through the package scripts it runs (`npm ci` runs
        // `postinstall: prisma generate`; `yarn prisma:setup` runs its script).
        func satisfies(_ step: WorkflowStep, in job: WorkflowJob) throws -> Bool {
            if matches(before, step) { return true }
            guard let run = step.run?.string else { return false }
            let directory = job.directory(of: step)
            return try PackageScripts.bodies(of: run, directory: directory, context.snapshot).contains { before.matches($0) }
        }
        var findings: [Finding] = []
        for workflow in try WorkflowParser.workflows(context) where !workflow.isGenerated {
            for job in workflow.jobs {
                guard let dependent = job.steps.first(where: { matches(after, $0) }) else { continue }
                let required = try job.steps.first { try satisfies($0, in: job) }
                if let required, required.index <= dependent.index { continue }
                let late = required.map { "; the one at line \($0.position.line) comes after it" } ?? ""
                let name = dependent.name.map { "step '\($0)'" } ?? "this step"
                findings.append(Finding(
                    Self.description, workflow, dependent.position,
                    "in job '\(job.id)', \(name) runs before any step matching /\(options.before)/\(late)",
                    matched: job.id + "\u{0}" + dependent.action,
                    fix: "add a step matching '\(options.before)' before it"))
            }
        }
        return findings
    }
}
