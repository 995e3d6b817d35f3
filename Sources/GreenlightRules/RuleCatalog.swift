import GreenlightCore

/// Every rule Greenlight ships, in the order `greenlight rules` lists them. A rule joins by
/// being added here; retired ids are never reused.
public enum RuleCatalog {
    public static let all: [any Rule.Type] = [
        BadSuppressionRule.self,
        MissingEvidenceRule.self,
        SecretLeakRule.self,
        EnvFileRule.self,
        EnvExampleDriftRule.self,
    ]

    /// The family-level config sections (`claims:`, …) the families read.
    public static let sections: [any ConfigSection.Type] = [SecretsSection.self]

    /// An engine with every rule and section.
    public static var engine: Engine { Engine(rules: all, sections: sections) }
}
