import GreenlightCore

/// `claims.test-count-mismatch`: a readiness document's statement that tests pass disagrees
/// with the JUnit evidence of the run. Shape: whole-snapshot, from the claims ledger and the
/// evidence family's JUnit files; one finding per statement.
public struct TestCountMismatchRule: Rule {
    static let junitConfig = "evidence:\n  junit: [\"reports/*.xml\"]"
    static let report = """
        <testsuite name="api" tests="3">
          <testcase classname="health" name="answers 200"/>
          <testcase classname="rollout" name="refuses without token"/>
          <testcase classname="rollout" name="rolls back"><failure message="timeout"/></testcase>
        </testsuite>
        """

    public static let description = RuleDescription(
        id: "claims.test-count-mismatch",
        severity: .error,
        summary: "A readiness document's test count disagrees with the test report",
        rationale: """
            "56/56 tests passing" is checked against the JUnit files of `evidence.junit`: a \
            fraction must match a report's tests and passes, a count its passes, and "all tests \
            pass" (or no number) a run without failures. Each JUnit file is compared, and their \
            sum: a document may count one suite or all of them. A statement no report matches \
            is reported with what the evidence says.
            """,
        configKeys: [ConfigKey("evidence.junit", "globs of JUnit XML files in the work tree", default: "[]")],
        triggering: [
            RuleExample([
                "STATUS.md": "- Rollout: ↓3/3 tests passing\n- ↓All rollout tests pass\n- [x] ↓3 tests passing\n",
                "reports/api.xml": report,
            ], config: junitConfig),
        ],
        nonTriggering: [
            RuleExample([
                "STATUS.md": "- Rollout: 2/3 tests passing (rollback pending)\n- [x] 2 tests passing\n- health: 1/1 tests pass\n",
                "reports/api.xml": report,
                "reports/health.xml": "<testsuite name=\"health\" tests=\"1\"><testcase classname=\"h\" name=\"up\"/></testsuite>\n",
            ], config: junitConfig),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        let ledger = try ClaimsLedger.of(context)
        guard ledger.entries.contains(where: { !$0.testResults.isEmpty }) else { return [] }
        guard let evidence = try TestEvidence.of(context) else { return [] }
        let total = evidence.total
        var findings: [Finding] = []
        for entry in ledger.entries {
            for claim in entry.testResults where !evidence.confirms(claim) {
                findings.append(Finding(
                    rule: Self.description, path: entry.document.path, line: claim.line, column: claim.column,
                    message: "says \"\(claim.phrase)\", but the test evidence has \(total.tests) tests with \(total.failed) failing (\(total.label))",
                    matched: claim.phrase,
                    fix: "correct the statement to what the last test run shows, or fix the failing tests"))
            }
        }
        return findings
    }
}
