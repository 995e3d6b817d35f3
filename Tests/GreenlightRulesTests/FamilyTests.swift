import Foundation
import GreenlightCore
import GreenlightGit
import GreenlightRules
import GreenlightTestSupport
import Testing

/// A family is a unit: its rules carry its name, it owns its section, and it reports its
/// figures explicitly — or says that it checked nothing.
@Suite struct FamilyTests {
    @Test func everyRuleBelongsToTheFamilyThatListsIt() {
        var names: Set<String> = []
        for family in RuleCatalog.families {
            #expect(names.insert(family.name).inserted, "family \(family.name) listed twice")
            #expect(!family.rules.isEmpty, "\(family.name) has no rules")
            for rule in family.rules {
                #expect(rule.description.family == family.name, "\(rule.description.id) is listed by \(family.name)")
            }
        }
        let keys = RuleCatalog.sections.map { $0.key }
        #expect(Set(keys).count == keys.count, "a section owned twice: \(keys)")
    }

    static let document = "# Status\n- [x] Health — `src/health.ts`\n- [ ] Load test\n"

    func run(_ yaml: String, only: Set<String>? = nil) throws -> Engine.Result {
        let fixture = try GitFixture(files: ["docs/STATUS.md": Self.document, "src/health.ts": "x\n"])
        let engine = RuleCatalog.engine
        let config = try ConfigLoader.load(yaml: yaml, file: "t.yml", knownRuleIDs: engine.ruleIDs, sections: engine.sectionKeys)
        let snapshot = try GitRepository(discovering: fixture.root).snapshot(.rev("HEAD"), config: config)
        return try engine.evaluate(snapshot: snapshot, config: config, now: Date(timeIntervalSince1970: 0), families: only)
    }

    @Test func aFamilyReportsItsFiguresWhenOneOfItsRulesRan() throws {
        let result = try run("rules: {claims.no-evidence: off, claims.route-not-found: off, claims.open-children: off}\n")
        #expect(result.facts.claims?.map(\.path) == ["docs/STATUS.md"])
        #expect(result.facts.claims?.first?.done == 1)
        #expect(result.facts.familiesOff == nil)
    }

    @Test func aFamilyWhoseRulesAreAllOffSaysItCheckedNothing() throws {
        let off = "rules: {claims.missing-evidence: off, claims.no-evidence: off, claims.route-not-found: off, claims.open-children: off, "
            + "claims.docs-unmatched: off, claims.no-documents: off, claims.symbol-not-found: off, claims.unreadable-document: off, "
            + "claims.test-results-unverified: off, claims.test-count-mismatch: off, claims.checked-but-open: off, "
            + "claims.schema-not-found: off, claims.run-not-recorded: off}\n"
        let result = try run(off, only: ["claims", "core"])
        #expect(result.facts.claims == nil)
        #expect(result.facts.familiesOff == ["claims"])
        // A family left out with --only is not reported: it was not asked for.
        #expect(try run(off, only: ["core"]).facts.familiesOff == nil)
    }
}
