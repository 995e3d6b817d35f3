import Foundation
import GreenlightCore
import GreenlightReport

/// `greenlight check`.
public struct CheckCommand {
    public var request = SnapshotRequest()
    public var format: ReportFormat = .text
    public var output: String?
    /// `--sarif-output`: the same findings as SARIF, beside the main format.
    public var sarifOutput: String?
    public var baseline = BaselineChoice.repositoryDefault
    /// `--fail-on`: the least severe finding that fails the gate.
    public var failOn = FailThreshold.error
    /// `--color`: for the text format on standard output.
    public var colour = ColourChoice.auto
    public var history = HistoryOptions()
    /// `--format github`: annotations of each severity at most.
    public var annotationLimit = GitHubReporter.defaultAnnotationLimit

    public init() {}

    public func run(_ console: Console) -> Int32 {
        GuardedRun(console: console).run {
            let started = Date()
            let progress = RunProgress()
            let ticker = ProgressTicker.start(console: console, progress: progress)
            let evaluation: Evaluation
            do {
                defer { ticker?.stop() }
                evaluation = try Evaluator(console: console).evaluate(request, baseline: baseline, progress: progress)
            }
            let report = evaluation.report(failOn: failOn)
            let colour = output == nil && console.wantsColour(self.colour)
            let rendered = try format.reporter(colour: colour, annotationLimit: annotationLimit).render(report)
            try Output(console: console, file: output).write(rendered)
            if let sarifOutput {
                try Output(console: console, file: sarifOutput).write(try SARIFReporter().render(report))
            }
            // A --diff-base run sees only the change: its counts are no posture of the repository.
            if evaluation.change != nil, history.file != nil {
                console.err("greenlight: not recorded in the history: a --diff-base run sees only the change\n")
            }
            if evaluation.change == nil, let store = try history.open(for: evaluation.repository, console: console) {
                try evaluation.record(in: store, command: "check", started: started, exitCode: report.exitCode)
            }
            if format == .github { try StepSummary(console: console).append(report) }
            return report.exitCode
        }
    }
}
