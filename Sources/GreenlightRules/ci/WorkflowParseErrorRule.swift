import GreenlightCore

/// `ci.parse-error`: a workflow that is not valid YAML, is refused by the composer's bounds
/// (alias bombs, deep nesting), is empty, or lacks `on` or `jobs`. Shape: a stateless pass over
/// each workflow.
public struct WorkflowParseErrorRule: Rule {
    public static let description = RuleDescription(
        id: "ci.parse-error",
        severity: .error,
        summary: "A GitHub Actions workflow cannot be parsed",
        rationale: """
            GitHub does not run a workflow it cannot read, and says so only on the Actions \
            tab: the checks it should have run are silently missing from pull requests. Invalid \
            YAML, an empty file, a file without `on` or `jobs`, invalid UTF-8, and YAML that \
            expands past a million nodes through aliases or nests deeper than 256 levels are \
            reported here.
            """,
        triggering: [
            RuleExample([".github/workflows/ci.yml": "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps: [\n↓"]),
            RuleExample([".github/workflows/empty.yml": "↓# nothing here yet\n"]),
            RuleExample([".github/workflows/nightly.yaml": "↓name: nightly\njobs:\n  a:\n    runs-on: ubuntu-latest\n"]),
        ],
        nonTriggering: [
            RuleExample([".github/workflows/ci.yml": """
                on: [push, pull_request]
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - run: npm test
                """]),
            RuleExample([".github/workflows/templates/broken.yml": "not: [valid\n"]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        var findings: [Finding] = []
        for entry in context.snapshot.entries where WorkflowParser.isWorkflowPath(entry.path) {
            let content = try context.snapshot.content(of: entry)
            guard case .text(let text) = content else {
                if content.kind == .binary || content.kind == .tooLarge {
                    let what = content.kind == .binary ? "a binary file" : "larger than max_file_size"
                    findings.append(Finding(
                        rule: Self.description, path: entry.path, line: 0, column: 0,
                        message: "workflow file is \(what); it was not checked", matched: content.kind.rawValue))
                }
                continue
            }
            let workflow = context.parsed(WorkflowParser.parserKey, text, parse: WorkflowParser.parse)
            for problem in workflow.problems {
                findings.append(Finding(Self.description, workflow, problem.position, problem.message, matched: problem.message))
            }
        }
        return findings
    }
}
