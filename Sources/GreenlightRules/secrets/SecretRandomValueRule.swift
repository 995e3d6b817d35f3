import GreenlightCore

/// `secrets.random-value`: a random-looking value no token shape identifies, under any name —
/// the low-confidence patterns of the secrets packs (`confidence: low`). Shape: from the secrets
/// pass over every file (and, with `--scan-history`, the history scan).
public struct SecretRandomValueRule: FileVisitingRule {
    public static let description = RuleDescription(
        id: "secrets.random-value",
        severity: .note,
        summary: "A random-looking value that no known token shape identifies is committed",
        rationale: """
            A quoted string with the entropy of a generated key may be a secret: under a \
            credential's name (`API_KEY = "…"`, `token: "…"`) or under any name when it mixes \
            upper case, lower case and digits over 32 characters (`SESSION_SALT`, a cookie's \
            `value`). But without a vendor's token shape nothing says it is one, and on first \
            contact with new repositories such values were as often a record's or a document's \
            id, a sample webhook payload's token, a local development stack's key or a tracking \
            cookie: 26 secrets in 49, where the token shapes `secrets.leak` knows were right 59 \
            times in 61. So these are notes to look at, not leaks that fail the gate; a team that \
            wants them to block raises the rule's level (`rules: {secrets.random-value: error}`). \
            They come from the secrets packs' patterns marked `confidence: low` (a team's own \
            pack may mark its patterns so), with the same allowlists, suppressions and \
            redaction as `secrets.leak`: the value is never shown. Fix: if it is a secret, \
            remove it, rotate it and read it from the environment; if not, say so with \
            `greenlight:ignore secrets.random-value <reason>` or `secrets.allow`.
            """,
        triggering: [
            RuleExample(["src/session.ts": "export const SESSION_SALT = \"↓\(SecretSample.make("", "base64", 44, salt: "entropy"))\"\n"]),
            RuleExample(["services/billing.py": "ACME_API_KEY = \"↓\(SecretSample.make("", "alnum", 32, salt: "acme-generic"))\"\n"]),
        ],
        nonTriggering: [
            // A known token shape is a leak (`secrets.leak`'s); hashes and ids.
            RuleExample(["src/llm.ts": "export const client = new OpenAI({ apiKey: \"\(SecretLeakExamples.openAIKey)\" })\n"]),
            RuleExample(["lock.json": "{\"integrity\": \"sha512-\(SecretSample.make("", "base64", 64, salt: "integrity"))\"}\n"]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        try SecretLeakRule.findings(context, confidence: .low, rule: Self.description)
    }

    public static func fileVisitor(_ context: RuleContext) throws -> SecretFileScan {
        try SecretLeakRule.fileVisitor(context)
    }
}
