import GreenlightCore

/// `claims.open-children`: a done item has an open item nested under it. Shape: per document,
/// over the item tree.
public struct OpenChildrenRule: Rule {
    public static let description = RuleDescription(
        id: "claims.open-children",
        severity: .warning,
        summary: "A done item has open sub-items",
        rationale: """
            A parent checked while its children are not overstates progress: the document reads \
            done where work remains. Check the children, or uncheck the parent.
            """,
        triggering: [
            RuleExample([
                "ROADMAP.md": """
                    ↓- [x] **File: `backend/main.py`**
                      - [x] Review ingest endpoints
                      - [ ] Normalise every source
                    """,
                "backend/main.py": "x = 1\n",
            ]),
        ],
        nonTriggering: [
            RuleExample([
                "ROADMAP.md": """
                    - [ ] **File: `backend/tests/test_ingest.py`**
                      - [x] Writes all keys
                      - [ ] Shape of every endpoint
                    - [x] Poller
                      - [x] Reads config first
                    """,
            ]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        var findings: [Finding] = []
        for entry in try ClaimsLedger.of(context).entries {
            let claims = entry.document.claims
            for claim in claims where claim.state == .done && !claim.children.isEmpty {
                let open = claim.children.map { claims[$0] }.filter { $0.state == .open }
                guard let first = open.first else { continue }
                findings.append(Finding(
                    rule: Self.description,
                    path: entry.document.path,
                    line: claim.line,
                    column: claim.column,
                    message: "done item '\(ClaimsLedger.shorten(claim.title))' has \(open.count) open sub-item\(open.count == 1 ? "" : "s") (first at line \(first.line))",
                    matched: claim.title,
                    fix: "finish the sub-items, or uncheck the parent"
                ))
            }
        }
        return findings
    }
}
