import Foundation
import GreenlightCore
import GreenlightGit
import GreenlightRules
import GreenlightTestSupport
import Testing

/// Huge, deeply nested and malformed readiness documents: read in bounded time, counted
/// correctly, never a crash.
@Suite struct ClaimsBadInputTests {
    func claims(_ files: [String: String], config yaml: String = "") throws -> (ReportFacts, [Finding]) {
        let fixture = try GitFixture(files: files)
        let engine = RuleCatalog.engine
        let config = try ConfigLoader.load(yaml: yaml, file: "g.yml", knownRuleIDs: engine.ruleIDs, sections: engine.sectionKeys)
        let snapshot = try GitRepository(discovering: fixture.root).snapshot(.rev("HEAD"), config: config)
        let result = try engine.evaluate(snapshot: snapshot, config: config, now: Date(timeIntervalSince1970: 0), families: ["claims"])
        return (result.facts, result.findings)
    }

    @Test func tenMegabyteDocumentIsReadWhenTheCapAllowsAndSkippedOtherwise() throws {
        var doc = "# Readiness\n"
        let line = "- [x] Store persisted — `src/store.ts` and a long explanation of why it is done, padded out\n"
        let count = 10_000_000 / line.utf8.count
        doc.reserveCapacity(count * line.utf8.count)
        for _ in 0..<count { doc += line }
        let files = ["docs/readiness.md": doc, "src/store.ts": "x\n"]
        let (facts, findings) = try claims(files, config: "max_file_size: 16MiB\n")
        #expect(facts.claims?.first?.done == count)
        #expect(facts.claims?.first?.verified == count)
        #expect(findings.isEmpty)
        let (skipped, _) = try claims(files)
        #expect(skipped.claims?.isEmpty == true, "over the 1 MiB default cap the document is listed, not read")
    }

    @Test func deepNestingUsesNoRecursion() throws {
        var doc = "# Roadmap\n"
        for depth in 0..<700 {
            doc += String(repeating: " ", count: depth * 2) + "- [x] level \(depth)\n"
        }
        doc += String(repeating: " ", count: 1400) + "- [ ] the deepest is open\n"
        let (facts, findings) = try claims(["ROADMAP.md": doc])
        let document = try #require(facts.claims?.first)
        #expect(document.done == 700)
        #expect(document.pending == 1)
        #expect(findings.filter { $0.rule == "claims.open-children" }.map(\.line) == [700 + 1])
        // Every one of the 700 is found: 200 are reported and one finding counts the other 500.
        let noEvidence = findings.filter { $0.rule == "claims.no-evidence" }
        #expect(noEvidence.count == 201)
        #expect(noEvidence.contains { $0.message.hasPrefix("and 500 more findings of claims.no-evidence in this file") })
    }

    @Test func brokenTablesAndOddLinesDoNotConfuseTheCount() throws {
        let doc = """
            # Status
            | Component | Status |
            | Session store | ✅ READY `src/session.ts` |
            | a | b |
            |---|---|
            | Planner | ✅ |||| extra cells
            | | ⏳ PENDING
            |
            - [x]
            - [x]no space after the box
            * [y] not a box
            -[x] no space before the box
            ```
            | Inside | ✅ |
            """
        let (facts, findings) = try claims(["STATUS.md": doc])
        let document = try #require(facts.claims?.first)
        #expect(document.done == 2, "Planner row and the empty done item")
        #expect(document.pending == 1)
        #expect(findings.map(\.line).sorted() == [6, 9])
    }

    @Test func invalidUTF8AndNULsInADocument() throws {
        let fixture = try GitFixture()
        try fixture.write("docs/readiness.md", bytes: Array("- [x] ok `src/a.ts`\n- [x] bad \u{FFFD}".utf8) + [0xC3, 0x28, 0x0A]
                          + Array("- [x] missing `src/b\u{00E9}.ts`\n".utf8))
        try fixture.write("src/a.ts", "x\n")
        try fixture.commitAll("docs")
        let snapshot = try GitRepository(discovering: fixture.root).snapshot(.rev("HEAD"), config: Config())
        let result = try RuleCatalog.engine.evaluate(snapshot: snapshot, config: Config(), now: Date(timeIntervalSince1970: 0), families: ["claims"])
        #expect(result.findings.map { "\($0.rule) \($0.line):\($0.column)" } == ["claims.no-evidence 2:1", "claims.missing-evidence 3:16"])
    }
}
