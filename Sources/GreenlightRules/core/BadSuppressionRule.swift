import GreenlightCore

/// `core.bad-suppression`: a `greenlight:ignore` comment without a reason, without a rule id,
/// or naming a rule that does not exist. Shape: a stateless pass over every text file.
public struct BadSuppressionRule: FileVisitingRule {
    public static let description = RuleDescription(
        id: "core.bad-suppression",
        severity: .error,
        summary: "A greenlight:ignore comment must name known rules and give a reason",
        rationale: """
            A suppression hides a finding from the gate, so it must say why: \
            `greenlight:ignore RULE-ID -- reason`. One without a reason suppresses nothing; one \
            naming an unknown rule (a typo, a retired id) suppresses nothing either, and both \
            would otherwise pass unnoticed.
            """,
        triggering: [
            RuleExample(["src/app.ts": "// ↓greenlight:ignore claims.missing-evidence\nexport const a = 1\n"]),
            RuleExample(["docs/STATUS.md": "<!-- ↓greenlight:ignore claims.missing-evidence -- -->\n- [x] Done\n"]),
            RuleExample(["deploy/run.sh": "# ↓greenlight:ignore docker.no-such-rule -- legacy image\n"]),
            RuleExample(["api/main.py": "x = 1  # ↓greenlight:ignore -- no rule named\n"]),
        ],
        nonTriggering: [
            RuleExample(["src/app.ts": "// greenlight:ignore claims.missing-evidence -- moved to the v2 plan\nexport const a = 1\n"]),
            RuleExample(["README.md": "Write `greenlight:ignore RULE-ID -- reason` above the line.\n"]),
            RuleExample(["src/names.ts": "const keyword = \"greenlight:ignored\"\n"]),
        ]
    )

    public init() {}

    public func check(_ context: RuleContext, options: NoOptions) throws -> [Finding] {
        try Self.visits(context).files.flatMap(\.value)
    }

    public static func fileVisitor(_ context: RuleContext) throws -> SuppressionCheck {
        SuppressionCheck(known: context.knownRuleIDs)
    }
}

/// The core family's part of the run's one pass over every file: each suppression comment that
/// cannot work, as findings.
public struct SuppressionCheck: FileVisitor {
    public static let key = SharedKey<FileVisits<[Finding]>>("core.suppressions")
    let known: Set<String>

    public func wants(_ entry: SnapshotEntry) -> Bool { true }

    public func visit(_ entry: SnapshotEntry, bytes: [UInt8]) throws -> [Finding]? {
        guard ByteSearch.contains(bytes, Suppression.keyword) else { return nil }
        let source = SourceText(path: entry.path, bytes: bytes)
        var findings: [Finding] = []
        for suppression in SuppressionParser.parse(source) where !isInCodeSpan(suppression, source) {
            for message in problems(suppression) {
                findings.append(Finding(
                    rule: BadSuppressionRule.description,
                    path: source.path,
                    line: suppression.line,
                    column: suppression.column,
                    message: message,
                    matched: suppression.text,
                    fix: "write `greenlight:ignore RULE-ID -- reason`"
                ))
            }
        }
        return findings.isEmpty ? nil : findings
    }

    private func problems(_ suppression: Suppression) -> [String] {
        var messages: [String] = []
        if suppression.ruleIDs.isEmpty {
            messages.append("suppression names no rule id")
        }
        var unknown: [String] = []
        for id in suppression.ruleIDs where !known.contains(id) && !unknown.contains(id) {
            unknown.append(id)
            if unknown.count > 5 { break }
        }
        if unknown.count == 1 {
            messages.append("suppression names unknown rule '\(unknown[0])'")
        } else if !unknown.isEmpty {
            let shown = unknown.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
            messages.append("suppression names unknown rules \(shown)\(unknown.count > 5 ? " and more" : "")")
        }
        if suppression.reason == nil {
            messages.append("suppression gives no reason after ' -- ', so it suppresses nothing")
        }
        return messages
    }

    /// Documentation that shows the syntax in backticks is not a suppression.
    private func isInCodeSpan(_ suppression: Suppression, _ source: SourceText) -> Bool {
        let line = source.line(suppression.line)
        let before = line.unicodeScalars.prefix(suppression.column - 1)
        return before.filter { $0 == "`" }.count % 2 == 1
    }
}
