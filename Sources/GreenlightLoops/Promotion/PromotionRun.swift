import Foundation

/// The promotion loop: for each prompt, read its state, decide with `PromotionPolicy`, and
/// with `apply` write the new rollout. Prompts run in order; the first failure stops the run
/// and the rest are reported as not run.
public struct PromotionRun {
    public let settings: LoopsSection
    public let mode: LoopMode
    public let startedAt: String
    /// For time at the current step from a start time in the answer.
    public let now: Date

    public init(settings: LoopsSection, mode: LoopMode, startedAt: String, now: Date) {
        self.settings = settings
        self.mode = mode
        self.startedAt = startedAt
        self.now = now
    }

    public func run(prompts: [String], promptsFrom: String, preflight: PreflightReport, client: LoopsAPIClient?) -> PromotionReport {
        let api = "${\(settings.api.urlVariable)}"
        let planner = client ?? LoopsAPIClient(settings: settings.api, credentials: .init(baseURL: "", key: "", adminKey: ""))
        var outcomes: [PromotionReport.Prompt] = []
        for name in prompts {
            guard let client, preflight.passed else {
                outcomes.append(notRun(name, planner, because: "the preflight failed"))
                continue
            }
            if let failed = outcomes.first(where: { $0.status == .failed }) {
                outcomes.append(notRun(name, client, because: "prompt \(failed.name) failed"))
                continue
            }
            outcomes.append(promote(name, client))
        }
        return PromotionReport(mode: mode, startedAt: startedAt, api: api, promptsFrom: promptsFrom, preflight: preflight,
                               prompts: outcomes)
    }

    private func notRun(_ name: String, _ client: LoopsAPIClient, because reason: String) -> PromotionReport.Prompt {
        PromotionReport.Prompt(name: name, status: .notRun, decision: nil, applied: false,
                               calls: [client.planned(.prompt, ["name": name])], detail: "not run: \(reason)")
    }

    private func promote(_ name: String, _ client: LoopsAPIClient) -> PromotionReport.Prompt {
        let read = client.call(.prompt, ["name": name])
        func failed(_ calls: [CallRecord], _ decision: PromotionDecision?, _ detail: String) -> PromotionReport.Prompt {
            PromotionReport.Prompt(name: name, status: .failed, decision: decision, applied: false, calls: calls, detail: detail)
        }
        guard read.succeeded else {
            return failed([read.record], nil, read.record.outcomeLine)
        }
        let state: PromptState
        switch read.json.map({ PromptState.parse($0, name: name, fields: settings.api.fields, now: now) }) {
        case .success(let parsed): state = parsed
        case .failure(let error):
            var record = read.record
            record.outcome = .badAnswer
            record.detail = error.message
            return failed([record], nil, "\(record.request): \(error.message)")
        case nil:
            var record = read.record
            record.outcome = .badAnswer
            record.detail = "the answer is empty"
            return failed([record], nil, "\(record.request): the answer is empty")
        }
        let decision = PromotionPolicy.decide(state, settings.promotion)
        guard decision.changesRollout, let version = decision.version, let percent = decision.to else {
            return PromotionReport.Prompt(name: name, status: .done, decision: decision, applied: false, calls: [read.record],
                                          detail: "\(decision.action.rawValue): \(decision.reason)")
        }
        let fields = settings.api.fields
        let body = RequestBody([fields.rolloutVersion: .string(version), fields.rolloutPercentBody: .int(percent)])
        guard mode == .apply else {
            return PromotionReport.Prompt(
                name: name, status: .planned, decision: decision, applied: false,
                calls: [read.record, client.planned(.rollout, ["name": name], body: body)],
                detail: "would \(decision.action.rawValue) \(version) \(decision.movement): \(decision.reason)")
        }
        let write = client.call(.rollout, ["name": name], body: body)
        guard write.succeeded else {
            return failed([read.record, write.record], decision,
                          "\(decision.action.rawValue) \(version) \(decision.movement) not applied: \(write.record.outcomeLine)")
        }
        return PromotionReport.Prompt(name: name, status: .done, decision: decision, applied: true,
                                      calls: [read.record, write.record],
                                      detail: "\(decision.action.rawValue == "promote" ? "promoted" : "rolled back") \(version) \(decision.movement): \(decision.reason)")
    }

    /// Prompt names: letters, digits, `.`, `_`, `-`, up to 100 characters.
    public static func isValidPromptName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 100 && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }

    /// `a, b ,c` → `[a, b, c]`, without empties and duplicates.
    public static func names(from list: String) -> [String] {
        var seen: Set<String> = []
        return list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
