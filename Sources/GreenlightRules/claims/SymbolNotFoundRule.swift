import GreenlightCore

/// `claims.symbol-not-found`: a done item names code — a function, a method, a hook, a class —
/// that is not in the file it cites, or, citing none, in any code file of the snapshot. Shape:
/// whole-snapshot, from the claims ledger, over an index of the identifiers in code.
public struct SymbolNotFoundRule: Rule {
    public static let description = RuleDescription(
        id: "claims.symbol-not-found",
        severity: .note,
        summary: "A done item names code that is not where it says",
        rationale: """
            "Add helper `get_unclustered_feedback()` in `backend/store.py`" checked off while the \
            file has no such function is the finer kind of false claim: the file exists, the \
            work does not. A name counts as code when its span reads as one — a call \
            (`name()`, `store.add_item()`), a camelCase or snake_case name, a PascalCase name of \
            three words or more — not a word, a file name, a command, a flag, a dotted key or a \
            `CONSTANT_CASE` setting. It is looked for in the code of the files and folders the \
            item cites, then in every code file: in code or in a string literal (a table's name \
            in a migration), not in a comment, where the lexer knows the language; the name of a \
            file or folder counts too. Only a name found nowhere is reported — the renamed \
            function, the hook never written. A heading marked done is held to the names its \
            section's lines give too (a `**Functions**:` list under "### Flags ✅"). An item \
            that says it removed, renamed, replaced or moved something is not held to its names.
            """,
        triggering: [
            // A review's findings checklist lists work done; a "Decided" section does not.
            RuleExample([
                "docs/CR.status.md": """
                    ## Findings checklist
                    ↓- [x] P2-2 | action: `test_webhook` returns a typed DTO | status: done
                    ## Decided
                    - [x] Liveness lives in `session_runners`, not here
                    """,
                "api/webhooks/service.py": "def test_subscription():\n    return None\n",
            ]),
            RuleExample([
                "docs/readiness.md": """
                    ↓- [x] Add helper `get_unclustered_feedback()` in `backend/store.py`
                    - [x] Quota guard `isLLMAllowed()` wired in `src/config/`
                    ↓- [x] `useChat` hook renders the transcript
                    """,
                "backend/store.py": "def get_feedback():\n    # get_unclustered_feedback() comes later\n    return []\n",
                "src/config/flags.ts": "export const isLLMAllowed = () => true\n",
                "src/Chat.tsx": "import { useAssistantChat } from './hooks'\n",
            ]),
            // A done heading's section names what it delivered.
            RuleExample([
                "IMPLEMENTATION_STATUS.md": """
                    ↓### 1. Environment flags ✅
                    **File**: `src/config/envFlags.ts`

                    **Functions**:
                    - `isLLMAllowed()` - answers from `AI_QUOTA_CIRCUIT_OPEN`
                    - `isPostingAllowed()` - answers from `POSTING_DISABLED`
                    """,
                "src/config/envFlags.ts": "export const isLLMAllowed = () => process.env.AI_QUOTA_CIRCUIT_OPEN !== 'true'\n",
            ]),
        ],
        nonTriggering: [
            // A Go build constraint is a directive, not a comment.
            RuleExample([
                "docs/readiness.md": "- [x] Live test behind the `live_openai` build tag\n",
                "tests/e2e_test.go": "//go:build live_openai\n\npackage e2e\n",
            ]),
            RuleExample([
                "docs/readiness.md": """
                    - [x] Add helper `get_unclustered_feedback()` in `backend/store.py`
                    - [x] `ChatSiliconFlow` provider; run `npm test`; set `OPENAI_API_KEY`; see `README.md`
                    - [x] Removed `legacyFetch()`; renamed `publish_span` to `emit_span`
                    - [ ] `plannedThing()` later
                    - [x] Table `trigger_deliveries` created; `deploy_manager` in `src/core/`
                    - [x] `runCli` entry point, documented in `AGENTS.md`
                    - [x] Test login works for `acct_1Nx2Y3z4ABCdef5G`
                    """,
                "backend/store.py": "def get_unclustered_feedback():\n    return []\n",
                "migrations/0007_triggers.py": "op.create_table(\"trigger_deliveries\")\n",
                "src/core/deploy_manager.py": "x = 1\n",
                "AGENTS.md": "# Agents\n",
                "services/runner/src/cli.ts": "export function runCli() {}\n",
                "src/providers/silicon.ts": "export class ChatSiliconFlow {}\n",
            ]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        let index = try ClaimSymbols.Index.of(context)
        var findings: [Finding] = []
        for entry in try ClaimsLedger.of(context).entries {
            for (claim, verdict) in zip(entry.document.claims, entry.verdicts) {
                // A cited file that is missing is claims.missing-evidence's.
                guard claim.state == .done, let verdict, verdict != .parentUnverified, !ClaimsLedger.saysRemoved(claim.title)
                else { continue }
                if case .missingPaths = verdict { continue }
                var names = ClaimSymbols.named(in: claim.title)
                // A heading is held to its section's names; an item's sub-lines only prove.
                if claim.kind == .heading { names += claim.sectionNames.filter { !names.contains($0) } }
                guard !names.isEmpty else { continue }
                // The code files and folders it cites, where its names are looked for first.
                let files = claim.citations.compactMap { citation -> String? in
                    guard case .path(let path) = citation.target, !path.contains("*") else { return nil }
                    return PathLookup.normalise(path).map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
                }.filter { context.snapshot.directoryExists($0) || (context.snapshot.fileExists($0) && ClaimSymbols.Index.isCode($0)) }
                for name in names {
                    // A name the item places elsewhere than its citations (a deliverable's
                    // functions, a counterpart's class) is still written: only a name found
                    // nowhere is reported.
                    if try files.contains(where: { try index.holds(name, in: $0) }) || index.holdsAnywhere(name) { continue }
                    let cited = files.isEmpty ? "" : " (looked for first in " + files.map { "`\($0)`" }.joined(separator: ", ") + ")"
                    findings.append(Finding(
                        rule: Self.description, path: entry.document.path, line: claim.line, column: claim.column,
                        message: "done \(claim.kind.rawValue) names `\(name)`, which is nowhere in the code of this commit\(cited)",
                        matched: claim.title + " " + name,
                        fix: "add `\(name)` where the item says, correct the name, or uncheck the item"))
                }
            }
        }
        return findings
    }
}
