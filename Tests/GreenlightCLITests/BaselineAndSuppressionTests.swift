import Foundation
import GreenlightTestSupport
import Testing

@Suite("CLI: baselines and inline suppressions")
struct BaselineAndSuppressionTests {
    /// Record a baseline at the default place and return its path.
    private func recordBaseline(_ fixture: GitFixture) throws -> String {
        let result = try CLI.greenlight("baseline", "--repo", fixture.root)
        let path = fixture.root + "/.greenlight-baseline.json"
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.isEmpty, "\(result)")
        #expect(result.stderr == "greenlight: recorded 1 finding(s) in \(path)\n", "\(result)")
        #expect(FileManager.default.fileExists(atPath: path))
        return path
    }

    @Test("baseline, then only new findings fail the gate")
    func baselineFlow() throws {
        let fixture = try GitFixture(files: Docs.files())
        let path = try recordBaseline(fixture)
        let recorded = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        #expect(recorded["schemaVersion"] as? Int == 1)
        let entries = try #require(recorded["findings"] as? [[String: Any]])
        #expect(entries.count == 1)
        #expect(entries.first?["rule"] as? String == "claims.missing-evidence")
        #expect(entries.first?["path"] as? String == "docs/readiness.md")

        let json = try CLI.greenlight("check", "--repo", fixture.root, "--baseline", path, "--format", "json")
        #expect(json.status == 0, "\(json)")
        #expect(json.stdout.contains(#""baselined" : true"#), "\(json)")
        let report = try json.json()
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings.first?["baselined"] as? Bool == true)
        #expect(findings.first?["fingerprint"] as? String == entries.first?["fingerprint"] as? String)
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["baselined"] as? Int == 1)
        #expect(summary["errors"] as? Int == 0)
        #expect(report["posture"] as? String == "green")
        #expect(report["exitCode"] as? Int == 0)

        // The baseline file is given relative to the current folder, too.
        let relative = try CLI.greenlight("check", "--baseline", ".greenlight-baseline.json", in: fixture.root)
        #expect(relative.status == 0, "\(relative)")
        #expect(relative.summaryLine.hasPrefix("GREEN: 0 errors, 0 warnings, 0 notes; 0 suppressed, 1 baselined"), "\(relative)")

        // A new false claim in a new commit is not in the baseline.
        try fixture.write("docs/ROADMAP.md", "# Roadmap\n- [x] Metrics — `src/metrics.ts`\n")
        try fixture.commitAll("roadmap", date: "2026-11-02T12:00:00Z")
        let text = try CLI.greenlight("check", "--repo", fixture.root, "--baseline", path)
        #expect(text.status == 1, "\(text)")
        let listed = findingLines(text.stdout)
        #expect(listed.count == 1, "\(text)")
        #expect(listed.first?.hasPrefix("docs/ROADMAP.md:2:18: error:") == true, "\(text)")
        #expect(listed.first?.contains("src/metrics.ts") == true, "\(text)")
        #expect(!text.stdout.contains("rateLimit"), "\(text)")
        #expect(text.summaryLine.hasPrefix("RED: 1 error, 0 warnings, 0 notes; 0 suppressed, 1 baselined"), "\(text)")

        // The baseline at the repository root is read by default: the hook and CI need no flag.
        let byDefault = try CLI.greenlight("check", "--repo", fixture.root)
        #expect(byDefault.status == 1, "\(byDefault)")
        #expect(findingLines(byDefault.stdout).count == 1, "\(byDefault)")
        #expect(byDefault.summaryLine.hasPrefix("RED: 1 error, 0 warnings, 0 notes; 0 suppressed, 1 baselined"), "\(byDefault)")

        // Without the baseline both fail.
        let plain = try CLI.greenlight("check", "--repo", fixture.root, "--no-baseline")
        #expect(plain.status == 1, "\(plain)")
        #expect(findingLines(plain.stdout).count == 2, "\(plain)")
        let both = try CLI.greenlight("check", "--repo", fixture.root, "--no-baseline", "--baseline", path)
        #expect(both.status == 2 && both.stderr.contains("exclude each other"), "\(both)")
    }

    @Test("a baselined finding stays baselined when lines are inserted above it")
    func baselineSurvivesLineShift() throws {
        let fixture = try GitFixture(files: Docs.files())
        let path = try recordBaseline(fixture)
        let shifted = Docs.oneFalseClaim.replacingOccurrences(
            of: "# Production readiness\n",
            with: "# Production readiness\n\nIntro paragraph.\n\n## Service\n- [ ] Pager rota\n"
        )
        try fixture.write("docs/readiness.md", shifted)
        try fixture.commitAll("shift", date: "2026-11-03T12:00:00Z")

        let json = try CLI.greenlight("check", "--repo", fixture.root, "--baseline", path, "--format", "json")
        #expect(json.status == 0, "\(json)")
        let findings = try #require(try json.json()["findings"] as? [[String: Any]])
        #expect(findings.count == 1, "\(json)")
        #expect(findings.first?["line"] as? Int == 8, "the finding moved down: \(json)")
        #expect(findings.first?["baselined"] as? Bool == true, "\(json)")

        let text = try CLI.greenlight("check", "--repo", fixture.root, "--baseline", path)
        #expect(text.status == 0, "\(text)")
        #expect(findingLines(text.stdout).isEmpty, "\(text)")
    }

    @Test("a suppression with a reason hides the finding; one without a reason does not")
    func suppression() throws {
        let withReason = Docs.oneFalseClaim.replacingOccurrences(
            of: "- [x] Rate limiter",
            with: "<!-- greenlight:ignore claims.missing-evidence -- moved to v2 -->\n- [x] Rate limiter"
        )
        let fixture = try GitFixture(files: Docs.files(withReason))
        let json = try CLI.greenlight("check", "--repo", fixture.root, "--format", "json")
        #expect(json.status == 0, "\(json)")
        let report = try json.json()
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.count == 1, "\(json)")
        #expect(findings.first?["rule"] as? String == "claims.missing-evidence")
        #expect(findings.first?["line"] as? Int == 4)
        #expect(findings.first?["suppressed"] as? Bool == true, "\(json)")
        #expect(findings.first?["suppressionReason"] as? String == "moved to v2", "\(json)")
        #expect((report["summary"] as? [String: Any])?["suppressed"] as? Int == 1)
        let text = try CLI.greenlight("check", "--repo", fixture.root)
        #expect(text.status == 0, "\(text)")
        #expect(text.summaryLine.hasPrefix("GREEN: 0 errors, 0 warnings, 0 notes; 1 suppressed, 0 baselined"), "\(text)")
    }

    /// Documents with a suppression comment that gives no reason.
    static let reasonless: [String] = [
        "<!-- greenlight:ignore claims.missing-evidence -->",
        "<!-- greenlight:ignore claims.missing-evidence -- -->",
    ]

    @Test("a suppression without a reason: exit 1, both findings", arguments: reasonless)
    func suppressionWithoutReason(_ comment: String) throws {
        let document = Docs.oneFalseClaim.replacingOccurrences(of: "- [x] Rate limiter", with: comment + "\n- [x] Rate limiter")
        let fixture = try GitFixture(files: Docs.files(document))
        let result = try CLI.greenlight("check", "--repo", fixture.root)
        #expect(result.status == 1, "\(result)")
        #expect(lines(of: result.stdout, containing: "docs/readiness.md:3:6: error:", "[core.bad-suppression]").count == 1, "\(result)")
        #expect(lines(of: result.stdout, containing: "no reason").count == 1, "\(result)")
        #expect(lines(of: result.stdout, containing: "docs/readiness.md:4:23: error:", "[claims.missing-evidence]").count == 1, "\(result)")
        #expect(result.summaryLine.hasPrefix("RED: 2 errors, 0 warnings, 0 notes; 0 suppressed"), "\(result)")
    }

    @Test("a suppression naming an unknown rule: reported, and the finding stays")
    func suppressionUnknownRule() throws {
        let document = Docs.oneFalseClaim.replacingOccurrences(
            of: "- [x] Rate limiter",
            with: "<!-- greenlight:ignore claims.missing-evidense -- typo -->\n- [x] Rate limiter"
        )
        let fixture = try GitFixture(files: Docs.files(document))
        let result = try CLI.greenlight("check", "--repo", fixture.root)
        #expect(result.status == 1, "\(result)")
        #expect(lines(of: result.stdout, containing: "docs/readiness.md:3:6: error:", "unknown rule 'claims.missing-evidense'").count == 1, "\(result)")
        #expect(lines(of: result.stdout, containing: "docs/readiness.md:4:23: error:", "[claims.missing-evidence]").count == 1, "\(result)")
    }
}
