import GreenlightCore

/// Every rule Greenlight ships, in the order `greenlight rules` lists them. A rule joins by
/// being added here; retired ids are never reused.
public enum RuleCatalog {
    public static let all: [any Rule.Type] = [
        BadSuppressionRule.self,
        MissingEvidenceRule.self,
        DockerParseErrorRule.self,
        InvalidBaseRule.self,
        DuplicateStageRule.self,
        MaskedErrorsRule.self,
        PipefailRule.self,
        UntaggedBaseRule.self,
        LatestTagRule.self,
        HealthcheckMissingRule.self,
        PortMismatchRule.self,
        RootUserRule.self,
        MultipleCmdRule.self,
        WorkflowParseErrorRule.self,
        DuplicateKeyRule.self,
        UnknownNeedsRule.self,
        DuplicateWorkflowRule.self,
        MaskedFailureRule.self,
        DockerBuildMissingRule.self,
        StepOrderRule.self,
        SecretsPreflightRule.self,
        GateMissingRule.self,
    ]

    /// The family-level config sections (`claims:`, …) the families read.
    public static let sections: [any ConfigSection.Type] = [DockerSection.self]

    /// An engine with every rule and section.
    public static var engine: Engine { Engine(rules: all, sections: sections) }
}
