import Foundation
import GreenlightCore
import GreenlightHistory
import GreenlightLoops
import GreenlightReport

/// `greenlight loop flywheel [--apply]`: preflight, the three steps, a Markdown and a JSON
/// artifact, a history row, and on a passing `--apply` run the `flywheel` evidence record.
/// Exit 1 when the preflight or a step failed.
public struct FlywheelCommand {
    public var options = LoopOptions()

    public init() {}

    public func run(_ console: Console) -> Int32 {
        GuardedRun(console: console).run {
            let session = try LoopSession(console: console, options: options)
            let (preflight, client) = LoopPreflight.run(session.settings.api, environment: console.environment)
            let report = FlywheelRun(settings: session.settings, mode: session.mode, startedAt: session.startedAt)
                .run(preflight: preflight, client: client)
            var decisions = [LoopDecision(loop: "flywheel", subject: "preflight", decision: preflight.passed ? "passed" : "failed",
                                          detail: preflight.problems.isEmpty ? nil : preflight.problems.joined(separator: "; "))]
            decisions += report.steps.map {
                LoopDecision(loop: "flywheel", subject: $0.name.rawValue, decision: $0.status.rawValue, detail: $0.detail)
            }
            return try session.finish(
                loop: "flywheel", startedAt: report.startedAt, markdown: FlywheelMarkdown.render(report),
                summary: FlywheelMarkdown.summary(report), json: try StableJSON.text(report), passed: report.passed,
                decisions: decisions, evidence: session.settings.flywheel.evidence)
        }
    }
}
