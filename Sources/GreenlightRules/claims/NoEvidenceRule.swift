import GreenlightCore

/// `claims.no-evidence`: a done claim cites nothing checkable — no path, no route — and no
/// enclosing item does either. Shape: whole-snapshot, from the claims ledger.
public struct NoEvidenceRule: Rule {
    public struct Options: RuleOptions {
        /// Case-insensitive fragments of titles of done items that need no evidence.
        public var exempt: [String] = []

        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable {
            case exempt
        }

        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            exempt = try container.decodeIfPresent([String].self, forKey: .exempt) ?? []
        }
    }

    public static let description = RuleDescription(
        id: "claims.no-evidence",
        severity: .warning,
        summary: "A done item in a readiness document cites nothing checkable",
        rationale: """
            "Done" with nothing to check is a claim on trust. Cite the file, folder, test or \
            route that proves it — a backticked path, an `Evidence:` line under the item, or a \
            `**File**:` line under a heading — so that Greenlight can keep checking it. Sub-items \
            of an item that cites a file are covered by it; a claim citing only links is counted \
            as unverified but not reported. A file named without backticks ("Dockerfile \
            created", "(app/api/admin.py)") is evidence when it exists, and so is code the item \
            or the lines under it name (`FakeNatSession`, usePhysics without backticks) when \
            the code holds every name; a name or file that is not there is read as prose. Headings of advice ("✅ DO:"), of exit criteria ("✅ Ready when"), \
            of partial work ("LARGELY COMPLETE"), the boxes under "Decided" or "Decisions", \
            the yes/no answers of a matrix (`✅ Yes`) and documents in an archive folder are \
            no claims.
            """,
        configKeys: [
            ConfigKey("exempt", "title fragments (case-insensitive) of done items that need no evidence", default: "[]"),
        ],
        triggering: [
            // Of two status-named columns, the one that carries a mark decides.
            RuleExample([
                "docs/STATUS.md": """
                    | Component | State | Result |
                    |---|---|---|
                    ↓| Button | keyboard focus ring | ✅ restored |
                    """,
            ]),
            RuleExample(["docs/PHASE_2.md": "↓## Exports (Completed)\nExports run nightly.\n"]),
            RuleExample([
                "docs/readiness.md": """
                    # Launch
                    ↓- [x] Load test passed at 10 concurrent requests
                    - [ ] Alerting
                    """,
            ]),
            RuleExample([
                "STATUS.md": "↓### Budget guard ✅\nThe guard stops generation at the daily cap.\n",
            ]),
            RuleExample([
                "docs/readiness-matrix.md": """
                    | Component | Tests | Status |
                    |---|---|---|
                    ↓| Session store | 10/10 ✅ | **READY** |
                    | Redis persistence | - | ⏳ PENDING |
                    """,
            ]),
        ],
        nonTriggering: [
            // Code named without backticks, or in the lines under an item, that the code holds.
            RuleExample([
                "BUILD_PROGRESS.md": """
                    - [x] Graph hooks usePhysics and useCamera
                    - [x] Grant listing in the vector store
                      - method `scroll_grants()` pages through every grant
                    """,
                "src/graph/hooks.ts": "export const usePhysics = () => 1\nexport const useCamera = () => 2\n",
                "backend/qdrant_service.py": "def scroll_grants():\n    return []\n",
            ]),
            // Decisions, partial and criteria headings, and archived reports are no claims.
            RuleExample([
                "docs/tasks.md": """
                    ## 0. Decided
                    - [x] Liveness lives in the runners' table, not here
                    ## Phase 7 — LARGELY COMPLETE
                    Most of it shipped.
                    ## ✅ Ready When
                    All boxes are ticked.
                    """,
                "docs/_archive/OPERATIONAL_STATUS.md": "- [x] Both databases connected\n",
            ]),
            // Advice, a matrix of answers, and code named that the code holds.
            RuleExample([
                "docs/GROUP_STATUS.md": """
                    #### ✅ DO:
                    Lock groups before an audit.

                    | Role | Group status | Upload visible? |
                    |---|---|---|
                    | Owner | active | ✅ Yes |

                    - [x] Shared fakes `FakeNatSession` and `FakeNatSessionFactory` for the adapter tests
                    """,
                "tests/support/nat.py": "class FakeNatSession: ...\nclass FakeNatSessionFactory: ...\n",
            ]),
            // Files Created lists, path bullets under a done heading, a status column.
            RuleExample([
                "docs/PHASE_2.md": """
                    ## Exports (Completed)
                    **Files Created:**
                    - `src/exports/run.ts`

                    ## Imports — done
                    - `src/imports/run.ts` reads the CSV

                    | Task | Notes | Status |
                    |---|---|---|
                    | Billing | after ✅ exports | ⏳ |
                    """,
                "src/exports/run.ts": "x\n",
                "src/imports/run.ts": "x\n",
            ]),
            // Files named without backticks that exist are evidence.
            RuleExample([
                "docs/STATUS.md": """
                    - [x] Dockerfile created
                    - [x] Admin routes wired (app/api/admin.py)
                    - [x] README documentation updated
                    """,
                "Dockerfile": "FROM python:3.12\n",
                "app/api/admin.py": "x = 1\n",
                "README.md": "# App\n",
            ]),
            RuleExample([
                "docs/readiness.md": """
                    - [x] **File: `backend/store.py`**
                      - [x] Writes every item to the unclustered set
                    - [x] CI run green: [run 812](https://ci.example.com/runs/812)
                    - [ ] Alerting
                    """,
                "backend/store.py": "x = 1\n",
            ]),
            RuleExample([
                "STATUS.md": "## ✅ COMPLETED\n### Flags ✅\n**File**: `src/flags.ts`\n",
                "src/flags.ts": "export {}\n",
            ]),
            RuleExample(["TODO.md": "- [x] Kickoff meeting held\n"], options: "exempt: [kickoff]"),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: Options) throws -> [Finding] {
        var findings: [Finding] = []
        let exempt = options.exempt.map { $0.lowercased() }
        for entry in try ClaimsLedger.of(context).entries {
            for (claim, verdict) in zip(entry.document.claims, entry.verdicts) where verdict == .noEvidence {
                let title = claim.title.lowercased()
                if exempt.contains(where: { title.contains($0) }) { continue }
                findings.append(Finding(
                    rule: Self.description,
                    path: entry.document.path,
                    line: claim.line,
                    column: claim.column,
                    message: "done \(claim.kind.rawValue) '\(ClaimsLedger.shorten(claim.title))' cites no evidence",
                    matched: claim.title,
                    fix: "cite the file, test or route that proves it, e.g. an `Evidence: `path`` line"
                ))
            }
        }
        return findings
    }
}

extension ClaimsLedger {
    /// A claim title short enough for a one-line message.
    /// The title for a message, at most 60 characters. A secret in it is redacted before it is
    /// cut: a token cut short no longer has the shape the output's redaction recognises.
    static func shorten(_ title: String) -> String {
        let plain = SecretRedactor.builtin.redact(title.filter { $0 != "*" && $0 != "`" })
        return plain.count > 60 ? String(plain.prefix(57)) + "..." : plain
    }
}
