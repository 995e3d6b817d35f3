import Foundation
import GreenlightCore
import GreenlightHistory
import GreenlightLoops
import GreenlightReport

/// `greenlight loop promote [--apply] [--prompts a,b]`: for each prompt, read, decide with the
/// promotion policy, write the rollout with `--apply` only; artifacts, history rows, and on a
/// passing `--apply` run the `prompt-promotion` evidence record.
public struct PromoteCommand {
    public var options = LoopOptions()
    /// `--prompts a,b`; otherwise the variable `loops.promotion.prompts_variable` names.
    public var prompts: String?

    public init() {}

    public func run(_ console: Console) -> Int32 {
        GuardedRun(console: console).run {
            var flagged: [String]?
            if let prompts {
                let names = PromotionRun.names(from: prompts)
                guard !names.isEmpty else { throw ToolError.usage("--prompts names no prompt (give a,b,…)") }
                if let bad = names.first(where: { !PromotionRun.isValidPromptName($0) }) {
                    throw ToolError.usage("--prompts: '\(bad)' is not a prompt name (letters, digits, '.', '_', '-')")
                }
                flagged = names
            }
            let session = try LoopSession(console: console, options: options)
            let variable = session.settings.promotion.promptsVariable
            var names = flagged ?? []
            var problems: [String] = []
            if flagged == nil {
                names = PromotionRun.names(from: console.environment[variable] ?? "")
                let invalid = names.filter { !PromotionRun.isValidPromptName($0) }
                if !invalid.isEmpty {
                    problems.append("\(variable) holds \(invalid.count) invalid prompt name(s) (letters, digits, '.', '_', '-')")
                    names.removeAll { !PromotionRun.isValidPromptName($0) }
                } else if names.isEmpty, let value = console.environment[variable], !value.trimmingWhitespace.isEmpty {
                    problems.append("\(variable) names no prompt (give a,b,…)")
                }
            }
            let (preflight, client) = LoopPreflight.run(
                session.settings.api, environment: console.environment, alsoRequired: flagged == nil ? [variable] : [],
                problems: problems)
            let report = PromotionRun(settings: session.settings, mode: session.mode, startedAt: session.startedAt, now: session.now)
                .run(prompts: names, promptsFrom: flagged == nil ? variable : "--prompts", preflight: preflight, client: client)
            return try session.finish(
                loop: "promote", startedAt: report.startedAt, markdown: PromotionMarkdown.render(report),
                summary: PromotionMarkdown.summary(report), json: try StableJSON.text(report), passed: report.passed,
                decisions: decisions(report), evidence: session.settings.promotion.evidence)
        }
    }

    private func decisions(_ report: PromotionReport) -> [LoopDecision] {
        var rows = [LoopDecision(loop: "promote", subject: "preflight", decision: report.preflight.passed ? "passed" : "failed",
                                 detail: report.preflight.problems.isEmpty ? nil : report.preflight.problems.joined(separator: "; "))]
        for prompt in report.prompts {
            let decision: String
            switch prompt.status {
            case .failed, .notRun: decision = prompt.status.rawValue
            case .done, .planned: decision = prompt.decision?.action.rawValue ?? prompt.status.rawValue
            }
            var detail = prompt.detail
            if let made = prompt.decision, made.changesRollout, prompt.status != .failed {
                detail = "\(made.version ?? "?") \(made.movement), \(prompt.applied ? "applied" : "not applied") — \(made.reason)"
            }
            rows.append(LoopDecision(loop: "promote", subject: prompt.name, decision: decision, detail: detail))
        }
        return rows
    }
}
