/// The promotion policy, as a pure function of a prompt's state and the settings: no clock, no
/// I/O, same input same output. Property tests over generated states hold it to its
/// invariants: at most one step per decision, only the candidate moves, rollback goes to 0, a
/// prompt at 100 % is done, a promotion passed every gate, a hold names what held it.
public enum PromotionPolicy {
    /// Slack for comparisons of decimal figures (0.8 − 0.02 is not exactly 0.78 in binary).
    public static let epsilon = 1e-9

    public static func decide(_ state: PromptState, _ settings: PromotionSettings) -> PromotionDecision {
        func hold(_ reason: String, version: String? = nil, at step: Int? = nil, gates: [Gate] = []) -> PromotionDecision {
            PromotionDecision(prompt: state.name, version: version, from: step, to: step, action: .hold, reason: reason, gates: gates)
        }
        guard let candidate = state.candidate, !candidate.isEmpty else {
            return hold("the API names no candidate version")
        }
        let matches = state.versions.filter { $0.version == candidate }
        guard matches.count == 1 else {
            return hold(matches.isEmpty ? "candidate \(candidate) is not among the prompt's versions"
                                        : "candidate \(candidate) is listed \(matches.count) times")
        }
        let version = matches[0]
        guard let percent = version.rolloutPercent else {
            return hold("the answer gives no rollout percent for \(candidate)", version: candidate)
        }
        let ladder = settings.ladder
        guard let index = ladder.firstIndex(where: { Double($0) == percent }) else {
            return hold("\(candidate) is at \(Figures.exact(percent)) %, not a step of the ladder \(ladder)", version: candidate)
        }
        let step = ladder[index]
        let gates = evaluate(version, settings)
        if index == ladder.count - 1 {
            return PromotionDecision(prompt: state.name, version: candidate, from: step, to: step, action: .done,
                                     reason: "\(candidate) is fully rolled out", gates: gates)
        }
        let regressions = regressions(of: version, settings)
        if !regressions.isEmpty {
            let why = regressions.joined(separator: "; ")
            guard step > 0 else {
                return hold("regressed (\(why)), and already at 0 %", version: candidate, at: step, gates: gates)
            }
            return PromotionDecision(prompt: state.name, version: candidate, from: step, to: 0, action: .rollback,
                                     reason: "regressed: \(why)", gates: gates)
        }
        let failed = gates.filter { !$0.passed }
        guard failed.isEmpty else {
            return hold("held by " + failed.map(\.summary).joined(separator: "; "), version: candidate, at: step, gates: gates)
        }
        return PromotionDecision(prompt: state.name, version: candidate, from: step, to: ladder[index + 1], action: .promote,
                                 reason: "every gate passed: " + gates.map { "\($0.name.rawValue) \($0.actual ?? "?")" }.joined(separator: ", "),
                                 gates: gates)
    }

    /// The evaluation gate: samples, score against the baseline, error rate, dwell.
    public static func evaluate(_ version: PromptVersion, _ settings: PromotionSettings) -> [Gate] {
        var gates: [Gate] = []
        gates.append(Gate(name: .samples, required: "≥ \(settings.minSamples)", actual: version.samples.map(String.init),
                          passed: version.samples.map { $0 >= settings.minSamples } ?? false))
        if let baseline = version.baselineScore {
            let floor = baseline - settings.tolerance
            gates.append(Gate(
                name: .score,
                required: "≥ \(Figures.number(floor)) (baseline \(Figures.number(baseline)) − \(Figures.number(settings.tolerance)))",
                actual: version.score.map(Figures.number),
                passed: version.score.map { $0 >= floor - epsilon } ?? false))
        } else {
            gates.append(Gate(name: .score, required: "≥ baseline − \(Figures.number(settings.tolerance)) (no baseline given)",
                              actual: version.score.map(Figures.number), passed: false))
        }
        // A rate outside 0…1 is not a rate (the contract's range): it holds, whatever its sign.
        let rate = version.errorRate
        let inRange = rate.map { (0...1).contains($0) } ?? false
        gates.append(Gate(name: .errorRate, required: "≤ \(Figures.percent(settings.maxErrorRate))",
                          actual: rate.map { inRange ? Figures.percent($0) : "\(Figures.exact($0)) (outside 0…1, the contract's range for error_rate)" },
                          passed: inRange && rate.map { $0 <= settings.maxErrorRate + epsilon } ?? false))
        gates.append(Gate(name: .dwell, required: "≥ \(Figures.duration(settings.minDwell))",
                          actual: version.secondsAtStep.map(Figures.duration),
                          passed: version.secondsAtStep.map { $0 >= settings.minDwell } ?? false))
        return gates
    }

    /// What makes a rollback: the score below the baseline by more than the margin, or the
    /// error rate over its limit. Unknown figures, and an error rate outside 0…1, are not
    /// regressions (they hold instead).
    public static func regressions(of version: PromptVersion, _ settings: PromotionSettings) -> [String] {
        var found: [String] = []
        if let score = version.score, let baseline = version.baselineScore,
           score < baseline - settings.rollbackMargin - epsilon {
            found.append("score \(Figures.number(score)) is below baseline \(Figures.number(baseline)) by more than \(Figures.number(settings.rollbackMargin))")
        }
        if let rate = version.errorRate, (0...1).contains(rate), rate > settings.rollbackErrorRate + epsilon {
            found.append("error rate \(Figures.percent(rate)) is over \(Figures.percent(settings.rollbackErrorRate))")
        }
        return found
    }
}
