import GreenlightCore

/// `ai.context-injection`: an LLM call site whose enclosing function builds no user context
/// (preferences, few-shot examples). Shape: whole-snapshot, from the ai ledger.
public struct ContextInjectionRule: Rule {
    public static let description = RuleDescription(
        id: "ai.context-injection",
        severity: .note,
        summary: "An LLM call is made without injecting the user's context",
        rationale: """
            A personalised product is only as good as the context each generation gets: the \
            user's preferences and the curated few-shot examples. Every LLM call site (OpenAI, \
            Anthropic, Gemini, Vercel AI SDK, LangChain, a plain HTTP call to an LLM API — the \
            patterns of the built-in pack and of `ai.packs`) must call a context builder in its \
            enclosing function; closures and arrow functions count as part of the function that \
            holds them, and at top level the file is the scope. A builder named only in a comment \
            or a string does not count. A call to a wrapper listed in `ai.compliant_wrappers`, or \
            an SDK call inside one's arguments, is compliant; the wrapper's own body is checked \
            like any other code. Test files and vendored or generated code are exempt \
            (`ai.exempt`).
            """,
        configKeys: AIConfigKeys.all,
        triggering: ContextInjectionRule.triggeringExamples,
        nonTriggering: ContextInjectionRule.nonTriggeringExamples
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        try AILedger.of(context).findings(
            .contextInjection, Self.description, fails: "injects no user context",
            fix: "build the user's context in this function (e.g. buildPromptContext), or name your builder in ai.context_builders")
    }
}

/// The `ai:` keys, shown by `greenlight explain` for each ai rule (they belong to the
/// top-level `ai:` section, not to the rule's options).
enum AIConfigKeys {
    static let all = [
        ConfigKey("ai.context_builders", "regular expressions over code that count as injecting context; replace the built-in ones (a top-level `ai:` key)",
                  default: "a call whose name contains context/Context, a few-shot or preferences loader"),
        ConfigKey("ai.identity_args", "regular expressions over the call's arguments that carry the user's identity; replace the built-in ones",
                  default: "a user, userId, user_id, userID or safety_identifier key or argument"),
        ConfigKey("ai.loggers", "regular expressions over code that log the generation; replace the built-in ones",
                  default: "logGeneration, log_generation, an insert into ai_generations, a Langfuse trace"),
        ConfigKey("ai.compliant_wrappers", "callee names (regular expressions) of wrappers that inject, identify and log", default: "[]"),
        ConfigKey("ai.exempt", "path globs never checked; replace the default", default: AISettings.defaultExemptPatterns.joined(separator: ", ")),
        ConfigKey("ai.packs", "extra rule packs (paths in the repository) with call sites and requirements", default: "[]"),
    ]
}
