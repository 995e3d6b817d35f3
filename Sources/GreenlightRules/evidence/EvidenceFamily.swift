import GreenlightCore

/// `evidence`: recorded gate runs, test results and coverage that must exist, pass and be fresh.
public enum EvidenceFamily: Family {
    public static let name = "evidence"
    public static let rules: [any Rule.Type] = [
        EvidenceMissingRule.self, EvidenceFailedRule.self, EvidenceStaleRule.self, CommitUnknownRule.self,
        TestsFailingRule.self, CoverageLowRule.self, InvalidEvidenceFileRule.self,
    ]
    public static let section: (any ConfigSection.Type)? = EvidenceSettings.self

    /// The state of each evidence record at the run's clock.
    public static func reportFacts(_ context: RuleContext) throws {
        let ledger = try EvidenceLedger.of(context)
        context.facts.evidence = EvidenceLedger.states(ledger.byName, settings: context.section(EvidenceSettings.self), now: context.now)
    }
}
