import Foundation
import GreenlightProbes

/// The weekly flywheel: refresh the few-shot bank, infer preferences for all users (user by
/// user when the API has no bulk call), snapshot moat health. Steps run in order and the first
/// failure stops the run; every step says what it did, so a report never calls done a step
/// that did not happen. Without `apply`, only reads are sent.
public struct FlywheelRun {
    public let settings: LoopsSection
    public let mode: LoopMode
    public let startedAt: String

    public init(settings: LoopsSection, mode: LoopMode, startedAt: String) {
        self.settings = settings
        self.mode = mode
        self.startedAt = startedAt
    }

    typealias StepName = FlywheelReport.StepName
    typealias Step = FlywheelReport.Step

    /// Run after the preflight; `client` is nil when the preflight failed.
    public func run(preflight: PreflightReport, client: LoopsAPIClient?) -> FlywheelReport {
        let api = "${\(settings.api.urlVariable)}"
        let planner = client ?? LoopsAPIClient(settings: settings.api, credentials: .init(baseURL: "", key: "", adminKey: ""))
        guard let client, preflight.passed else {
            let steps = StepName.allCases.map { notRun($0, planner, because: "the preflight failed") }
            return FlywheelReport(mode: mode, startedAt: startedAt, api: api, preflight: preflight, steps: steps, moatHealth: nil)
        }
        var steps: [Step] = []
        var snapshot: [FlywheelReport.Field]?
        for name in StepName.allCases {
            if let failed = steps.first(where: { $0.status == .failed }) {
                steps.append(notRun(name, client, because: "\(failed.name.rawValue) failed"))
                continue
            }
            switch name {
            case .fewShotBuild: steps.append(fewShotBuild(client))
            case .preferenceInference: steps.append(preferenceInference(client))
            case .moatHealth:
                let (step, fields) = moatHealth(client)
                steps.append(step)
                snapshot = fields
            }
        }
        return FlywheelReport(mode: mode, startedAt: startedAt, api: api, preflight: preflight, steps: steps, moatHealth: snapshot)
    }

    private var limits: FlywheelSettings { settings.flywheel }
    private var fields: LoopsAPISettings.Fields { settings.api.fields }

    private func notRun(_ name: StepName, _ client: LoopsAPIClient, because reason: String) -> Step {
        let calls: [CallRecord]
        switch name {
        case .fewShotBuild: calls = [client.planned(.fewShotBuild)]
        case .preferenceInference: calls = [client.planned(.inferAll, body: inferAllBody)]
        case .moatHealth: calls = [client.planned(.moatHealth)]
        }
        return Step(name: name, status: .notRun, calls: calls, detail: "not run: \(reason)")
    }

    private var inferAllBody: RequestBody { RequestBody([fields.usersLimit: .int(limits.maxUsersPerRun)]) }

    // MARK: - Steps

    private func fewShotBuild(_ client: LoopsAPIClient) -> Step {
        guard mode == .apply else {
            let check = limits.minFewShotExamples > 0 ? "; then check at least \(limits.minFewShotExamples) examples" : ""
            return Step(name: .fewShotBuild, status: .planned, calls: [client.planned(.fewShotBuild)],
                        detail: "would refresh the few-shot bank\(check)")
        }
        let result = client.call(.fewShotBuild)
        guard result.succeeded else { return failed(.fewShotBuild, result.record) }
        let examples = result.json?.field(fields.fewShotExamples)?.integer
        guard limits.minFewShotExamples > 0 else {
            return Step(name: .fewShotBuild, status: .done, calls: [result.record],
                        detail: "few-shot bank refreshed" + (examples.map { ": \($0) examples" } ?? ""))
        }
        let check = FlywheelReport.GovernanceCheck(
            limit: "min_few_shot_examples", bound: limits.minFewShotExamples, actual: examples,
            passed: (examples ?? -1) >= limits.minFewShotExamples)
        guard let examples else {
            return Step(name: .fewShotBuild, status: .failed, calls: [result.record], governance: [check],
                        detail: "the answer has no whole number '\(fields.fewShotExamples)', so min_few_shot_examples cannot be checked")
        }
        guard check.passed else {
            return Step(name: .fewShotBuild, status: .failed, calls: [result.record], governance: [check],
                        detail: "the bank holds \(examples) examples, under min_few_shot_examples \(limits.minFewShotExamples)")
        }
        return Step(name: .fewShotBuild, status: .done, calls: [result.record], governance: [check],
                    detail: "few-shot bank refreshed: \(examples) examples (minimum \(limits.minFewShotExamples))")
    }

    private func preferenceInference(_ client: LoopsAPIClient) -> Step {
        guard mode == .apply else {
            let fallback = limits.perUserFallback ? "; on 404/405, user by user (at most \(limits.maxUsersPerRun))" : ""
            return Step(name: .preferenceInference, status: .planned, calls: [client.planned(.inferAll, body: inferAllBody)],
                        detail: "would infer preferences for at most \(limits.maxUsersPerRun) users\(fallback)")
        }
        let result = client.call(.inferAll, body: inferAllBody)
        if result.record.outcome == .clientError, [404, 405].contains(result.record.status ?? 0), limits.perUserFallback {
            return perUserInference(client, after: result.record)
        }
        guard result.succeeded else { return failed(.preferenceInference, result.record) }
        let processed = result.json?.field(fields.usersProcessed)?.integer
        let check = FlywheelReport.GovernanceCheck(
            limit: "max_users_per_run", bound: limits.maxUsersPerRun, actual: processed,
            passed: processed.map { $0 >= 0 && $0 <= limits.maxUsersPerRun } ?? false)
        guard let processed else {
            return Step(name: .preferenceInference, status: .failed, calls: [result.record], governance: [check],
                        detail: "the answer has no whole number '\(fields.usersProcessed)', so max_users_per_run cannot be checked")
        }
        guard check.passed else {
            return Step(name: .preferenceInference, status: .failed, calls: [result.record], governance: [check],
                        detail: "the API inferred \(processed) users, over max_users_per_run \(limits.maxUsersPerRun)")
        }
        return Step(name: .preferenceInference, status: .done, calls: [result.record], governance: [check],
                    detail: "preferences inferred for \(processed) users (at most \(limits.maxUsersPerRun))")
    }

    /// `infer-all` is missing: list the users, then infer them one by one, at most
    /// `max_users_per_run`. User ids stay out of the report (one summary record for the calls).
    private func perUserInference(_ client: LoopsAPIClient, after bulk: CallRecord) -> Step {
        var calls = [bulk]
        let listing = client.call(.users)
        calls.append(listing.record)
        guard listing.succeeded else { return failed(.preferenceInference, listing.record, calls: calls) }
        guard let ids = userIDs(listing.json) else {
            var record = listing.record
            record.outcome = .badAnswer
            record.detail = "the answer has no '\(fields.userIDs)' list of user ids"
            calls[calls.count - 1] = record
            return failed(.preferenceInference, record, calls: calls)
        }
        let chosen = Array(ids.prefix(limits.maxUsersPerRun))
        var summary = client.planned(.inferUser)
        summary.outcome = .ok
        var inferred = 0
        for id in chosen {
            let result = client.call(.inferUser, ["userId": id])
            summary.attempts += result.record.attempts
            summary.status = result.record.status
            guard result.succeeded else {
                summary.outcome = result.record.outcome
                summary.detail = "user \(inferred + 1) of \(chosen.count): \(result.record.answer)"
                    + (result.record.detail.map { ": \($0)" } ?? "")
                calls.append(summary)
                return Step(name: .preferenceInference, status: .failed, calls: calls,
                            detail: "\(bulk.request) answered \(bulk.status ?? 0); inferred \(inferred) of \(chosen.count) users one by one, then \(summary.detail ?? "a call failed")")
            }
            inferred += 1
        }
        summary.detail = "\(inferred) calls"
        calls.append(summary)
        let left = ids.count - chosen.count
        let check = FlywheelReport.GovernanceCheck(limit: "max_users_per_run", bound: limits.maxUsersPerRun, actual: inferred, passed: true)
        return Step(name: .preferenceInference, status: .done, calls: calls, governance: [check],
                    detail: "\(bulk.request) answered \(bulk.status ?? 0); preferences inferred user by user for \(inferred) users"
                        + (left > 0 ? " (\(left) left for later runs by max_users_per_run \(limits.maxUsersPerRun))" : ""))
    }

    private func userIDs(_ json: JSONValue?) -> [String]? {
        guard let items = json?.field(fields.userIDs)?.array else { return nil }
        var ids: [String] = []
        for item in items {
            let value = item.string.map(JSONValue.string) ?? item.field(fields.userID)
            guard let id = value?.string ?? value?.integer.map(String.init), !id.isEmpty else { return nil }
            ids.append(id)
        }
        return ids
    }

    private func moatHealth(_ client: LoopsAPIClient) -> (Step, [FlywheelReport.Field]?) {
        let result = client.call(.moatHealth)
        guard result.succeeded else { return (failed(.moatHealth, result.record), nil) }
        guard let json = result.json, case .object = json else {
            var record = result.record
            record.outcome = .badAnswer
            record.detail = "the answer is not a JSON object"
            return (failed(.moatHealth, record), nil)
        }
        let fields = MoatSnapshot.flatten(json, redact: client.redact)
        return (Step(name: .moatHealth, status: .done, calls: [result.record],
                     detail: "moat health recorded: \(fields.count) field\(fields.count == 1 ? "" : "s")"), fields)
    }

    private func failed(_ name: StepName, _ record: CallRecord, calls: [CallRecord]? = nil) -> Step {
        Step(name: name, status: .failed, calls: calls ?? [record],
             detail: record.outcomeLine)
    }
}

/// The moat-health answer as a flat, sorted list of fields (at most 200), values as shown.
enum MoatSnapshot {
    static let limit = 200

    static func flatten(_ json: JSONValue, redact: (String) -> String) -> [FlywheelReport.Field] {
        var out: [FlywheelReport.Field] = []
        func visit(_ value: JSONValue, _ path: String, depth: Int) {
            guard out.count < limit else { return }
            switch value {
            case .object(let fields) where depth < 4:
                for key in fields.keys.sorted() {
                    visit(fields[key]!, path.isEmpty ? key : "\(path).\(key)", depth: depth + 1)
                }
            case .number(let number): out.append(.init(field: path, value: Figures.number(number)))
            case .string(let text): out.append(.init(field: path, value: redact(JSONValue.string(text).summary)))
            default: out.append(.init(field: path, value: value.summary))
            }
        }
        visit(json, "", depth: 0)
        return out
    }
}
