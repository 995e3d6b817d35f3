import GreenlightCore

/// `claims.route-not-found`: a done claim cites a route (`POST /api/few-shot/build`) that no
/// source file of the snapshot mentions. Shape: whole-snapshot, from the claims ledger.
public struct RouteNotFoundRule: Rule {
    public static let description = RuleDescription(
        id: "claims.route-not-found",
        severity: .warning,
        summary: "A done item cites an HTTP route that no source file defines",
        rationale: """
            Readiness documents promise endpoints: `GET /api/moat-health`, \
            `POST /api/preferences/:userId/infer`, GET `/admin/config` (the method outside the \
            code span, or in the table cell before the path's). If no source file of the repository contains \
            the path — parameter segments (`:id`, `{id}`, `${id}`, `<id>`) matching one another, \
            and a router's mount prefix joined with its routes — the endpoint was renamed, \
            removed or never built.
            """,
        configKeys: [
            ConfigKey("claims.route_sources", "globs of the files searched for routes (a top-level `claims:` key)",
                      default: "every text file that is not Markdown or plain text"),
        ],
        triggering: [
            // The method outside the code span, or in the cell before the path's.
            RuleExample([
                "docs/readiness.md": """
                    - [x] Config read through GET `↓/admin/rag/config`
                    | Method | Route | Status |
                    |---|---|---|
                    | POST | `↓/admin/rag/reindex` | ✅ |
                    """,
                "app/admin.py": "@router.get(\"/admin/rag/status\")\ndef status(): ...\n",
            ]),
            RuleExample([
                "docs/readiness.md": "- [x] Moat health endpoint (`↓GET /api/moat-health`)\n",
                "src/routes/moat.ts": "router.get('/api/moat-status', handler)\n",
            ]),
            RuleExample([
                "TODO.md": "- [x] Bulk inference `↓POST /api/preferences/infer-all`\n",
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "docs/readiness.md": """
                    - [x] Per-user inference `POST /api/preferences/:userId/infer`
                    - [x] Few-shot build `POST /api/few-shot/build`
                    - [x] Jobs `GET /admin/jobs/{jobId}`
                    """,
                "src/routes/preferences.ts": "await fetch(`/api/preferences/${id}/infer`)\n",
                "src/app.ts": "app.use('/api/few-shot', fewShot)\n",
                "src/fewShot.ts": "fewShot.post('/build', build)\n",
                "api/jobs.py": "@app.get(\"/admin/jobs/{job_id}\")\n",
            ]),
            RuleExample([
                "docs/readiness.md": "- [ ] Not yet: `DELETE /api/users/:id`\n",
            ]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        var findings: [Finding] = []
        for entry in try ClaimsLedger.of(context).entries {
            for case .missingRoutes(let citations)? in entry.verdicts {
                for citation in citations {
                    findings.append(Finding(
                        rule: Self.description,
                        path: entry.document.path,
                        line: citation.line,
                        column: citation.column,
                        message: "done item cites route `\(citation.text)`, which no source file mentions",
                        matched: citation.text,
                        fix: "correct the route, or uncheck the item until the endpoint exists"
                    ))
                }
            }
        }
        return findings
    }
}
