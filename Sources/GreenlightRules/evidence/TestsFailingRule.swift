import GreenlightCore

/// `evidence.tests-failing`: a JUnit report from the CI job has failing or erroring tests, one
/// finding per test case at its line in the report.
public struct TestsFailingRule: Rule {
    static let junitConfig = "evidence:\n  junit: [\"reports/junit/*.xml\"]"

    public static let description = RuleDescription(
        id: "evidence.tests-failing",
        severity: .error,
        summary: "A JUnit report names failing or erroring tests",
        rationale: """
            A readiness claim that tests pass is only as good as the last test report. The JUnit \
            files named in `evidence.junit` (read from the work tree, where the CI job wrote \
            them) must have no failing or erroring test case.
            """,
        configKeys: [ConfigKey("evidence.junit", "globs of JUnit XML files in the work tree", default: "[]")],
        triggering: [
            RuleExample([
                "reports/junit/api.xml": """
                    <testsuites>
                      <testsuite name="api" tests="2">
                        <testcase classname="health" name="answers 200"/>
                    ↓    <testcase classname="rollout" name="refuses without token">
                          <failure message="expected 401, got 200"/>
                        </testcase>
                      </testsuite>
                    </testsuites>
                    """,
            ], config: junitConfig),
        ],
        nonTriggering: [
            RuleExample([
                "reports/junit/api.xml": """
                    <testsuite name="api" tests="1">
                      <testcase classname="health" name="answers 200"/>
                      <testcase classname="flaky" name="skipped one"><skipped/></testcase>
                    </testsuite>
                    """,
            ], config: junitConfig),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        var findings: [Finding] = []
        for file in try EvidenceArtifacts.of(context).junit {
            for failed in file.report.failed {
                let detail = failed.message.isEmpty ? "" : ": \(failed.message)"
                findings.append(Finding(
                    rule: Self.description,
                    path: file.path,
                    line: failed.line,
                    column: 1,
                    message: "test \(failed.suite) › \(failed.name) \(failed.kind == "error" ? "errored" : "failed")\(detail)",
                    matched: failed.suite + "\u{0}" + failed.name
                ))
            }
        }
        return findings
    }
}
