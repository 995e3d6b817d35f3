import GreenlightCore

/// `claims.no-documents`: no `claims.docs` is configured and no file of the snapshot is named
/// as a readiness document, so the claims family checked nothing. Shape: whole-snapshot.
public struct NoDocumentsRule: Rule {
    public static let description = RuleDescription(
        id: "claims.no-documents",
        severity: .note,
        summary: "No readiness document was found, so no claim was checked",
        rationale: """
            The claims family reads the documents in which a team marks work done. Without \
            `claims: docs:` it takes Markdown files named as such — a name holding readiness, \
            roadmap, status, todo, checklist, progress, `_complete`, completion or \
            deployment_ready, one starting with `phase_`, or speckit's `tasks.md`; never a \
            README or a document in an archive folder (`_archive/`, `archived/`). When none is \
            found this note says so rather than letting a green claims section stand for \
            checked claims; name the documents under `claims: docs:` if they are called \
            otherwise (with `default_docs: true` to keep these too).
            """,
        configKeys: [
            ConfigKey("claims.docs", "globs selecting the readiness documents, matched ignoring case", default: "[] (the names above)"),
            ConfigKey("claims.default_docs", "read the documents named as above besides those of `claims.docs`",
                      default: "true when `claims.docs` is empty, else false"),
        ],
        triggering: [
            RuleExample(["README.md": "# Service\n- [x] Deployed\n"], config: "", expect: ["example.yml:0:0"]),
        ],
        nonTriggering: [
            RuleExample(["specs/001-chat/tasks.md": "1. [x] T001 Create the project (`src/app.ts`)\n", "src/app.ts": "x\n"]),
            RuleExample([
                ".greenlight.yml": "claims:\n  docs: [\"notes/*.md\"]\n",
                "notes/launch.md": "- [ ] Alerting\n",
            ]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        let settings = context.section(ClaimsSettings.self)
        guard settings.docs.isEmpty, !context.snapshot.entries.contains(where: { settings.isDocument($0.path) })
        else { return [] }
        return [Finding(
            rule: Self.description, path: context.configFile, line: 0, column: 0,
            message: "no readiness document found (no file named for readiness, status, progress, a checklist, a roadmap or tasks, and no `claims: docs:`), so no claim was checked",
            matched: "no readiness document",
            fix: "name the team's readiness documents under `claims: docs:` in .greenlight.yml")]
    }
}
