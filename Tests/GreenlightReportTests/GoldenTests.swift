import Foundation
import GreenlightCore
import GreenlightReport
import GreenlightTestSupport
import Testing

/// Each format rendered from one fixed report and compared byte for byte with `Golden/` (see
/// `GoldenFile`).
@Suite struct GoldenTests {
    static let rule = RuleDescription(
        id: "claims.missing-evidence", severity: .error, summary: "s", rationale: "r", triggering: [], nonTriggering: [])
    static let suppression = RuleDescription(
        id: "core.bad-suppression", severity: .error, summary: "s", rationale: "r", triggering: [], nonTriggering: [])

    static var report: CheckReport {
        var warning = Finding(rule: suppression, path: "src/app.ts", line: 3, column: 4,
                              message: "suppression names unknown rule 'x.y'", matched: "greenlight:ignore x.y -- why")
        warning.severity = .warning
        var suppressed = Finding(rule: rule, path: "docs/TODO.md", line: 2, column: 9,
                                 message: "done item cites `a.ts`, which does not exist in commit 0123456789ab", matched: "a.ts")
        suppressed.suppressed = true
        suppressed.suppressionReason = "moved to v2"
        // Two rules' findings about one LLM call site: written under one heading.
        let call = "`openai.chat.completions.create` (OpenAI chat completions, call site openai.chat-completions)"
        let callFindings = [("ai.logging", "is not logged: looked for a generation logger"),
                            ("ai.user-identity", "carries no user identity: looked for a user key")].map { id, text in
            var finding = Finding(rule: RuleDescription(id: id, severity: .note, summary: "s", rationale: "r", triggering: [], nonTriggering: []),
                                  path: "src/chat.ts", line: 3, column: 23, message: "\(call) \(text)", matched: "create in chat")
            finding.subject = call
            return finding
        }
        let findings = [
            Finding(rule: rule, path: "docs/PRODUCTION_READINESS.md", line: 9, column: 47,
                    message: "done item cites `src/middleware/rateLimit.ts`, which does not exist in commit 0123456789ab",
                    matched: "src/middleware/rateLimit.ts", fix: "commit the file, correct the path, or uncheck the item"),
            Finding(rule: rule, path: "docs/PRODUCTION_READINESS.md", line: 12, column: 5,
                    message: "a | pipe in a message", matched: "x"),
            suppressed,
            warning,
        ] + callFindings
        return CheckReport(root: "/repo", commit: "0123456789abcdef0123456789abcdef01234567", source: .rev,
                           now: Timestamp.parse("2026-11-21T09:00:00Z")!, findings: findings)
    }

    @Test(arguments: [
        ("check.txt", ReportFormat.text, false),
        ("check-colour.txt", ReportFormat.text, true),
        ("check.json", ReportFormat.json, false),
        ("check.md", ReportFormat.markdown, false),
    ])
    func format(file: String, format: ReportFormat, colour: Bool) throws {
        let rendered = try format.reporter(colour: colour).render(Self.report)
        try GoldenFile.expect(rendered, equals: GoldenFile.folder().appendingPathComponent(file))
    }

    @Test func claimsAndEvidenceTables() throws {
        var facts = ReportFacts()
        facts.claims = [DocumentClaims(path: "docs/readiness.md", done: 3, verified: 1, unverified: 2, pending: 1, unverifiedClaims: [
            UnverifiedClaim(line: 4, title: "**Store** persisted", missing: "missing: backend/store.py"),
            UnverifiedClaim(line: 9, title: "Load test", missing: "cites no evidence"),
        ])]
        facts.evidence = [
            EvidenceState(name: "flywheel", status: "missing", recordedAt: nil, ageSeconds: nil, commit: nil, url: nil, required: true),
            EvidenceState(name: "smoke-prod", status: "pass", recordedAt: "2026-11-20T09:00:00Z", ageSeconds: 97200,
                          commit: "0123456789abcdef0123456789abcdef01234567", url: "https://ci.example.com/runs/7", required: true),
        ]
        let report = CheckReport(root: "/repo", commit: nil, source: .worktree, now: Timestamp.parse("2026-11-21T12:00:00Z")!,
                                 findings: [], facts: facts)
        let rendered = try MarkdownReporter().render(report)
        try GoldenFile.expect(rendered, equals: GoldenFile.folder().appendingPathComponent("check-facts.md"))
        let json = try JSONReporter().render(report)
        #expect(json.contains("\"unverifiedClaims\""))
        #expect(json.contains("\"ageSeconds\" : 97200"))
    }

    @Test func emptyReportIsGreenAndPasses() throws {
        let report = CheckReport(root: "/repo", commit: nil, source: .index, now: Date(timeIntervalSince1970: 0), findings: [])
        #expect(report.posture == .green)
        #expect(report.exitCode == 0)
        let json = try JSONReporter().render(report)
        #expect(json.contains("\"commit\" : null"))
        #expect(try TextReporter(colour: false).render(report) == "GREEN: 0 errors, 0 warnings, 0 notes; 0 suppressed, 0 baselined (index)\n")
        #expect(try MarkdownReporter().render(report).contains("No findings."))
    }

    @Test func jsonKeepsTheSchemaV1Keys() throws {
        let json = try JSONReporter().render(Self.report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        for key in ["schemaVersion", "tool", "repo", "posture", "exitCode", "findings", "summary"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let finding = try #require((object["findings"] as? [[String: Any]])?.first)
        for key in ["rule", "family", "severity", "message", "path", "line", "column", "fingerprint", "suppressed", "baselined"] {
            #expect(finding[key] != nil, "finding misses \(key)")
        }
        #expect(object["posture"] as? String == "red")
        #expect(object["exitCode"] as? Int == 1)
    }
}

@Suite struct ReportTemplateTests {
    @Test("the shipped report templates are the files in templates/ (run scripts/embed-templates.sh when this fails)")
    func fresh() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates").path
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".mustache") }
        #expect(Set(ReportTemplates.all.keys) == Set(names))
        for name in names {
            #expect(ReportTemplates.all[name] == (try String(contentsOfFile: folder + "/" + name, encoding: .utf8)), "\(name)")
        }
    }
}
