import GreenlightCore
import Testing

/// One rule cannot flood a run: at most 200 findings in one file and 5,000 in all, the rest
/// summed up in one finding as severe as the worst one it stands for.
@Suite struct FindingCapTests {
    static let rule = RuleDescription(id: "core.example", severity: .warning, summary: "x", rationale: "x", triggering: [], nonTriggering: [])

    func findings(_ count: Int, in path: String, severity: Severity = .warning) -> [Finding] {
        (1...count).map { line in
            var finding = Finding(rule: Self.rule, path: path, line: line, column: 1, message: "m\(line)", matched: "m\(line)")
            finding.severity = severity
            return finding
        }
    }

    @Test func underTheCapNothingChanges() {
        let input = findings(200, in: "a.md") + findings(3, in: "b.md")
        #expect(FindingCap().apply(input) == input)
    }

    @Test func overflowInOneFileIsOneSummaryAsSevereAsTheWorst() {
        let input = findings(200, in: "a.md") + findings(49, in: "a.md", severity: .note) + findings(1, in: "a.md", severity: .error)
            + findings(2, in: "b.md")
        let capped = FindingCap().apply(input)
        #expect(capped.count == 203)
        #expect(Array(capped.prefix(200)) == Array(input.prefix(200)))
        let summary = capped.last!
        #expect(summary.path == "a.md" && summary.line == 1)
        #expect(summary.severity == .error, "the cap never weakens the verdict")
        #expect(summary.message == "and 50 more findings of core.example in this file (only the first 200 of a rule in one file are reported)")
    }

    @Test func overflowOfTheRunIsOneSummary() {
        var cap = FindingCap()
        cap.perRule = 10
        cap.perFile = 4
        let input = (0..<5).flatMap { findings(3, in: "f\($0).md") }
        let capped = cap.apply(input)
        #expect(capped.count == 11)
        #expect(capped.last?.message == "and 5 more findings of core.example in 2 files (only the first 10 of a rule are reported)")
    }
}
