import GreenlightCore

/// `ci.duplicate-key`: a key repeated in one mapping of a workflow — most often a job id.
/// Shape: a stateless pass over the duplicates the composer recorded.
public struct DuplicateKeyRule: Rule {
    public static let description = RuleDescription(
        id: "ci.duplicate-key",
        severity: .error,
        summary: "A workflow repeats a key in one mapping",
        rationale: """
            YAML forbids a key twice in one mapping, but most parsers quietly keep one of the \
            two: a second job with the id of the first replaces it or disappears, and a \
            repeated `env` or `with` key drops a value. The finding is on the repeated key and \
            names the line of the first.
            """,
        triggering: [
            RuleExample([".github/workflows/ci.yml": """
                on: pull_request
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - run: npm test
                  ↓test:
                    runs-on: ubuntu-latest
                    env:
                      NODE_ENV: test
                      ↓NODE_ENV: ci
                    steps:
                      - run: npm run test:mcp
                """]),
        ],
        nonTriggering: [
            RuleExample([".github/workflows/ci.yml": """
                on: pull_request
                jobs:
                  test:
                    runs-on: ubuntu-latest
                    steps:
                      - name: test
                        run: npm test
                      - name: test
                        run: npm run e2e
                  lint: {runs-on: ubuntu-latest, steps: [{run: npm run lint}]}
                """]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        try WorkflowParser.workflows(context).flatMap { workflow in
            workflow.document.duplicates.map { duplicate in
                Finding(
                    Self.description, workflow, duplicate.second,
                    "key '\(duplicate.key)' at line \(duplicate.second.line) repeats the one at line \(duplicate.first.line) in the same mapping; parsers keep only one of them",
                    matched: duplicate.key, fix: "rename or merge the two '\(duplicate.key)' entries")
            }
        }
    }
}
