import GreenlightCore

/// `secrets`: committed credentials, committed `.env` files, and undocumented variables.
public enum SecretsFamily: Family {
    public static let name = "secrets"
    public static let rules: [any Rule.Type] = [SecretLeakRule.self, SecretRandomValueRule.self, SecretUnscannedRule.self, EnvFileRule.self, EnvExampleDriftRule.self, EnvExampleOptionalRule.self]
    public static let section: (any ConfigSection.Type)? = SecretsSection.self
    public static let readsEveryFile = true
}
