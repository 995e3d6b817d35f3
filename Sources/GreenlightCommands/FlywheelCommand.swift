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
            let base = LoopArtifact.baseName(loop: "flywheel", mode: report.mode, startedAt: report.startedAt)
            let (json, shown) = try session.writeArtifacts(
                base: base, markdown: FlywheelMarkdown.render(report), json: try StableJSON.text(report))
            var decisions = [LoopDecision(loop: "flywheel", subject: "preflight", decision: preflight.passed ? "passed" : "failed",
                                          detail: preflight.problems.isEmpty ? nil : preflight.problems.joined(separator: "; "))]
            decisions += report.steps.map {
                LoopDecision(loop: "flywheel", subject: $0.name.rawValue, decision: $0.status.rawValue, detail: $0.detail)
            }
            try session.record(command: "loop flywheel", passed: report.passed, decisions: decisions)
            console.out(session.redact(FlywheelMarkdown.summary(report)))
            console.err("greenlight: wrote \(shown.joined(separator: " and "))\n")
            if report.passed && session.mode == .apply {
                let name = session.settings.flywheel.evidence
                let written = try session.recordEvidence(name: name, artifact: json, artifactPath: shown[1])
                console.err("greenlight: recorded evidence '\(name)' (pass) in \(written)\n")
            }
            return report.passed ? ExitStatus.passed : ExitStatus.gateFailed
        }
    }
}
