import GreenlightCore

/// `ai.context-injection`: an LLM call site whose enclosing function builds no user context
/// (preferences, few-shot examples). Shape: whole-snapshot, from the ai ledger.
public struct ContextInjectionRule: AIRequirementRule {
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
            like any other code. Tests, evaluation harnesses, examples, scripts, and vendored or generated code are exempt \
            (`ai.exempt`).
            """,
        configKeys: AIConfigKeys.all,
        triggering: ContextInjectionRule.triggeringExamples,
        nonTriggering: ContextInjectionRule.nonTriggeringExamples
    )

    public init() {}

    public static let setting = ConfigKey("ai.context_builders", "regular expressions over code that count as injecting context; replace the built-in ones (a top-level `ai:` key)",
                                     default: "a call whose name contains context/Context, a few-shot or preferences loader")
    public static let fails = "injects no user context"
    public static let fix = "build the user's context in this function (e.g. buildPromptContext), or name your builder in ai.context_builders"
}
