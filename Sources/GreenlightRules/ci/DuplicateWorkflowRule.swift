import GreenlightCore

/// `ci.duplicate-workflow`: two workflows with overlapping triggers have a job that runs the
/// same normalised steps. Shape: needs every workflow of the snapshot.
public struct DuplicateWorkflowRule: Rule {
    public static let description = RuleDescription(
        id: "ci.duplicate-workflow",
        severity: .note,
        summary: "Two workflows run the same job on the same events",
        rationale: """
            A workflow copied to a new file and edited in one place runs the same tests twice \
            on every push, costs double, and drifts: one copy is fixed, the other keeps failing \
            or, worse, keeps passing. Steps are compared after normalising whitespace and action \
            versions; push and pull_request triggers whose branch or path lists do not meet do \
            not overlap, nor do a push of tags and a push of branches, nor schedules with no \
            cron in common. Generated workflows (gh-aw's `*.lock.yml`, a `DO NOT EDIT` header) \
            are their generator's.
            """,
        triggering: [
            RuleExample([
                ".github/workflows/ci.yml": """
                    on: [push, pull_request]
                    jobs:
                      test:
                        runs-on: ubuntu-latest
                        steps:
                          - uses: actions/checkout@v4
                          - run: npm ci
                          - run: npm test
                    """,
                ".github/workflows/tests.yml": """
                    on:
                      pull_request:
                        branches: [main]
                    jobs:
                      ↓unit:
                        runs-on: ubuntu-22.04
                        steps:
                          - uses: actions/checkout@v3
                          - run: npm   ci
                          - run: npm test
                    """,
            ]),
        ],
        nonTriggering: [
            RuleExample([
                ".github/workflows/ci.yml": """
                    on: {push: {branches: [main]}}
                    jobs:
                      test: {runs-on: ubuntu-latest, steps: [{run: npm ci}, {run: npm test}]}
                    """,
                ".github/workflows/release.yml": """
                    on: {push: {branches: [release]}}
                    jobs:
                      test: {runs-on: ubuntu-latest, steps: [{run: npm ci}, {run: npm test}]}
                    """,
                ".github/workflows/nightly.yml": """
                    on: {schedule: [{cron: "0 3 * * *"}]}
                    jobs:
                      test: {runs-on: ubuntu-latest, steps: [{run: npm ci}, {run: npm test}]}
                    """,
            ]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        let workflows = try WorkflowParser.workflows(context)
        var earlier: [String: [(Workflow, WorkflowJob)]] = [:]
        var findings: [Finding] = []
        for workflow in workflows where !workflow.isGenerated {
            var mine: [String: WorkflowJob] = [:]
            for job in workflow.jobs {
                let steps = Self.signature(of: job)
                guard steps.count >= 2, steps.contains(where: { !$0.hasPrefix("uses:") }) else { continue }
                let signature = steps.joined(separator: "\u{0}")
                if let (other, otherJob) = earlier[signature]?.first(where: { Self.overlap($0.0, workflow) != nil }) {
                    let event = Self.overlap(other, workflow) ?? ""
                    findings.append(Finding(
                        Self.description, workflow, job.position,
                        "job '\(job.id)' runs the same \(steps.count) steps as job '\(otherJob.id)' in \(other.path) (line \(otherJob.position.line)), and both run on \(event)",
                        matched: job.id + "\u{0}" + other.path + "\u{0}" + otherJob.id,
                        fix: "keep one workflow for these steps"))
                }
                mine[signature] = job
            }
            for (signature, job) in mine { earlier[signature, default: []].append((workflow, job)) }
        }
        return findings
    }

    /// Each step as `run:<script with whitespace collapsed>` or `uses:<action without @ref>`.
    static func signature(of job: WorkflowJob) -> [String] {
        job.steps.map { step in
            if let run = step.run?.string { return "run:" + collapse(run) }
            let uses = step.uses?.string ?? ""
            let action = uses.split(separator: "@").first.map(String.init) ?? uses
            let with = step.with.compactMap { pair in pair.key.string.map { "\($0)=\(pair.value.string ?? "")" } }.sorted()
            return "uses:" + action + (with.isEmpty ? "" : " " + with.joined(separator: ","))
        }
    }

    /// Runs of ASCII whitespace become one space; ends trimmed.
    static func collapse(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pending = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                pending = !out.isEmpty
            } else {
                if pending { out.append(0x20) }
                pending = false
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The first event both run on, if any. Push and pull_request need meeting branch lists (and
    /// path lists); a push of tags only is not a push of branches; schedules need a common cron.
    static func overlap(_ a: Workflow, _ b: Workflow) -> String? {
        for trigger in a.triggers where !["workflow_dispatch", "workflow_call", "repository_dispatch"].contains(trigger.name) {
            guard let other = b.trigger(trigger.name) else { continue }
            if trigger.name == "schedule" {
                if crons(trigger).isDisjoint(with: crons(other)) { continue }
                return trigger.name
            }
            if trigger.name == "push" && tagsOnly(trigger) != tagsOnly(other) { continue }
            if let left = literals(trigger, "branches"), let right = literals(other, "branches"), left.isDisjoint(with: right) {
                continue
            }
            if let left = literals(trigger, "paths"), let right = literals(other, "paths"),
               !left.contains(where: { l in right.contains { r in l.hasPrefix(r) || r.hasPrefix(l) } }) {
                continue
            }
            return trigger.name
        }
        return nil
    }

    /// Literal names under `key` (`branches`, `paths`), without their glob tails (`src/**` is
    /// `src/`); nil when any may match (no list, a negation, or a pattern before its end).
    private static func literals(_ trigger: WorkflowTrigger, _ key: String) -> Set<String>? {
        guard let names = trigger.config?[key]?.strings.compactMap(\.string), !names.isEmpty else { return nil }
        var out: Set<String> = []
        for name in names {
            let stem = name.prefix { $0 != "*" && $0 != "?" && $0 != "[" }
            if name.hasPrefix("!") || (key == "branches" && stem.count != name.count) || stem.isEmpty { return nil }
            out.insert(String(stem))
        }
        return out
    }

    /// A push filtered to tags with no branches: a release, not a branch build.
    private static func tagsOnly(_ trigger: WorkflowTrigger) -> Bool {
        guard let config = trigger.config else { return false }
        return (config["tags"] != nil || config["tags-ignore"] != nil) && config["branches"] == nil && config["branches-ignore"] == nil
    }

    private static func crons(_ trigger: WorkflowTrigger) -> Set<String> {
        Set((trigger.config?.sequence ?? []).compactMap { $0["cron"]?.string.map(collapse) })
    }
}
