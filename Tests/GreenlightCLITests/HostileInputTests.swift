import Foundation
import GreenlightTestSupport
import Testing

/// Inputs from a hostile run that once flooded or stalled the gate: each now gives a bounded,
/// exact answer (the time each takes is measured in benchmarks/hostile.sh, never here).
@Suite("CLI: hostile inputs give bounded output")
struct HostileInputTests {
    @Test("a line of 4,000 repeated suppression openers: two findings, not one per repeat")
    func repeatedSuppressionKeyword() throws {
        let line = String(repeating: "<!-- greenlight:ignore ", count: 4_000)
        let fixture = try GitFixture(files: Docs.files(extra: ["notes/a.md": line + "\n"]))
        let result = try CLI.greenlight("check", "--repo", fixture.root, "--only", "core", "--no-history")
        #expect(result.status == 1)
        let findings = result.stdout.split(separator: "\n").filter { $0.contains("[core.bad-suppression]") }
        #expect(findings == [
            "notes/a.md:1:6: error: suppression gives no reason after ' -- ', so it suppresses nothing [core.bad-suppression]",
            "notes/a.md:1:6: error: suppression names unknown rules '<!--', 'greenlight:ignore' [core.bad-suppression]",
        ])
    }

    @Test("a readiness document of 1,000 false claims: 200 findings and one that counts the rest, in output and history")
    func findingsPerRuleAndFileAreCapped() throws {
        let document = "# Status\n" + (1...1_000).map { "- [x] Module \($0) — `src/missing_\($0).ts`\n" }.joined()
        let fixture = try GitFixture(files: Docs.files(document))
        let result = try CLI.greenlight("check", "--repo", fixture.root, "--only", "claims", "--format", "json")
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        let missing = findings.filter { $0["rule"] as? String == "claims.missing-evidence" }
        #expect(missing.count == 201)
        #expect(missing.contains { ($0["message"] as? String) == "and 800 more findings of claims.missing-evidence in this file (only the first 200 of a rule in one file are reported)" && $0["severity"] as? String == "error" })
        let history = try CLI.greenlight("history", "--repo", fixture.root, "--format", "json")
        #expect(history.status == 0)
        #expect(history.stdout.contains("\"errors\" : 201") || history.stdout.contains("\"errors\":201"), "\(history.stdout.prefix(400))")
    }
}
