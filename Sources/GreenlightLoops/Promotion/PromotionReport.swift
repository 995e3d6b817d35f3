/// A promotion run, as the Markdown and JSON artifacts and the history keep it.
public struct PromotionReport: Codable, Sendable, Equatable {
    /// One prompt: its decision, and whether it was applied.
    public struct Prompt: Codable, Sendable, Equatable {
        public var name: String
        public var status: StepStatus
        /// Nil when the prompt was not read (not run, or its read failed).
        public var decision: PromotionDecision?
        /// The rollout was written (`--apply`, a promote or rollback, answered 2xx).
        public var applied: Bool
        public var calls: [CallRecord]
        public var detail: String

        public init(name: String, status: StepStatus, decision: PromotionDecision?, applied: Bool, calls: [CallRecord], detail: String) {
            self.name = name
            self.status = status
            self.decision = decision
            self.applied = applied
            self.calls = calls
            self.detail = detail
        }
    }

    public var schemaVersion = 1
    public var loop = "promote"
    public var mode: LoopMode
    public var startedAt: String
    public var api: String
    /// Where the prompt names came from: `--prompts`, or the variable's name.
    public var promptsFrom: String
    public var preflight: PreflightReport
    public var prompts: [Prompt]
    public var passed: Bool

    public init(mode: LoopMode, startedAt: String, api: String, promptsFrom: String, preflight: PreflightReport, prompts: [Prompt]) {
        self.mode = mode
        self.startedAt = startedAt
        self.api = api
        self.promptsFrom = promptsFrom
        self.preflight = preflight
        self.prompts = prompts
        self.passed = preflight.passed && !prompts.contains { $0.status == .failed || $0.status == .notRun }
    }

    /// `2 promote, 1 hold; 1 failed`.
    public var tally: String {
        var parts: [String] = []
        for action in [PromotionDecision.Action.promote, .rollback, .hold, .done] {
            let count = prompts.filter { $0.decision?.action == action }.count
            if count > 0 { parts.append("\(count) \(action.rawValue)") }
        }
        let failed = prompts.filter { $0.status == .failed }.count
        let notRun = prompts.filter { $0.status == .notRun }.count
        var text = parts.isEmpty ? "no decisions" : parts.joined(separator: ", ")
        if failed > 0 { text += "; \(failed) failed" }
        if notRun > 0 { text += "; \(notRun) not run" }
        return text
    }
}
