import GreenlightCore

/// `secrets.random-value`: a random-looking value assigned to a name that does not say it is a
/// credential — the low-confidence patterns of the secrets packs (`confidence: low`). Shape: from
/// the secrets pass over every file (and, with `--scan-history`, the history scan).
public struct SecretRandomValueRule: FileVisitingRule {
    public static let description = RuleDescription(
        id: "secrets.random-value",
        severity: .note,
        summary: "A random-looking value is committed under a name that is not a credential's",
        rationale: """
            A long string mixing upper case, lower case and digits, with the entropy of a \
            generated key, may be a secret whatever its variable is called (`SESSION_SALT`, a \
            cookie's `value`). It is as often a document's id, a record's id, a tracking cookie \
            or an analytics token: on first contact with new repositories 10 such values in 25 \
            were credentials. So these are notes to look at, never a leak that fails the gate. \
            They come from the secrets packs' patterns marked `confidence: low` (a team's own \
            pack may mark its patterns so), with the same allowlists, suppressions and \
            redaction as `secrets.leak`: the value is never shown. Fix: if it is a secret, \
            remove it, rotate it and read it from the environment; if not, say so with \
            `greenlight:ignore secrets.random-value <reason>` or `secrets.allow`.
            """,
        triggering: [
            RuleExample(["src/session.ts": "export const SESSION_SALT = \"↓\(SecretSample.make("", "base64", 44, salt: "entropy"))\"\n"]),
        ],
        nonTriggering: [
            // A credential's name makes it a leak (`secrets.leak`'s); hashes and ids.
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
