import GreenlightCore

/// `claims.missing-evidence`: a done claim of a readiness document cites a path that does not
/// exist in the snapshot. Shape: whole-snapshot, from the claims ledger.
public struct MissingEvidenceRule: Rule {
    public static let description = RuleDescription(
        id: "claims.missing-evidence",
        severity: .note,
        summary: "A done item in a readiness document cites a path that does not exist",
        rationale: """
            A checked box is a claim. When the file it cites as evidence is not in the \
            repository — renamed, never committed, or a typo — the claim is unproven and the \
            readiness document is green without evidence. Paths are looked up from the \
            repository root and from the document's folder, a bare file name anywhere; globs \
            must match a file; URLs, environment variable names, commands and routes are not \
            paths. A path from the author's laptop (`/Users/…/app/rag/store.py`) is found by \
            its longest suffix in the repository, and a path the configuration's `include` \
            leaves out still exists; `...` stands for folders left out (`.../secrets/dtos.py`), \
            and a path written as what was ("modeled on the previous `a.yaml`", "today's \
            `b.py`") need not exist. Done items, headings marked done (✅, DONE, COMPLETE, \
            "(Completed)") with `**File**:`, `**Files Created:**` or `Evidence:` lines or \
            bullets that open with a path, and table rows whose status column says ✅ / PASS \
            count as claims. The finding names the code the item said the file holds.
            """,
        configKeys: [
            ConfigKey("claims.docs", "globs selecting the readiness documents (a top-level `claims:` key)",
                      default: "Markdown files named like *readiness*, *roadmap*, *status*, *todo*, *checklist*"),
        ],
        triggering: [
            // A table cell naming a thing "Legacy …" does not make the next cell's path a past one.
            RuleExample([
                "docs/status.md": """
                    | Category | File | Status |
                    |---|---|---|
                    | Legacy applications | `↓applications/test_legacy_manager.py` | PASS |
                    - [x] Scenarios `engine.feature` and `↓front-door.feature`
                    """,
                "tests/applications/test_apps.py": "x\n",
                "specs/engine.feature": "Feature: engine\n",
            ]),
            RuleExample(["docs/status.md": "- [x] DTOs in `↓.../secrets/settings.py`\n", "api/core/secrets/dtos.py": "x\n"]),
            // A path from the author's laptop whose folder is the repository's.
            RuleExample([
                "docs/STATUS.md": "- [x] Knowledge base in `↓/Users/ana/src/shop/app/rag/knowledge_base.py`\n",
                "app/rag/store.py": "x\n",
            ]),
            RuleExample([
                "docs/readiness.md": """
                    # Production readiness
                    - [x] Health route — `src/health.ts`
                    - [x] Vector store persistence — `↓backend/store.py`
                    """,
                "src/health.ts": "export const ok = true\n",
            ]),
            RuleExample([
                "ROADMAP.md": "* [X] Retry budget in `↓src/retry.ts` and `↓src/backoff.ts:12`\n",
            ]),
            // An elided path is no dotfile, whatever `.gitignore` says of dotfiles.
            RuleExample([
                "docs/rbac/checklist.md": "- [x] `↓ee/.../permissions/controls.py` → re-export from OSS\n",
                ".gitignore": ".*\n!.gitignore\n",
                "ee/src/permissions/__init__.py": "\n",
            ]),
            RuleExample([
                "plan/launch.md": "  - [x] Smoke script `↓scripts/smoke.sh`\n",
            ], config: "claims:\n  docs: [\"plan/*.md\"]"),
            RuleExample([
                "docs/STATUS.md": """
                    ### 3. Wrapper updates ✅
                    **File**: `↓src/services/llmWrapper.ts`
                    """,
            ]),
            RuleExample([
                "TODO.md": """
                    - [x] Ingestion
                      - Evidence: `src/ingest.py`, `↓tests/test_ingest.py`
                    """,
                "src/ingest.py": "x = 1\n",
            ]),
        ],
        nonTriggering: [
            // A move written with an arrow: the first path is where the file was.
            RuleExample([
                "docs/rbac/checklist.md": "- [x] `ee/src/core/access/service.py` → `oss/src/core/access/service.py`\n",
                "oss/src/core/access/service.py": "x\n",
            ]),
            // Folders left out with `...`; a path named as what was.
            RuleExample([
                "docs/status.md": """
                    - [x] DTOs in `.../secrets/dtos.py` and `ee/.../access/controls.py`
                    - [x] Charts modeled on the previous `worker-tracing-deployment.yaml`, matching today's `worker_events.py`
                    """,
                "api/oss/src/core/secrets/dtos.py": "x\n",
                "api/ee/src/core/access/controls.py": "x\n",
            ]),
            // Written from above the checkout; a class name's placeholder is no path.
            RuleExample([
                "docs/STATUS.md": "- [x] Filter in `vibes/web/oss/src/authFilter.ts`\n- [x] Sheet class `animate-sheet-in/out-{side}`\n",
                "web/oss/src/authFilter.ts": "x\n",
            ]),
            // Laptop paths resolved by their longest existing suffix; repository-rooted paths.
            RuleExample([
                "docs/STATUS.md": """
                    - [x] Knowledge base in `/Users/ana/src/shop/app/rag/knowledge_base.py`
                    - [x] Entry point `/src/main.ts`; health route `/api/health`
                    - [x] Shell profile `/Users/ana/.zshrc` and `/etc/nginx/nginx.conf` untouched
                    """,
                "app/rag/knowledge_base.py": "x\n",
                "src/main.ts": "x\n",
            ]),
            // A cited file the configuration's include leaves out still exists.
            RuleExample([
                ".greenlight.yml": "include: [\"docs/**\", \"src/**\"]\n",
                "docs/readiness.md": "- [x] Deploy script `scripts/deploy.sh` and its `infra/` folder\n",
                "scripts/deploy.sh": "#!/bin/sh\n",
                "infra/main.tf": "x\n",
            ]),
            // A path below a package's root; a protocol's method names; a removal, whose old
            // path is gone as it says.
            RuleExample([
                "docs/design/secrets/status.md": """
                    - [x] Settings page in `settings/index.tsx`
                    - [x] Handles `tools/call` and `resources/read`
                    - [x] Removed the legacy `circuit_breaker.py`
                    - [x] `.env` is in `.gitignore`
                    - [x] Spans carry `gen_ai.*`; the page is `chat/[id].tsx`
                    """,
                "web/oss/src/pages/settings/index.tsx": "export default () => null\n",
                "mobile/src/app/(app)/chat/[id].tsx": "export default () => null\n",
                ".gitignore": ".env\n",
            ]),
            // Paths the repository ignores (a local virtualenv, a package's build output), and
            // branch names in a status table's Branch column.
            RuleExample([
                "docs/progress/PROGRESS.md": """
                    - [x] Tests pass in `.venv313` on Python 3.13
                    - [x] Client rebuilt: `web/packages/client/dist/`
                    """,
                ".gitignore": ".venv*/\n",
                "web/packages/client/.gitignore": "dist/\n",
                "docs/branches/status.md": """
                    | Work | Branch | Status |
                    |---|---|---|
                    | Skills config | `docs/agent-skills-config` | ✅ Done |
                    """,
            ]),
            RuleExample([
                "docs/readiness.md": """
                    - [x] Health route — `src/health.ts`, folder `src/`, any `src/*.ts`, name `health.ts`
                    - [ ] Store persistence — `backend/store.py`
                    - [x] Keys set: `FLYWHEEL_*`, `API_URL`; run `npm run smoke`; see `https://example.com/a.md`
                    - [x] Route `POST /api/few-shot/build` answers; body is `application/json`
                    - [x] Calls `store.add_item()` via `BACKEND_URL/ingest/reddit`
                    """,
                "src/health.ts": "export const ok = true\n",
            ]),
            RuleExample([
                "docs/TODO.md": "- [x] Notes beside this file: `notes.md`\n",
                "docs/notes.md": "notes\n",
            ]),
            RuleExample([
                "docs/design.md": "- [x] Store — `backend/store.py`\n",
            ]),
            RuleExample([
                "checklist.md": "```\n- [x] `not/a/claim.py`\n```\n",
            ]),
            RuleExample([
                "docs/STATUS.md": "### Wrapper ⏳ PENDING\n**File**: `src/services/llmWrapper.ts`\n",
            ]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        var findings: [Finding] = []
        let place = ClaimsLedger.describe(context.snapshot)
        for entry in try ClaimsLedger.of(context).entries {
            for (claim, verdict) in zip(entry.document.claims, entry.verdicts) {
                guard case .missingPaths(let citations)? = verdict else { continue }
                // What the item said the missing file holds cannot be there either: named once.
                let names = ClaimSymbols.named(in: claim.title) + claim.sectionNames
                for (index, citation) in citations.enumerated() {
                    let named = index == 0 && !names.isEmpty
                        ? "; the item names " + names.prefix(8).map { "`\($0)`" }.joined(separator: ", ")
                            + (names.count > 8 ? " and \(names.count - 8) more" : "") + ", unverifiable without it"
                        : ""
                    findings.append(Finding(
                        rule: Self.description,
                        path: entry.document.path,
                        line: citation.line,
                        column: citation.column,
                        message: "done item cites `\(citation.text)`, which does not exist in \(place)\(named)",
                        matched: citation.text,
                        fix: "commit the file, correct the path, or uncheck the item"
                    ))
                }
            }
        }
        return findings
    }
}

extension ClaimsLedger {
    /// "commit 89f23caf78c1", "the index", "the work tree".
    static func describe(_ snapshot: RepositorySnapshot) -> String {
        switch snapshot.source {
        case .rev: return snapshot.commit.map { "commit \($0.prefix(12))" } ?? "the tree"
        case .index: return "the index"
        case .worktree: return "the work tree"
        }
    }
}
