import Foundation
import GreenlightCore

/// `claims.checked-but-open`: a checked item whose own text says it is not done — `- [x] ❌
/// PENDING`, `- [x] Alerting (blocked on creds)`. Shape: whole-snapshot, from the claims
/// ledger; one finding per item.
public struct CheckedButOpenRule: Rule {
    public static let description = RuleDescription(
        id: "claims.checked-but-open",
        severity: .warning,
        summary: "A checked item says in its own text that it is not done",
        rationale: """
            A box ticked over "❌ PENDING" or "(blocked)" is counted done by every tool that \
            counts boxes, and by the reader who skims. The item's text outside code spans is \
            read for an open mark — ❌, ⏳, 🚧 — or a status word in capitals standing alone \
            (PENDING, TODO, BLOCKED, WIP, NOT STARTED, NOT DONE, IN PROGRESS, DEFERRED), or \
            opening parentheses in any case ("(pending)", "(blocked on credentials)", not \
            "(pending count)"). An item that also carries a done mark (✅), or says it removed \
            the TODO, is not reported.
            """,
        triggering: [
            RuleExample([
                "docs/launch-checklist.md": """
                    # Launch
                    ↓- [x] Rate limits ❌ PENDING
                    ↓1. [x] Alerting (blocked on PagerDuty credentials)
                    ↓- [X] TODO: restore drill
                    """,
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "docs/launch-checklist.md": """
                    # Launch
                    - [x] Removed the TODO comments from `src/app.ts`
                    - [x] Retry queue ✅ (was ❌ on Monday)
                    - [ ] Alerting ❌ PENDING
                    - [x] Pending-order sweeper runs nightly; `TODO` markers linted
                    - [x] Keep the status display (pending count / last job status)
                    """,
                "src/app.ts": "x\n",
            ]),
        ]
    )

    public init() {}

    static let openWords = ["PENDING", "TODO", "BLOCKED", "WIP", "NOT STARTED", "NOT DONE", "IN PROGRESS", "DEFERRED"]
    static let openMarks = ["❌", "⏳", "🚧"]
    static let lowerOpenWords = openWords.map { $0.lowercased() }
    /// What follows a status word in parentheses: its end, or why and until when.
    static let parenthesisEndings = [")", ":", ",", " -", " —", " on ", " until ", " for ", " by ", " pending"]

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        var findings: [Finding] = []
        for entry in try ClaimsLedger.of(context).entries {
            for claim in entry.document.claims where claim.kind == .task && claim.state == .done {
                guard let said = Self.openMark(in: claim.title) else { continue }
                findings.append(Finding(
                    rule: Self.description, path: entry.document.path, line: claim.line, column: claim.column,
                    message: "checked item says \"\(said)\": it is counted done while its text says it is not",
                    matched: claim.title,
                    fix: "uncheck the item until the work is done, or remove the stale mark from its text"))
            }
        }
        return findings
    }

    /// The open mark an item's text carries, outside code spans; nil when none, or when the
    /// text also says done or reports a removal.
    static func openMark(in title: String) -> String? {
        // Most titles hold no mark, no capital status word and no parenthesis: skip them on bytes.
        guard openMarks.contains(where: { ByteSearch.contains(title, $0) })
            || lowerOpenWords.contains(where: { ByteSearch.containsIgnoringCase(title, $0) }) else { return nil }
        let prose = MarkdownLines.prose(title)
        if StatusMarkers.doneSymbols.contains(where: { ByteSearch.contains(prose, $0) }) || ClaimsLedger.saysRemoved(prose) {
            return nil
        }
        if let mark = openMarks.first(where: { ByteSearch.contains(prose, $0) }) { return mark }
        let lowered = prose.lowercased()
        for word in openWords {
            let open = "(" + word.lowercased()
            // "(pending)", "(blocked on credentials)" — not "(pending count / last status)".
            if parenthesisEndings.contains(where: { ByteSearch.contains(lowered, open + $0) }) { return word.lowercased() }
            if standsAlone(word, in: prose) { return word }
        }
        return nil
    }

    /// Whether `word` occurs in `text` with no ASCII letter or digit on either side.
    private static func standsAlone(_ word: String, in text: String) -> Bool {
        var rest = text[...]
        while let range = rest.range(of: word) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            let isWordChar = { (char: Character?) in char.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") } ?? false }
            if !isWordChar(before) && !isWordChar(after) { return true }
            rest = text[range.upperBound...]
        }
        return false
    }
}
