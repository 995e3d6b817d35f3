import GreenlightCore

/// `ai.user-identity`: an LLM call site whose arguments carry no user identity. Shape:
/// whole-snapshot, from the ai ledger.
public struct UserIdentityRule: AIRequirementRule {
    public static let description = RuleDescription(
        id: "ai.user-identity",
        severity: .note,
        summary: "An LLM call carries no user identity",
        rationale: """
            Abuse monitoring, per-user rate limits, cost attribution and the feedback loop all \
            need to know whose generation it was. Every LLM call site must pass the user's \
            identity in its own argument list (across lines): a `user`, `userId`, `user_id`, \
            `userID` or `safety_identifier` key or argument — `user: id`, `user=uid`, \
            `metadata={"user_id": uid}` (a string counts when it is a mapping key), \
            `User: openai.String(id)`. A `role: "user"` value is not an identity, and an \
            identity in a comment does not count. Code that never names a user's identity \
            (no `user_id`, `userId`, `uid`, `current_user`, `request.user`, `session.user`, \
            account, tenant or customer id outside tests and examples: a single-user tool, a \
            script, a library whose callers pass it) is not asked; a team that declares \
            `ai.identity_args` is asked everywhere. A call in a function that hands the client \
            the user's own API key (`apiKey: profile.openai_api_key`) needs none: the \
            provider's account is the user's. Tune with `ai.identity_args`; a call to a \
            wrapper in `ai.compliant_wrappers` is compliant. A local model server has no \
            provider to tell: its call sites need no identity (the built-in Ollama one; give \
            your own pack's call site `not_required: [ai.user-identity]`), and a single-user \
            desktop app or CLI switches the rule off with `rules: {ai.user-identity: off}`.
            """,
        configKeys: AIConfigKeys.all,
        triggering: UserIdentityRule.triggeringExamples,
        nonTriggering: UserIdentityRule.nonTriggeringExamples
    )

    public init() {}

    public static let setting = ConfigKey("ai.identity_args", "regular expressions over the call's arguments that carry the user's identity; replace the built-in ones",
                                     default: "a user, userId, user_id, userID or safety_identifier key or argument")
    public static let fails = "carries no user identity"
    public static let fix = "pass the user's id in the call (user: userId, metadata: {user_id: …}), or name your key in ai.identity_args"
}
