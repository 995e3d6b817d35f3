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
                  ↓Test:
                    runs-on: ubuntu-latest
                    steps: [{run: npm run e2e}]
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

    /// Sections whose keys GitHub compares without case: `Test` and `test` are one job id.
    static let caseInsensitive: Set<String> = ["jobs", "env", "with", "inputs", "outputs", "secrets", "services", "matrix"]

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        try WorkflowParser.workflows(context).flatMap { workflow in
            (workflow.document.duplicates + Self.caseDuplicates(workflow.document.root)).map { duplicate in
                let same = duplicate.key == duplicate.key.lowercased() ? "" : " (GitHub compares these keys without case)"
                return Finding(
                    Self.description, workflow, duplicate.second,
                    "key '\(duplicate.key)' at line \(duplicate.second.line) repeats the one at line \(duplicate.first.line) in the same mapping; parsers keep only one of them\(same)",
                    matched: duplicate.key, fix: "rename or merge the two '\(duplicate.key)' entries")
            }
        }
    }

    /// Keys that differ only in case within the sections GitHub reads without case.
    static func caseDuplicates(_ root: YAMLNode?) -> [YAMLDocument.DuplicateKey] {
        guard let root else { return [] }
        var found: [YAMLDocument.DuplicateKey] = []
        var stack: [(node: YAMLNode, section: String?)] = [(root, nil)]
        var visited = 0
        while let (node, section) = stack.popLast(), visited < YAMLComposer.maxExpandedNodes {
            visited += 1
            if let pairs = node.mapping {
                if let section, caseInsensitive.contains(section) {
                    var seen: [String: YAMLNode] = [:]
                    for pair in pairs {
                        guard let key = pair.key.string else { continue }
                        let lower = key.lowercased()
                        if let first = seen[lower] {
                            if first.string != key { found.append(.init(key: key, first: first.position, second: pair.key.position)) }
                        } else {
                            seen[lower] = pair.key
                        }
                    }
                }
                for pair in pairs.reversed() { stack.append((pair.value, pair.key.string)) }
            } else if let items = node.sequence {
                for item in items.reversed() { stack.append((item, nil)) }
            }
        }
        return found.sorted { $0.second < $1.second }
    }
}
