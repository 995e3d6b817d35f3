import GreenlightCore

/// `ci`: GitHub Actions workflows, parsed with positions.
public enum CIFamily: Family {
    public static let name = "ci"
    public static let rules: [any Rule.Type] = [
        WorkflowParseErrorRule.self, DuplicateKeyRule.self, UnknownNeedsRule.self, DuplicateWorkflowRule.self,
        MaskedFailureRule.self, DockerBuildMissingRule.self, StepOrderRule.self, SecretsPreflightRule.self,
        GateMissingRule.self,
    ]
    public static let checksRulesConcurrently = true

    /// Every workflow parsed before the rules ask, on every core.
    public static func prepare(_ context: RuleContext) {
        context.parseAhead(WorkflowParser.entries(context), WorkflowParser.parserKey, parse: WorkflowParser.parse)
    }
}
