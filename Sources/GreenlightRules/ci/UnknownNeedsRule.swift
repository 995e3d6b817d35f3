import GreenlightCore

/// `ci.unknown-needs`: a job's `needs` names a job the workflow does not have. Shape: a stateless
/// pass over each workflow's jobs.
public struct UnknownNeedsRule: Rule {
    public static let description = RuleDescription(
        id: "ci.unknown-needs",
        severity: .error,
        summary: "A job needs a job that does not exist, twice, or in a cycle",
        rationale: """
            GitHub rejects the whole workflow when `needs` names a missing job, so none of its \
            jobs run — typically after a job was renamed or removed and a dependant was not. \
            It rejects a job named twice in one `needs` list and jobs that need each other in \
            a cycle the same way (actionlint reports all three).
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
            RuleExample([".github/workflows/loop.yml": """
                on: push
                jobs:
                  a:
                    needs: [↓b]
                    runs-on: ubuntu-latest
                    steps: [{run: make}]
                  b:
                    needs: [c]
                    runs-on: ubuntu-latest
                    steps: [{run: make}]
                  c:
                    needs: [a, d, ↓D]
                    runs-on: ubuntu-latest
                    steps: [{run: make}]
                  d:
                    needs: ↓d
                    runs-on: ubuntu-latest
                    steps: [{run: make}]
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
                var seen: Set<String> = []
                for need in job.needs {
                    guard let name = need.string, !name.contains("${{") else { continue }
                    if !ids.contains(name.lowercased()) {
                        findings.append(Finding(
                            Self.description, workflow, need.position,
                            "job '\(job.id)' needs '\(name)', which is not a job of this workflow (jobs: \(workflow.jobs.map(\.id).joined(separator: ", ")))",
                            matched: job.id + "\u{0}" + name, fix: "name an existing job id"))
                    } else if !seen.insert(name.lowercased()).inserted {
                        findings.append(Finding(
                            Self.description, workflow, need.position,
                            "job '\(job.id)' names '\(name)' twice in needs",
                            matched: job.id + "\u{0}" + name + "\u{0}twice", fix: "name each job once"))
                    }
                }
            }
            findings += cycles(in: workflow)
        }
        return findings
    }

    /// One finding per cycle of `needs` (GitHub runs none of the jobs on it), at the `needs`
    /// entry of its first job in the file that leads into the cycle.
    private func cycles(in workflow: Workflow) -> [Finding] {
        let jobs = workflow.jobs
        let index = Dictionary(jobs.enumerated().map { ($0.element.id.lowercased(), $0.offset) }, uniquingKeysWith: { a, _ in a })
        let edges: [[(to: Int, node: YAMLNode)]] = jobs.map { job in
            job.needs.compactMap { need in need.string.flatMap { index[$0.lowercased()] }.map { ($0, need) } }
        }
        var state = [UInt8](repeating: 0, count: jobs.count)  // 0 new, 1 on the path, 2 done
        var path: [Int] = []
        var found: [[Int]] = []
        var reported: Set<[Int]> = []
        func visit(_ job: Int) {
            state[job] = 1
            path.append(job)
            for edge in edges[job] {
                if state[edge.to] == 1, let start = path.firstIndex(of: edge.to) {
                    let cycle = Array(path[start...])
                    if reported.insert(cycle.sorted()).inserted { found.append(cycle) }
                } else if state[edge.to] == 0 {
                    visit(edge.to)
                }
            }
            path.removeLast()
            state[job] = 2
        }
        for job in jobs.indices where state[job] == 0 && path.count < 10_000 { visit(job) }
        return found.map { cycle in
            let first = cycle.min()!
            let at = cycle.firstIndex(of: first)!
            let next = cycle[(at + 1) % cycle.count]
            let node = edges[first].first { $0.to == next }!.node
            let names = (cycle[at...] + cycle[..<at] + [first]).map { "'\(jobs[$0].id)'" }.joined(separator: " -> ")
            return Finding(
                Self.description, workflow, node.position,
                "jobs need each other in a cycle (\(names)), so GitHub runs none of them",
                matched: cycle.sorted().map { jobs[$0].id }.joined(separator: "\u{0}"), fix: "remove one of the needs in the cycle")
        }
    }
}
