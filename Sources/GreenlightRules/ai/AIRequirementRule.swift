import GreenlightCore

/// A rule of the ai family that asks one thing of every LLM call site. The packs say what meets
/// it (`requirements:` entries naming the rule's id, with a scope and patterns), the team may
/// replace the built-in patterns under its own `ai:` key, and the rule reports each call site
/// that meets none of them. A new requirement is its rule file (with its examples), its pack
/// entries, and its line in `AIFamily.rules`.
public protocol AIRequirementRule: FileVisitingRule where Options == NoOptions, Visitor == AIFileJudge {
    /// The `ai:` key whose patterns replace the built-in packs' for this rule
    /// (`ai.loggers`), with its help and default as `explain` shows them.
    static var setting: ConfigKey { get }
    /// What a failing call site does not do, after its callee: "is not logged".
    static var fails: String { get }
    static var fix: String { get }
}

extension AIRequirementRule {
    /// The key inside `ai:` (`loggers`).
    static var settingName: String { String(setting.name.dropFirst(AISettings.key.count + 1)) }

    public static func fileVisitor(_ context: RuleContext) throws -> AIFileJudge {
        try AIFileJudge.of(context)
    }

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        try AILedger.of(context).findings(Self.description, fails: Self.fails, fix: Self.fix)
    }
}

extension AIFamily {
    /// The family's requirement rules, in family order.
    static let requirementRules: [any AIRequirementRule.Type] = rules.compactMap { $0 as? any AIRequirementRule.Type }
    /// Their ids, looked up for every call site judged.
    static let requirementIDs: [String] = requirementRules.map { $0.description.id }
}

/// The `ai:` keys, shown by `greenlight explain` for each ai rule (they belong to the
/// top-level `ai:` section, not to the rule's options).
enum AIConfigKeys {
    static var all: [ConfigKey] {
        AIFamily.requirementRules.map { $0.setting } + [
            ConfigKey("ai.compliant_wrappers", "callee names (regular expressions) of wrappers that inject, identify and log", default: "[]"),
            ConfigKey("ai.exempt", "path globs never checked; replace the default", default: AISettings.defaultExemptPatterns.joined(separator: ", ")),
            ConfigKey("ai.packs", "extra rule packs (paths in the repository) with call sites and requirements", default: "[]"),
        ]
    }
}
