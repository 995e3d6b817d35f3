import GreenlightCore

/// Every rule Greenlight ships, in the order `greenlight rules` lists them. A rule joins by
/// being added here; retired ids are never reused.
public enum RuleCatalog {
    public static let all: [any Rule.Type] = [
        BadSuppressionRule.self,
        MissingEvidenceRule.self,
        NoEvidenceRule.self,
        RouteNotFoundRule.self,
        OpenChildrenRule.self,
        EvidenceMissingRule.self,
        EvidenceFailedRule.self,
        EvidenceStaleRule.self,
        CommitUnknownRule.self,
        TestsFailingRule.self,
        CoverageLowRule.self,
        InvalidEvidenceFileRule.self,
        ContextInjectionRule.self,
        UserIdentityRule.self,
        GenerationLoggingRule.self,
    ]

    /// The family-level config sections (`claims:`, …) the families read.
    public static let sections: [any ConfigSection.Type] = [
        ClaimsSettings.self,
        EvidenceSettings.self,
        AISettings.self,
    ]

    /// An engine with every rule and section.
    public static var engine: Engine { Engine(rules: all, sections: sections) }
}
