import GreenlightLoops
import Testing

/// The policy's invariants over generated states: each seed runs 10,000 cases.
@Suite("Promotion policy: properties over generated states")
struct PromotionPolicyPropertyTests {
    static let seeds: [UInt64] = [1, 42, 20_261_121, 0xDEAD_BEEF]
    static let casesPerSeed = 10_000
    let epsilon = PromotionPolicy.epsilon

    struct Case {
        let seed: UInt64
        let number: Int
        let settings: PromotionSettings
        let state: PromptState
        let decision: PromotionDecision

        var label: Comment { "seed \(seed) case \(number): \(state) with \(settings) → \(decision)" }

        var candidate: PromptVersion? {
            let matches = state.versions.filter { $0.version == state.candidate }
            return matches.count == 1 ? matches[0] : nil
        }
    }

    func cases(_ seed: UInt64) -> [Case] {
        var random = SeededGenerator(seed: seed)
        return (0..<Self.casesPerSeed).map { number in
            let settings = PromotionCases.settings(&random)
            let state = PromotionCases.state(&random, settings)
            return Case(seed: seed, number: number, settings: settings, state: state,
                        decision: PromotionPolicy.decide(state, settings))
        }
    }

    @Test(arguments: seeds)
    func everyActionIsExercised(seed: UInt64) {
        let all = cases(seed)
        for action in [PromotionDecision.Action.promote, .rollback, .hold, .done] {
            let count = all.filter { $0.decision.action == action }.count
            #expect(count >= 200, "seed \(seed): only \(count) \(action) decisions; the generator misses a branch")
        }
    }

    @Test(arguments: seeds)
    func pureAndAboutThisPrompt(seed: UInt64) {
        for item in cases(seed) {
            #expect(PromotionPolicy.decide(item.state, item.settings) == item.decision, item.label)
            #expect(item.decision.prompt == item.state.name, item.label)
            #expect(!item.decision.reason.isEmpty, item.label)
        }
    }

    @Test(arguments: seeds)
    func atMostOneStepAndOnlyTheCandidate(seed: UInt64) {
        for item in cases(seed) {
            let decision = item.decision
            let ladder = item.settings.ladder
            guard decision.changesRollout else {
                #expect(decision.to == decision.from, item.label)
                continue
            }
            let candidate = item.candidate
            #expect(candidate != nil && decision.version == item.state.candidate, item.label)
            #expect(decision.from.map(Double.init) == candidate?.rolloutPercent, item.label)
            guard let from = decision.from, let to = decision.to,
                  let start = ladder.firstIndex(of: from), let end = ladder.firstIndex(of: to) else {
                Issue.record("a change off the ladder: \(item.label)")
                continue
            }
            switch decision.action {
            case .promote: #expect(end == start + 1, item.label)
            case .rollback: #expect(to == 0 && from > 0, item.label)
            case .hold, .done: Issue.record("unreachable: \(item.label)")
            }
        }
    }

    @Test(arguments: seeds)
    func promotionPassedEveryGate(seed: UInt64) {
        for item in cases(seed) where item.decision.action == .promote {
            let settings = item.settings
            guard let version = item.candidate, let samples = version.samples, let score = version.score,
                  let baseline = version.baselineScore, let rate = version.errorRate, let dwell = version.secondsAtStep else {
                Issue.record("promoted on missing figures: \(item.label)")
                continue
            }
            #expect(samples >= settings.minSamples, item.label)
            #expect(score >= baseline - settings.tolerance - epsilon, item.label)
            #expect(rate <= settings.maxErrorRate + epsilon, item.label)
            #expect(dwell >= settings.minDwell, item.label)
            #expect(item.decision.gates.count == 4 && item.decision.gates.allSatisfy(\.passed), item.label)
        }
    }

    @Test(arguments: seeds)
    func rollbackOnlyOnRegression(seed: UInt64) {
        for item in cases(seed) {
            let settings = item.settings
            guard let version = item.candidate else { continue }
            let scoreRegressed = version.score.flatMap { score in
                version.baselineScore.map { score < $0 - settings.rollbackMargin - epsilon }
            } ?? false
            let errorsRegressed = version.errorRate.map { $0 > settings.rollbackErrorRate + epsilon } ?? false
            let regressed = scoreRegressed || errorsRegressed
            let step = version.rolloutPercent.flatMap { percent in settings.ladder.firstIndex { Double($0) == percent } }
            if item.decision.action == .rollback {
                #expect(regressed, item.label)
            }
            // Regressed, on the ladder above 0 and below the top: always rolled back.
            if regressed, let step, step > 0, step < settings.ladder.count - 1 {
                #expect(item.decision.action == .rollback, item.label)
            }
        }
    }

    @Test(arguments: seeds)
    func theTopOfTheLadderIsDone(seed: UInt64) {
        for item in cases(seed) {
            let atTop = item.candidate?.rolloutPercent == 100
            #expect((item.decision.action == .done) == atTop, item.label)
            if item.decision.action == .done {
                #expect(item.decision.from == 100 && item.decision.to == 100, item.label)
            }
        }
    }

    @Test(arguments: seeds)
    func aHoldSaysWhatHeldIt(seed: UInt64) {
        for item in cases(seed) where item.decision.action == .hold {
            let failed = item.decision.gates.filter { !$0.passed }
            let regressed = item.decision.reason.hasPrefix("regressed")
            if !item.decision.gates.isEmpty && !regressed {
                #expect(!failed.isEmpty, "a hold with every gate passed: \(item.label)")
                for gate in failed {
                    #expect(item.decision.reason.contains(gate.name.rawValue), item.label)
                }
            }
            if item.candidate == nil {
                #expect(item.decision.gates.isEmpty && item.decision.version == nil, item.label)
            }
        }
    }

    /// Apply a decision the way the API does (the step starts now) and decide again on the same
    /// figures: with a dwell to serve, no second step follows.
    @Test(arguments: seeds)
    func aNewStepWaitsForItsDwell(seed: UInt64) {
        for item in cases(seed) where item.decision.changesRollout && item.settings.minDwell > 0 {
            var next = item.state
            for index in next.versions.indices where next.versions[index].version == item.decision.version {
                next.versions[index].rolloutPercent = Double(item.decision.to ?? 0)
                next.versions[index].secondsAtStep = 0
            }
            let again = PromotionPolicy.decide(next, item.settings)
            #expect(again.action != .promote, "\(item.label) then \(again)")
        }
    }
}
