import GreenlightCore

/// `ci.unknown-needs`: a job's `needs` names a job the workflow does not have. Shape: a stateless
/// pass over each workflow's jobs.
public struct UnknownNeedsRule: Rule {
    public static let description = RuleDescription(
        id: "ci.unknown-needs",
        severity: .error,
        summary: "A job needs a job that does not exist",
        rationale: """
            GitHub rejects the whole workflow when `needs` names a missing job, so none of its \
            jobs run — typically after a job was renamed or removed and a dependant was not.
            """,
        triggering: [
            RuleExample([".github/workflows/ci.yml": """
                on: push
                jobs:
                  build:
                    runs-on: ubuntu-latest
                    steps: [{run: make}]
                  deploy:
                    needs: [build, ↓tests]
                    runs-on: ubuntu-latest
                    steps: [{run: make deploy}]
                  notify:
                    needs: ↓Deploy-prod
                    runs-on: ubuntu-latest
                    steps: [{run: echo done}]
                """]),
        ],
        nonTriggering: [
            RuleExample([".github/workflows/ci.yml": """
                on: push
                jobs:
                  Build:
                    runs-on: ubuntu-latest
                    steps: [{run: make}]
                  deploy:
                    needs: build
                    runs-on: ubuntu-latest
                    steps: [{run: make deploy}]
                """]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        var findings: [Finding] = []
        for workflow in try WorkflowParser.workflows(context) {
            let ids = Set(workflow.jobs.map { $0.id.lowercased() })
            for job in workflow.jobs {
                for need in job.needs {
                    guard let name = need.string, !name.contains("${{"), !ids.contains(name.lowercased()) else { continue }
                    findings.append(Finding(
                        Self.description, workflow, need.position,
                        "job '\(job.id)' needs '\(name)', which is not a job of this workflow (jobs: \(workflow.jobs.map(\.id).joined(separator: ", ")))",
                        matched: job.id + "\u{0}" + name, fix: "name an existing job id"))
                }
            }
        }
        return findings
    }
}
