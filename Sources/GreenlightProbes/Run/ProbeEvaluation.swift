import Foundation
import GreenlightHTTP

/// Turns one round's outcomes into a `ProbeResult`.
///
/// Per-response conditions are decided on every response. A request that got no answer leaves
/// them undecided (only `[CONNECTED]` can be decided on it, and is false) and counts as a failed
/// request, unless the probe's only per-response conditions are `[CONNECTED]` ones, which then
/// decide it. A response that fails a condition, a failed request, and a 5xx response of a probe
/// with no `[STATUS]` condition are errors for `[ERROR_RATE]`; when a probe has an
/// `[ERROR_RATE]` condition, that condition alone judges them (a load test may tolerate a few).
/// Aggregates (`[P50]`, `[P95]`, `[P99]`, `[ERROR_RATE]`) are decided once on the batch;
/// latencies count the requests that got a response.
struct Evaluation {
    let spec: ProbeSpec
    let now: Date
    let redact: Redactor
    var domainExpiry: Result<Date, DomainLookupFailure>? = nil

    static func unsent(_ spec: ProbeSpec, problem: ProbeProblem) -> ProbeResult {
        ProbeResult(
            name: spec.name, method: spec.method, url: spec.url.text, position: spec.position, passed: false,
            insecure: spec.insecure, attempts: 0, requests: spec.requests, concurrency: spec.concurrency, stats: nil,
            response: nil,
            conditions: spec.expect.map {
                ConditionResult(condition: $0.condition.text, passed: false, actual: "not run", failures: 0, evaluated: 0, position: $0.position)
            },
            problems: [problem], auth: nil)
    }

    func result(_ outcomes: [HTTPOutcome], auth: HTTPOutcome?, withheld: [String], attempts: Int) -> ProbeResult {
        let cache = JSONCache()
        let views = outcomes.map { ResponseView($0, now: now, bodyCap: spec.maxBody, cache: cache, domainExpiry: domainExpiry) }
        let perResponse = spec.perResponse
        let aggregates = spec.aggregates
        let judgedByErrorRate = aggregates.contains { $0.condition.subject.placeholder == .errorRate }
        let onlyConnected = { (condition: Condition) in condition.placeholders.allSatisfy { $0 == .connected } }
        let decidedByConnected = !perResponse.isEmpty && perResponse.allSatisfy { onlyConnected($0.condition) }
        let statusDecides = perResponse.contains { $0.condition.placeholders.contains(.status) }

        var failures = Array(repeating: 0, count: perResponse.count)
        var firstFailure: [String?] = Array(repeating: nil, count: perResponse.count)
        var lastPass: [String?] = Array(repeating: nil, count: perResponse.count)
        var evaluated = Array(repeating: 0, count: perResponse.count)
        var unanswered: [HTTPFailure] = []
        var errors = 0
        for view in views {
            var bad = false
            var failure: HTTPFailure?
            if case .failure(let error) = view.outcome { failure = error }
            if let failure, !decidedByConnected {
                unanswered.append(failure)
                bad = true
            }
            if let status = view.response?.status, status >= 500, !statusDecides { bad = true }
            for (number, expectation) in perResponse.enumerated() {
                if failure != nil && !onlyConnected(expectation.condition) { continue }
                evaluated[number] += 1
                let verdict = ConditionEvaluator.evaluate(expectation.condition, on: view)
                if verdict.passed {
                    lastPass[number] = verdict.actual
                } else {
                    bad = true
                    failures[number] += 1
                    if firstFailure[number] == nil { firstFailure[number] = note(verdict.actual, view, expectation.condition) }
                }
            }
            if bad { errors += 1 }
        }
        let latencies = views.compactMap { $0.response?.elapsed }
        let stats = BatchStats(requests: views.count, errors: errors, latencies: latencies)

        var conditions: [ConditionResult] = []
        var problems: [ProbeProblem] = []
        if !judgedByErrorRate && !unanswered.isEmpty {
            problems.append(requestFailed(unanswered, total: views.count, attempts: attempts))
        }
        for (number, expectation) in perResponse.enumerated() {
            let failed = failures[number] > 0
            let actual = redact(firstFailure[number] ?? lastPass[number] ?? "no response")
            conditions.append(ConditionResult(condition: expectation.condition.text, passed: !failed && evaluated[number] > 0,
                                              actual: actual, failures: failures[number], evaluated: evaluated[number],
                                              position: expectation.position))
            if failed && !judgedByErrorRate {
                let share = views.count > 1 ? " on \(failures[number]) of \(views.count) responses (first: \(actual))" : ": got \(actual)"
                problems.append(conditionProblem(expectation, "\(expectation.condition.text) failed\(share)"))
            }
        }
        for expectation in aggregates {
            let verdict = ConditionEvaluator.evaluate(expectation.condition, on: stats)
            conditions.append(ConditionResult(condition: expectation.condition.text, passed: verdict.passed, actual: verdict.actual,
                                              failures: verdict.passed ? 0 : 1, evaluated: views.count, position: expectation.position))
            if !verdict.passed {
                var context = "\(views.count) request\(views.count == 1 ? "" : "s") at concurrency \(spec.concurrency), \(errors) error\(errors == 1 ? "" : "s")"
                if let p50 = stats.p50 { context = "p50 \(DurationText.format(p50)), " + context }
                if let reason = commonest(unanswered) { context += "; first failure: \(reason)" }
                problems.append(conditionProblem(expectation, "\(expectation.condition.text) failed: got \(verdict.actual) (\(redact(context)))"))
            }
        }
        let authCheck = auth.map { authResult($0, withheld: withheld) }
        if let authCheck, !authCheck.passed {
            problems.append(ProbeProblem(
                kind: .authNotEnforced,
                message: "probe '\(spec.name)': the request without \(withheld.joined(separator: ", ")) got \(authCheck.actual), expected 401 or 403",
                position: spec.position, matched: "\(spec.name) auth_required"))
        }
        let sample = views.first { $0.response != nil }?.response.map { ResponseSummary($0, redact: redact) }
        return ProbeResult(
            name: spec.name, method: spec.method, url: spec.url.text, position: spec.position, passed: problems.isEmpty,
            insecure: spec.insecure, attempts: attempts, requests: views.count, concurrency: spec.concurrency, stats: stats,
            response: sample, conditions: conditions, problems: problems, auth: authCheck)
    }

    /// A failed `[STATUS]` on a redirect that was not followed says so.
    private func note(_ actual: String, _ view: ResponseView, _ condition: Condition) -> String {
        guard condition.subject.placeholder == .status, let stopped = view.response?.stoppedRedirect else { return actual }
        return "\(actual) (\(stopped.reason.rawValue): \(stopped.location))"
    }

    private func conditionProblem(_ expectation: ProbeSpec.Expectation, _ text: String) -> ProbeProblem {
        ProbeProblem(kind: .condition, message: redact("probe '\(spec.name)': \(text)"),
                     position: expectation.position ?? spec.position, matched: "\(spec.name) \(expectation.condition.text)")
    }

    private func requestFailed(_ failures: [HTTPFailure], total: Int, attempts: Int) -> ProbeProblem {
        let reason = commonest(failures) ?? "no answer"
        let count = total > 1 ? "\(failures.count) of \(total) requests failed" : "request failed"
        let rounds = attempts > 1 ? " (after \(attempts) rounds)" : ""
        return ProbeProblem(kind: .requestFailed,
                            message: redact("probe '\(spec.name)': \(spec.method) \(spec.url.text) \(count)\(rounds): \(reason)"),
                            position: spec.url.source.position ?? spec.position, matched: "\(spec.name) request")
    }

    /// The most frequent failure message (the first one on ties).
    private func commonest(_ failures: [HTTPFailure]) -> String? {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for failure in failures {
            let text = "\(failure.kind.rawValue): \(failure.message)"
            if counts[text] == nil { order.append(text) }
            counts[text, default: 0] += 1
        }
        return order.max { counts[$0]! < counts[$1]! || (counts[$0]! == counts[$1]! && order.firstIndex(of: $0)! > order.firstIndex(of: $1)!) }
            .map { redact($0) }
    }

    private func authResult(_ outcome: HTTPOutcome, withheld: [String]) -> AuthCheck {
        switch outcome {
        case .success(let response):
            return AuthCheck(passed: [401, 403].contains(response.status), actual: String(response.status), withheld: withheld)
        case .failure(let failure):
            return AuthCheck(passed: false, actual: redact("no answer (\(failure.kind.rawValue): \(failure.message))"), withheld: withheld)
        }
    }
}
