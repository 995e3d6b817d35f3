import GreenlightCore

/// Every family Greenlight ships, in the order `greenlight rules` lists their rules. A rule
/// joins by being added to its family's list; retired ids are never reused.
public enum RuleCatalog {
    public static let families: [any Family.Type] = [
        CoreFamily.self,
        ClaimsFamily.self,
        EvidenceFamily.self,
        ProofOfWorkFamily.self,
        ProbeFamily.self,
        DockerFamily.self,
        CIFamily.self,
        SecretsFamily.self,
        AIFamily.self,
    ]

    /// Every rule, family by family.
    public static var all: [any Rule.Type] { families.flatMap { $0.rules } }

    /// The family-level config sections (`claims:`, …) the families own.
    public static var sections: [any ConfigSection.Type] { families.compactMap { $0.section } }

    /// An engine with every family.
    public static var engine: Engine { Engine(families: families) }
}
