import Foundation
import GreenlightCore
@testable import GreenlightReport
import GreenlightTestSupport
import Testing

/// SARIF, JUnit and GitHub workflow commands rendered from one fixed report and compared with
/// `Golden/` (see `GoldenFile`), and each format's rules checked on its own.
@Suite struct CIFormatTests {
    static let missing = RuleDescription(
        id: "claims.missing-evidence", severity: .error, summary: "A done item cites a path that does not exist",
        rationale: "A checked box is a claim.", triggering: [], nonTriggering: [])
    static let noEvidence = RuleDescription(
        id: "claims.no-evidence", severity: .warning, summary: "A done item cites nothing checkable",
        rationale: "Done with nothing to check is a claim on trust.", triggering: [], nonTriggering: [])
    static let stale = RuleDescription(
        id: "evidence.stale", severity: .error, summary: "Evidence is older than its max_age",
        rationale: "Evidence ages.", triggering: [], nonTriggering: [])
    static let failed = RuleDescription(
        id: "evidence.failed", severity: .error, summary: "The newest record is a failure",
        rationale: "A failed gate is not green.", triggering: [], nonTriggering: [])

    static var rules: [ReportedRule] {
        [ReportedRule(missing), ReportedRule(noEvidence, configured: .note), ReportedRule(stale), ReportedRule(failed)]
    }

    static var report: CheckReport {
        var suppressed = Finding(rule: missing, path: "docs/TODO.md", line: 2, column: 9,
                                 message: "done item cites `a.ts`", matched: "a.ts")
        suppressed.suppressed = true
        suppressed.suppressionReason = "moved to v2"
        var baselined = Finding(rule: missing, path: "docs/TODO.md", line: 5, column: 3,
                                message: "done item cites `b.ts`", matched: "b.ts")
        baselined.baselined = true
        var note = Finding(rule: noEvidence, path: "docs/TODO.md", line: 7, column: 1,
                           message: "done item <cites> nothing & \"more\"", matched: "x")
        note.severity = .note
        let whole = Finding(rule: stale, path: ".greenlight/evidence/smoke/2026.json", line: 0, column: 0,
                            message: "smoke evidence is 9d old (max_age 7d)", matched: "smoke")
        // A rule the report's rule list does not name (as from a family that is not registered).
        let status = RuleDescription(id: "probe.status", severity: .error, summary: "s", rationale: "r", triggering: [], nonTriggering: [])
        var probe = Finding(rule: status, path: "", line: 0, column: 0, message: "health answered 503", matched: "health")
        probe.endpoint = "health (https://api.example.com/health)"
        probe.severity = .warning
        let findings = [
            probe,
            whole,
            Finding(rule: missing, path: "docs/PRODUCTION READINESS.md", line: 9, column: 47,
                    message: "done item cites `src/rate,Limit.ts`: 100% missing\nsecond line",
                    matched: "src/rate,Limit.ts", fix: "commit the file"),
            suppressed, baselined, note,
        ]
        return CheckReport(root: "/repo", commit: "0123456789abcdef0123456789abcdef01234567", source: .rev,
                           now: Timestamp.parse("2026-11-21T09:00:00Z")!, findings: findings, rules: rules)
    }

    @Test(arguments: [
        ("check.sarif", ReportFormat.sarif),
        ("check.junit.xml", ReportFormat.junit),
        ("check.github.txt", ReportFormat.github),
    ])
    func golden(file: String, format: ReportFormat) throws {
        let rendered = try format.reporter(colour: false).render(Self.report)
        try GoldenFile.expect(rendered, equals: GoldenFile.folder().appendingPathComponent(file))
        #expect(try format.reporter(colour: false).render(Self.report) == rendered, "\(file) is not deterministic")
    }

    // MARK: SARIF

    @Test func sarifDescribesRulesAndLocatesResults() throws {
        let object = try JSONSerialization.jsonObject(with: Data(try SARIFReporter().render(Self.report).utf8))
        let log = try #require(object as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "Greenlight")
        #expect(driver["informationUri"] as? String == RuleHelp.homepage)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["claims.missing-evidence", "claims.no-evidence", "evidence.stale", "evidence.failed", "probe.status"])
        let first = rules[0]
        #expect(first["name"] as? String == "ClaimsMissingEvidence")
        #expect((first["shortDescription"] as? [String: Any])?["text"] as? String == "A done item cites a path that does not exist")
        #expect((first["fullDescription"] as? [String: Any])?["text"] as? String == "A checked box is a claim.")
        #expect(((first["help"] as? [String: Any])?["text"] as? String)?.hasPrefix("A checked box is a claim.") == true)
        // The default level is the rule's; the configured one is an override.
        #expect((rules[1]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        let overrides = try #require(invocation["ruleConfigurationOverrides"] as? [[String: Any]])
        #expect(overrides.count == 1)
        #expect((overrides[0]["descriptor"] as? [String: Any])?["index"] as? Int == 1)
        #expect((overrides[0]["configuration"] as? [String: Any])?["level"] as? String == "note")

        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 6)
        // A finding about an endpoint: a logical location, no file.
        let probe = results[0]
        let logical = try #require(((probe["locations"] as? [[String: Any]])?.first)?["logicalLocations"] as? [[String: Any]])
        #expect(logical.first?["fullyQualifiedName"] as? String == "health (https://api.example.com/health)")
        #expect(((probe["locations"] as? [[String: Any]])?.first)?["physicalLocation"] == nil)
        // Whole-file finding: a location without a region.
        let whole = try #require(results.first { $0["ruleId"] as? String == "evidence.stale" })
        let wholeLocation = try #require(((whole["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        #expect(wholeLocation["region"] == nil)
        #expect((wholeLocation["artifactLocation"] as? [String: Any])?["uri"] as? String == ".greenlight/evidence/smoke/2026.json")
        #expect(whole["ruleIndex"] as? Int == 2)
        // A positioned finding: 1-based line and column, a percent-encoded URI, the fingerprint.
        let positioned = results[2]
        let physical = try #require(((positioned["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "docs/PRODUCTION%20READINESS.md")
        #expect((physical["region"] as? [String: Any])?["startLine"] as? Int == 9)
        #expect((physical["region"] as? [String: Any])?["startColumn"] as? Int == 47)
        let fingerprints = try #require(positioned["partialFingerprints"] as? [String: String])
        #expect(fingerprints[SARIFReporter.fingerprintKey] == Self.report.findings[2].fingerprint)
        #expect(positioned["suppressions"] == nil)
        // Suppressed in source, with its reason; baselined as external.
        let suppression = try #require((results[3]["suppressions"] as? [[String: Any]])?.first)
        #expect(suppression["kind"] as? String == "inSource")
        #expect(suppression["justification"] as? String == "moved to v2")
        let baseline = try #require((results[4]["suppressions"] as? [[String: Any]])?.first)
        #expect(baseline["kind"] as? String == "external")
        #expect(results[5]["level"] as? String == "note")
    }

    @Test func sarifNamesRulesThatOnlyFindingsMention() throws {
        let report = CheckReport(root: "/r", commit: nil, source: .index, now: Date(timeIntervalSince1970: 0),
                                 findings: [Finding(rule: Self.failed, path: "x", line: 1, column: 1, message: "m", matched: "m")])
        let sarif = try SARIFReporter().render(report)
        #expect(sarif.contains("\"id\" : \"evidence.failed\""))
        #expect(sarif.contains("\"ruleIndex\" : 0"))
    }

    // MARK: JUnit

    @Test func junitParsesBackWithSuitesPerFamilyAndCasesPerRuleAndFile() throws {
        let xml = try JUnitReporter().render(Self.report)
        let parsed = try JUnitDocument.parse(xml)
        #expect(parsed.suites.map(\.name) == ["claims", "evidence", "probe"])
        let claims = try #require(parsed.suites.first)
        #expect(claims.cases.map(\.name) == [
            "claims.missing-evidence — docs/PRODUCTION READINESS.md",
            "claims.missing-evidence — docs/TODO.md",
            "claims.no-evidence — docs/TODO.md",
        ])
        #expect(claims.cases.allSatisfy { $0.classname == "claims" })
        #expect(claims.attributes["tests"] == "3")
        #expect(claims.attributes["failures"] == "1")
        #expect(claims.cases[0].failureAttributes["message"] == "done item cites `src/rate,Limit.ts`: 100% missing\nsecond line")
        #expect(claims.cases[0].failureAttributes["type"] == "error")
        let failure = try #require(claims.cases[0].failure)
        #expect(failure == "docs/PRODUCTION READINESS.md:9:47: done item cites `src/rate,Limit.ts`: 100% missing\nsecond line")
        // Suppressed and baselined findings do not fail; they are listed.
        #expect(claims.cases[1].failure == nil)
        #expect(claims.cases[1].systemOut?.contains("(error, suppressed: moved to v2)") == true)
        #expect(claims.cases[1].systemOut?.contains("docs/TODO.md:5:3: done item cites `b.ts` (error, baselined)") == true)
        #expect(claims.cases[2].systemOut == "docs/TODO.md:7:1: done item <cites> nothing & \"more\" (note)")
        let evidence = parsed.suites[1]
        #expect(evidence.cases.map(\.name) == ["evidence.stale — .greenlight/evidence/smoke/2026.json", "evidence.failed"])
        #expect(evidence.cases[0].failure == ".greenlight/evidence/smoke/2026.json: smoke evidence is 9d old (max_age 7d)")
        // A rule that found nothing is a passing case, so the counts mean something.
        #expect(evidence.cases[1].failure == nil && evidence.cases[1].systemOut == nil)
        let probe = parsed.suites[2].cases
        #expect(probe.map(\.name) == ["probe.status — health (https://api.example.com/health)"])
        #expect(probe.first?.systemOut == "health (https://api.example.com/health): health answered 503 (warning)")
        #expect(parsed.attributes["tests"] == "6")
        #expect(parsed.attributes["failures"] == "2")
    }

    @Test func junitEscapesWhatXMLCannotHold() throws {
        let bad = Finding(rule: Self.failed, path: "a]]>b.md", line: 1, column: 1,
                          message: "bell \u{7} and ]]> and 'quote'", matched: "x")
        let report = CheckReport(root: "/r", commit: nil, source: .index, now: Date(timeIntervalSince1970: 0), findings: [bad])
        let parsed = try JUnitDocument.parse(try JUnitReporter().render(report))
        let testCase = try #require(parsed.suites.first?.cases.first)
        #expect(testCase.name == "evidence.failed — a]]>b.md")
        #expect(testCase.failure == "a]]>b.md:1:1: bell \u{FFFD} and ]]> and 'quote'")
    }

    // MARK: GitHub

    @Test func githubEscapesPropertiesAndData() {
        #expect(GitHubReporter.escapeData("100% a\r\nb: c, d") == "100%25 a%0D%0Ab: c, d")
        #expect(GitHubReporter.escapeProperty("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A")
        let lines = (try? GitHubReporter().render(Self.report))?.split(separator: "\n").map(String.init) ?? []
        #expect(lines.contains(
            "::error file=docs/PRODUCTION READINESS.md,line=9,col=47,title=claims.missing-evidence::done item cites `src/rate,Limit.ts`: 100%25 missing%0Asecond line"))
        #expect(lines.contains("::error file=.greenlight/evidence/smoke/2026.json,title=evidence.stale::smoke evidence is 9d old (max_age 7d)"))
        #expect(lines.contains("::notice file=docs/TODO.md,line=7,col=1,title=claims.no-evidence::done item <cites> nothing & \"more\""))
        #expect(!lines.contains { $0.contains("b.ts") || $0.contains("`a.ts`") }, "suppressed and baselined findings are not annotated")
    }

    @Test func sarifPutsAFindingInHistoryAtItsCommitNotTodaysLine() throws {
        var old = Finding(rule: Self.missing, path: "config/.env", line: 3, column: 8, message: "committed in 0123456789ab", matched: "x")
        old.commit = "0123456789abcdef0123456789abcdef01234567"
        let report = CheckReport(root: "/r", commit: "fedcba9876543210fedcba9876543210fedcba98", source: .rev,
                                 now: Date(timeIntervalSince1970: 0), findings: [old])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(try SARIFReporter().render(report).utf8)) as? [String: Any])
        let result = try #require(((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])?.first)
        let location = try #require((result["locations"] as? [[String: Any]])?.first)
        let physical = try #require(location["physicalLocation"] as? [String: Any])
        #expect(physical["region"] == nil, "no line of today's file: \(physical)")
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "config/.env")
        let logical = try #require((location["logicalLocations"] as? [[String: Any]])?.first)
        #expect(logical["fullyQualifiedName"] as? String == "0123456789abcdef0123456789abcdef01234567:config/.env:3")
        #expect(logical["kind"] as? String == "object")
        #expect((result["properties"] as? [String: Any])?["commit"] as? String == old.commit)
    }

    @Test func githubShowsTenOfEachTypeAndCountsTheRest() throws {
        var findings: [Finding] = []
        for index in 1...13 {
            findings.append(Finding(rule: Self.missing, path: "docs/a.md", line: index, column: 1, message: "e\(index)", matched: "e\(index)"))
        }
        for index in 1...11 {
            var warning = Finding(rule: Self.noEvidence, path: "docs/b.md", line: index, column: 1, message: "w\(index)", matched: "w\(index)")
            warning.severity = .warning
            findings.append(warning)
        }
        for index in 1...4 {
            var note = Finding(rule: Self.noEvidence, path: "docs/c.md", line: index, column: 1, message: "n\(index)", matched: "n\(index)")
            note.severity = .note
            findings.append(note)
        }
        let report = CheckReport(root: "/r", commit: nil, source: .worktree, now: Date(timeIntervalSince1970: 0), findings: findings)
        let lines = try GitHubReporter().render(report).split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("::error ") }.count == 10)
        #expect(lines.filter { $0.hasPrefix("::warning ") }.count == 10)
        #expect(lines.filter { $0.hasPrefix("::notice ") }.count == 4)
        #expect(lines.contains { $0.hasSuffix("::e10") } && !lines.contains { $0.hasSuffix("::e11") })
        let rest = lines.filter { !$0.hasPrefix("::") }
        #expect(rest == [
            "greenlight: 4 more findings not annotated (GitHub shows 10 annotations of each type per step): 3 errors, 1 warning; listed here",
            "docs/a.md:11:1: error: e11 [claims.missing-evidence]",
            "docs/a.md:12:1: error: e12 [claims.missing-evidence]",
            "docs/a.md:13:1: error: e13 [claims.missing-evidence]",
            "docs/b.md:11:1: warning: w11 [claims.no-evidence]",
            "RED: 13 errors, 11 warnings, 4 notes; 0 suppressed, 0 baselined (worktree)",
        ])
        let two = try GitHubReporter(annotationLimit: 2).render(report).split(separator: "\n")
        #expect(two.filter { $0.hasPrefix("::") }.count == 6)
        #expect(two.contains { $0.hasPrefix("greenlight: 22 more findings not annotated") })
    }
}
