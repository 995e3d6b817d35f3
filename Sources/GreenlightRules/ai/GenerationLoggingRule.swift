import GreenlightCore

/// `ai.logging`: an LLM call site whose generation is not logged in its enclosing function
/// (nor by file-level Langfuse instrumentation). Shape: whole-snapshot, from the ai ledger.
public struct GenerationLoggingRule: AIRequirementRule {
    public static let description = RuleDescription(
        id: "ai.logging",
        severity: .note,
        summary: "An LLM call's generation is not logged",
        rationale: """
            Prompt versions are promoted and rolled back on logged outcomes, and fine-tuning sets \
            are built from logged generations: a generation that is not logged is lost to the \
            loop. Every LLM call site must log its generation in its enclosing function — \
            `logGeneration(…)`, `log_generation(…)`, an insert into `ai_generations` (Drizzle \
            `insert(aiGenerations)`, Prisma `aiGeneration.create`, an `AIGeneration(…)` row), a \
            Langfuse trace or generation, a tracing span or usage record around the call, a \
            telemetry option (`experimental_telemetry`), a tracing decorator (`@observe`, \
            `@traceable`, `@traced`, `@weave.op`) — or the file must instrument its client or \
            chain run (`observeOpenAI(…)`, `langfuse.openai`, `wrap_openai(…)`, `callbacks: \
            [langfuse_handler]`), or the repository its LLM clients process-wide \
            (`OpenAIInstrumentor().instrument()`, `Traceloop.init()`, `logfire.instrument_openai()`), \
            or a committed env template switch on the SDK's own tracing (`LANGSMITH_TRACING=true` \
            for LangChain). A logger mentioned only in a comment or a string does not count. Tune \
            with `ai.loggers`; a call to a wrapper in `ai.compliant_wrappers` is compliant.
            """,
        configKeys: AIConfigKeys.all,
        triggering: GenerationLoggingRule.triggeringExamples,
        nonTriggering: GenerationLoggingRule.nonTriggeringExamples
    )

    public init() {}

    public static let setting = ConfigKey("ai.loggers", "regular expressions over code that log the generation; replace the built-in ones",
                                     default: "logGeneration, log_generation, an insert into ai_generations, a Langfuse trace")
    public static let fails = "is not logged"
    public static let fix = "log the generation (prompt version, outcome) in this function, or name your logger in ai.loggers"
}
