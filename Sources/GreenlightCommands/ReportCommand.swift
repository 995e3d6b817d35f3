import Foundation
import GreenlightCore
import GreenlightGit
import GreenlightHistory
import GreenlightReport
import GreenlightRules

/// `greenlight report`: run a check, record it, and render the readiness report for the period
/// — posture, families, blocking findings with links, claims, evidence, and trends against the
/// last run before the period, with an SVG chart beside the report.
public struct ReportCommand {
    public enum Format: String, CaseIterable, Sendable {
        case markdown
        case json
    }

    public var request = SnapshotRequest()
    public var history = HistoryOptions()
    /// The period's length; weekly by default.
    public var since = TimeSpan(seconds: 7 * 86400)
    public var weekly = true
    public var output: String?
    public var format: Format = .markdown

    public init() {}

    public func run(_ console: Console) -> Int32 {
        GuardedRun(console: console).run {
            let started = Date()
            let evaluator = Evaluator(console: console)
            let evaluation = try evaluator.evaluate(request, baseline: .none)
            let checkReport = evaluation.report()
            // --no-history stops recording this run; the history there is still read for the trends.
            var reading = history
            reading.disabled = false
            let existing = reading.path(for: evaluation.repository, console: console).map(FileManager.default.fileExists) ?? false
            let store = !history.disabled || existing ? try reading.open(for: evaluation.repository, console: console) : nil
            if !history.disabled {
                try store.map { try evaluation.record(in: $0, command: "check", started: started, exitCode: checkReport.exitCode) }
            }

            let end = evaluation.now
            let start = end.addingTimeInterval(-since.seconds)
            let chartName = output.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension + ".svg" }
            var report = try ReportBuilder(
                check: checkReport, findings: evaluation.findings, facts: evaluation.facts,
                remote: evaluation.repository.remoteURL(), rules: evaluator.engine.rules.map { $0.description },
                families: try evaluator.engine.selectFamilies(only: request.only, skip: request.skip), store: store)
                .build(title: weekly ? "Weekly readiness report" : "Readiness report", start: start, end: end)
            if let output, let chartName, format == .markdown {
                // Every day of the period, on a time axis: a day without a run is a gap.
                let points = report.trends.days
                    .map { TrendChart.Point(label: String($0.date.dropFirst(5)), errors: $0.errors, warnings: $0.warnings) }
                let svg = TrendChart(points: points).svg(title: "Errors and warnings per day, \(report.periodStart.prefix(10)) to \(report.periodEnd.prefix(10))")
                let folder = (console.resolve(output) as NSString).deletingLastPathComponent
                try Output(console: console, file: folder + "/" + chartName).write(svg)
                report.trends.chart = chartName
            }
            let custom = (evaluation.sections[ReportSettings.key] as? ReportSettings)?.template
            let templateText = try custom.map { path -> String in
                let full = (evaluation.repository.workdir ?? evaluation.snapshot.root) + "/" + path
                guard let data = FileManager.default.contents(atPath: full) else {
                    throw ToolError.usage("report.template \(path): cannot read it from the work tree")
                }
                return String(decoding: data, as: UTF8.self)
            }
            let renderer = try ReadinessReportRenderer(templateText: templateText, source: custom ?? "templates/readiness-report.md.mustache")
            let text = format == .json ? try renderer.json(report) : renderer.markdown(report)
            try Output(console: console, file: output).write(text)
            if let output { console.err("greenlight: wrote \(output)\(report.trends.chart.map { " and \($0)" } ?? "")\n") }
            return ExitStatus.passed
        }
    }
}

/// The `report:` section of `.greenlight.yml`.
public struct ReportSettings: ConfigSection {
    public static let key = "report"

    /// A Mustache template (path in the work tree) to use instead of the shipped one.
    public var template: String?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case template
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        template = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .template)
    }
}
