import GreenlightCore

/// The JUnit files of `evidence.junit`, tallied for the claims family: each file's tests and
/// failures, and their sum (a document may count one suite or all of them).
struct TestEvidence {
    struct Tally: Equatable {
        let label: String
        let tests: Int
        let failed: Int
        var passed: Int { tests - failed }
    }

    /// One tally per file, then the sum when there are several.
    let tallies: [Tally]
    let total: Tally

    /// The run's JUnit evidence, or nil when no JUnit file was read.
    static func of(_ context: RuleContext) throws -> TestEvidence? {
        let files = try EvidenceArtifacts.of(context).junit
        guard !files.isEmpty else { return nil }
        var tallies = files.map { Tally(label: $0.path, tests: $0.report.testCount, failed: $0.report.failed.count) }
        let total = Tally(label: files.count == 1 ? files[0].path : "\(files.count) JUnit files",
                          tests: tallies.reduce(0) { $0 + $1.tests }, failed: tallies.reduce(0) { $0 + $1.failed })
        if files.count > 1 { tallies.append(total) }
        return TestEvidence(tallies: tallies, total: total)
    }

    /// Whether a report bears the statement out: a fraction a report's tests and passes, a
    /// count its passes, and no number a run without failures.
    func confirms(_ claim: TestResultClaim) -> Bool {
        switch (claim.passed, claim.total) {
        case let (passed?, tests?): return tallies.contains { $0.tests == tests && $0.passed == passed }
        case let (passed?, nil): return tallies.contains { $0.passed == passed }
        default: return total.tests > 0 && total.failed == 0
        }
    }
}
