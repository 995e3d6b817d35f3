import GreenlightCore

/// `ai`: LLM call sites and what each must carry (context, identity, logging).
public enum AIFamily: Family {
    public static let name = "ai"
    public static let rules: [any Rule.Type] = [ContextInjectionRule.self, UserIdentityRule.self, GenerationLoggingRule.self]
    public static let section: (any ConfigSection.Type)? = AISettings.self
    public static let readsEveryFile = true
}
