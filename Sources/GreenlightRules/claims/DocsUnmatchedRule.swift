import GreenlightCore

/// `claims.docs-unmatched`: a `claims.docs` pattern of the configuration selects no file, so
/// the documents it was meant to hold to their evidence are not read. Shape: whole-snapshot.
public struct DocsUnmatchedRule: Rule {
    public static let description = RuleDescription(
        id: "claims.docs-unmatched",
        severity: .warning,
        summary: "A claims.docs pattern selects no file",
        rationale: """
            A pattern under `claims: docs:` that matches nothing is a readiness document nobody \
            checks: the run is green for want of reading it, not for want of false claims. \
            Patterns match case-insensitively (`docs/*readiness*.md` selects \
            `docs/PRODUCTION_READINESS.md`); fix the pattern, or remove it when the document is gone.
            """,
        triggering: [
            // The configuration is committed as `example.yml`, the name the example test
            // loads it under, so that `↓` can mark the pattern.
            RuleExample([
                "example.yml": "claims:\n  docs:\n    - \"docs/*readiness*.md\"\n    - \"↓ops/launch-checklist.md\"\n",
                "docs/PRODUCTION_READINESS.md": "- [x] Backups restored once (`ops/restore.sh`)\n",
                "ops/restore.sh": "#!/bin/sh\n",
            ], config: "claims:\n  docs:\n    - \"docs/*readiness*.md\"\n    - \"ops/launch-checklist.md\"\n"),
        ],
        nonTriggering: [
            RuleExample([
                ".greenlight.yml": "claims:\n  docs: [\"docs/*READINESS*.md\"]\n",
                "docs/production-readiness.md": "- [ ] Backups restored once\n",
            ]),
            RuleExample(["README.md": "# Service\n"]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        let settings = context.section(ClaimsSettings.self)
        guard !settings.docs.isEmpty else { return [] }
        let paths = context.snapshot.entries.map(\.path)
        let unmatched = Set(settings.unmatchedDocs(among: paths).map(\.pattern))
        return zip(settings.docs, settings.docPositions + Array(repeating: nil, count: settings.docs.count))
            .filter { unmatched.contains($0.0.pattern) }
            .map { glob, position in
                Finding(rule: Self.description, path: context.configFile, line: position?.line ?? 0, column: position?.column ?? 0,
                        message: "claims.docs pattern `\(glob.pattern)` selects no file in this commit, so no document it names is checked",
                        matched: glob.pattern,
                        fix: "point the pattern at the readiness document (matching ignores case), or remove it")
            }
    }
}
