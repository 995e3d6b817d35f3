import GreenlightCore

/// Every rule Greenlight ships, in the order `greenlight rules` lists them. A rule joins by
/// being added here; retired ids are never reused.
public enum RuleCatalog {
    public static let all: [any Rule.Type] = [
        BadSuppressionRule.self,
        MissingEvidenceRule.self,
    ]
}
