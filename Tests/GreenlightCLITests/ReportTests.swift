import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GreenlightTestSupport
import Testing

@Suite("CLI: history and weekly readiness reports")
struct ReportTests {
    static let firstDoc = """
        # Launch readiness
        - [x] Health route — `src/health.ts`
        - [x] Rate limiter — `src/rateLimit.ts`
        - [ ] Load test

        """
    static let secondDoc = """
        # Launch readiness
        - [x] Health route — `src/health.ts`
        - [x] Rate limiter — `src/health.ts`
        - [x] Budget guard — `src/budget.ts`
        - [ ] Load test

        """

    /// Three weeks of checks: the rate-limiter claim is false in week 1; in week 2 it is fixed
    /// and a budget-guard claim that is also false arrives.
    func history() throws -> GitFixture {
        let fixture = try GitFixture()
        try fixture.write("docs/readiness.md", Self.firstDoc)
        try fixture.write("src/health.ts", "export const ok = true\n")
        try fixture.write(".greenlight.yml", Docs.blocking)
        try fixture.commitAll("first", date: "2026-11-01T10:00:00Z")
        try fixture.git("remote", "add", "origin", "https://github.com/acme/assistant.git")
        for day in ["2026-11-02T09:00:00Z", "2026-11-04T09:00:00Z", "2026-11-06T09:00:00Z"] {
            let run = try CLI.greenlight("check", "--repo", fixture.root, "--now", day, "--output", "/dev/null")
            #expect(run.status == 1, "\(run)")
            let null = try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType
            #expect(null == .typeCharacterSpecial, "--output /dev/null must write into the device, not replace it")
        }
        try fixture.write("docs/readiness.md", Self.secondDoc)
        try fixture.commitAll("second", date: "2026-11-09T10:00:00Z")
        for day in ["2026-11-09T12:00:00Z", "2026-11-10T09:00:00Z", "2026-11-12T09:00:00Z"] {
            _ = try CLI.greenlight("check", "--repo", fixture.root, "--now", day, "--output", "/dev/null")
        }
        return fixture
    }

    @Test("weekly report: trends against the previous week, chart beside it, forge links, byte-identical with --now")
    func weekly() throws {
        let fixture = try history()
        let report = try CLI.greenlight("report", "--weekly", "--repo", fixture.root, "--now", "2026-11-13T09:00:00Z",
                                        "--output", "reports/2026-W46.md", in: fixture.root)
        #expect(report.status == 0, "\(report)")
        let markdown = try String(contentsOfFile: fixture.root + "/reports/2026-W46.md", encoding: .utf8)
        try GoldenFile.expect(markdown, equals: GoldenFile.folder().appendingPathComponent("weekly-report.md"))
        #expect(markdown.contains("1 new, 1 fixed"))
        #expect(markdown.contains("https://github.com/acme/assistant/blob/"))
        #expect(markdown.contains("![Errors and warnings per day](2026-W46.svg)"))

        let svg = try Data(contentsOf: URL(fileURLWithPath: fixture.root + "/reports/2026-W46.svg"))
        let parser = XMLParser(data: svg)
        #expect(parser.parse(), "the chart is well-formed XML")
        // A time axis: a point per day of the period; the days without a run (11-07, 11-08, 11-11)
        // break the lines, so each series is two lines (11-09..10, 11-12..13) and a lone point.
        let chart = String(decoding: svg, as: UTF8.self)
        #expect(chart.components(separatedBy: "<polyline").count - 1 == 4, "\(chart)")
        #expect(chart.components(separatedBy: "<circle").count - 1 == 10, "\(chart)")
        #expect(chart.contains(">11-07</text>"), "a day without a run keeps its place on the axis")

        let again = try CLI.greenlight("report", "--weekly", "--repo", fixture.root, "--now", "2026-11-13T09:00:00Z",
                                       "--output", "reports/again.md", in: fixture.root)
        #expect(again.status == 0)
        let second = try String(contentsOfFile: fixture.root + "/reports/again.md", encoding: .utf8)
        #expect(second == markdown.replacingOccurrences(of: "2026-W46.svg", with: "again.svg"))
        let chartAgain = try Data(contentsOf: URL(fileURLWithPath: fixture.root + "/reports/again.svg"))
        #expect(chartAgain == svg)
    }

    @Test("report --format json and --since; history lists the runs")
    func jsonAndHistory() throws {
        let fixture = try history()
        let json = try CLI.greenlight("report", "--since", "3d", "--repo", fixture.root, "--now", "2026-11-13T09:00:00Z",
                                      "--format", "json")
        #expect(json.status == 0, "\(json)")
        let object = try json.json()
        #expect(object["periodStart"] as? String == "2026-11-10T09:00:00Z")
        #expect(object["posture"] as? String == "red")
        let trends = try #require(object["trends"] as? [String: Any])
        let days = try #require(trends["days"] as? [[String: Any]])
        #expect(days.count == 4)
        // 11-11 had no run: a gap, not zero findings.
        let gap = try #require(days.first { $0["date"] as? String == "2026-11-11" })
        #expect(gap["errors"] is NSNull && gap["warnings"] is NSNull && gap["posture"] as? String == "–", "\(gap)")
        #expect(days.first { $0["date"] as? String == "2026-11-12" }?["errors"] as? Int == 1)
        #expect(trends["baseline"] as? String == "2026-11-09T12:00:00Z")

        let listed = try CLI.greenlight("history", "--repo", fixture.root, "--limit", "2")
        #expect(listed.status == 0)
        #expect(listed.stdoutLines.filter { !$0.isEmpty }.map { String($0.prefix(42)) } == [
            "2026-11-13T09:00:00Z  check     RED     ex",
            "2026-11-12T09:00:00Z  check     RED     ex",
        ], "\(listed)")
        let asJSON = try CLI.greenlight("history", "--repo", fixture.root, "--format", "json")
        let runs = try #require(try JSONSerialization.jsonObject(with: Data(asJSON.stdoutBytes)) as? [[String: Any]])
        #expect(runs.count == 7, "six checks and the report's own")
        expectToolError(try CLI.greenlight("report", "--since", "soon", "--repo", fixture.root), exit: 2, ["--since 'soon'"])

        // --no-history: this run is not recorded, and the trends are still read from the history.
        let unrecorded = try CLI.greenlight("report", "--since", "3d", "--repo", fixture.root, "--now", "2026-11-13T09:00:00Z",
                                            "--format", "json", "--no-history")
        #expect(unrecorded.status == 0, "\(unrecorded)")
        let readTrends = try #require(try unrecorded.json()["trends"] as? [String: Any])
        #expect(readTrends["baseline"] as? String == "2026-11-09T12:00:00Z", "\(readTrends)")
        let after = try CLI.greenlight("history", "--repo", fixture.root, "--format", "json")
        #expect((try JSONSerialization.jsonObject(with: Data(after.stdoutBytes)) as? [[String: Any]])?.count == 7)
    }

    @Test("a team's own template from report.template; a broken one is a usage error")
    func customTemplate() throws {
        let fixture = try GitFixture(files: Docs.files(extra: [
            ".greenlight.yml": "report:\n  template: ops/report.mustache\n" + Docs.blocking,
            "ops/report.mustache": "{{% CONTENT_TYPE: TEXT}}\nPosture {{posture}} at {{commit}}; {{summary.errors}} error(s).\n",
        ]))
        let result = try CLI.greenlight("report", "--repo", fixture.root, "--now", "2026-11-13T09:00:00Z", "--no-history")
        #expect(result.status == 0, "\(result)")
        let head = try fixture.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(result.stdout == "Posture red at \(head); 1 error(s).\n")
        try fixture.write("ops/report.mustache", "{{#unclosed}}\n")
        expectToolError(try CLI.greenlight("report", "--repo", fixture.root, "--no-history"), exit: 2, ["ops/report.mustache"])
    }
}
