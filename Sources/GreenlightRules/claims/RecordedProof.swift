import GreenlightCore

/// What a done item may rest on besides files and routes: a test count a JUnit report bears
/// out, a CI run an evidence record holds. Read from the evidence family once, on first use.
final class RecordedProof {
    private let context: RuleContext
    private var tests: TestEvidence??
    private var records: [EvidenceRecord]?

    init(_ context: RuleContext) { self.context = context }

    /// The verdict the test counts and runs cited on `line` give a done item that cites nothing
    /// else; nil when there are none.
    func verdict(line: Int, testResults: [TestResultClaim], runs: [RunCitation]) throws -> ClaimsLedger.Verdict? {
        let statements = testResults.filter { $0.line == line }
        let cited = runs.filter { $0.line == line }
        guard !statements.isEmpty || !cited.isEmpty else { return nil }
        if !statements.isEmpty {
            guard let evidence = try testEvidence() else { return .unconfirmed("test count not checked: no test report (evidence.junit)") }
            if let wrong = statements.first(where: { !evidence.confirms($0) }) {
                return .unconfirmed("\"\(wrong.phrase)\" is not what the test report says")
            }
        }
        let held = try recorded()
        if let unheld = cited.first(where: { run in !held.contains { RunNotRecordedRule.holds($0, run.kind) } }) {
            return .unconfirmed("\(unheld.text) is in no evidence record")
        }
        return .verified
    }

    func testEvidence() throws -> TestEvidence? {
        if let tests { return tests }
        let read = try TestEvidence.of(context)
        tests = .some(read)
        return read
    }

    func recorded() throws -> [EvidenceRecord] {
        if let records { return records }
        let read = try EvidenceLedger.of(context).byName.values.joined().map(\.record)
        records = read
        return read
    }
}
