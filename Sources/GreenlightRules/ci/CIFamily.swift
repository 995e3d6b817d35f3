import GreenlightCore

/// `ci`: GitHub Actions workflows, parsed with positions.
public enum CIFamily: Family {
    public static let name = "ci"
    public static let rules: [any Rule.Type] = [
        WorkflowParseErrorRule.self, DuplicateKeyRule.self, UnknownNeedsRule.self, DuplicateWorkflowRule.self,
        MaskedFailureRule.self, DockerBuildMissingRule.self, StepOrderRule.self, SecretsPreflightRule.self,
        GateMissingRule.self,
    ]
}
