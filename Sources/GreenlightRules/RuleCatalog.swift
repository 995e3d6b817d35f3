import GreenlightCore
import GreenlightProbes

/// Every rule Greenlight ships, in the order `greenlight rules` lists them. A rule joins by
/// being added here; retired ids are never reused.
public enum RuleCatalog {
    public static let all: [any Rule.Type] = [
        BadSuppressionRule.self,
        MissingObjectRule.self,
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
        LateLogRule.self,
        StaleLogRule.self,
        NeverUpdatedLogRule.self,
        NoArtifactRule.self,
        ProbeFailedRule.self,
        AuthNotEnforcedRule.self,
        InsecureProbeRule.self,
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
        SecretLeakRule.self,
        EnvFileRule.self,
        EnvExampleDriftRule.self,
        ContextInjectionRule.self,
        UserIdentityRule.self,
        GenerationLoggingRule.self,
    ]

    /// The family-level config sections (`claims:`, …) the families read.
    public static let sections: [any ConfigSection.Type] = [
        ClaimsSettings.self,
        EvidenceSettings.self,
        ProofOfWorkSection.self,
        ProbesSection.self,
        DockerSection.self,
        SecretsSection.self,
        AISettings.self,
    ]

    /// An engine with every rule and section.
    public static var engine: Engine { Engine(rules: all, sections: sections) }
}
