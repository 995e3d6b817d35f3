import GreenlightCore

/// `claims.test-results-unverified`: a readiness document says tests pass ("56/56 tests
/// passing") and no JUnit evidence was read to check it against. Shape: whole-snapshot, from
/// the claims ledger; one finding per statement.
public struct TestResultsUnverifiedRule: Rule {
    public static let description = RuleDescription(
        id: "claims.test-results-unverified",
        severity: .warning,
        summary: "A readiness document says tests pass, with no test report to check it",
        rationale: """
            "56/56 tests passing", "30/31 tests PASS", "All golden tests PASS" are the claims \
            most often copied forward after the tests changed. With `evidence.junit` naming the \
            CI job's JUnit files, Greenlight compares each statement with the report \
            (`claims.test-count-mismatch`); without one the statement cannot be checked, and \
            this says so. A statement counts when `test`/`tests` meets a verb of passing (pass, \
            passing, passed, green), with a count, a fraction or `all` next to it or nothing; \
            unchecked items, fenced code and conditional or negated phrasing ("until tests \
            pass", "tests not passing") do not.
            """,
        configKeys: [ConfigKey("evidence.junit", "globs of JUnit XML files in the work tree", default: "[]")],
        triggering: [
            RuleExample([
                "STATUS.md": """
                    # Release status
                    - Agents: ↓30/31 tests PASS (one histogram test pending)
                    - Registry: retries in place; ↓tests PASS (11 files)
                    ### ✅ What is validated (↓56 Tests Passing)
                    - [x] ↓All unit tests pass (50/50)
                    - [x] Validation: `ruff check` and `pytest` all ↓passing (235 tests)
                    """,
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "STATUS.md": """
                    # Release status
                    - [ ] 56/56 tests passing
                    - Evidence: passing test logs, /app/metrics curl
                    - Block the merge until tests pass; tests not passing on arm64
                    ```
                    12 tests passed
                    ```
                    """,
            ]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        let ledger = try ClaimsLedger.of(context)
        guard ledger.entries.contains(where: { !$0.testResults.isEmpty }) else { return [] }
        let settings = context.section(EvidenceSettings.self)
        let reports = try EvidenceArtifacts.of(context).junit
        guard reports.isEmpty else { return [] }
        let why = settings.junit.isEmpty ? "no test report is configured (`evidence.junit`)" : "no JUnit file named by `evidence.junit` was read"
        return ledger.entries.flatMap { entry in
            entry.testResults.map { claim in
                Finding(rule: Self.description, path: entry.document.path, line: claim.line, column: claim.column,
                        message: "says \"\(claim.phrase)\", but \(why) to check it against",
                        matched: claim.phrase,
                        fix: "name the CI job's JUnit files under `evidence.junit`, or drop the count from the document")
            }
        }
    }
}
