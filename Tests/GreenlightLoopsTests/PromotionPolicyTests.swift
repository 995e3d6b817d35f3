import GreenlightLoops
import Testing

/// The policy on named situations: what it decides, and the words it says why.
@Suite("Promotion policy: examples")
struct PromotionPolicyTests {
    let settings = PromotionSettings()   // [0, 10, 50, 100], 200 samples, 0.02, 5 %, 1d, 0.05, 10 %

    func state(_ percent: Double?, score: Double? = 0.82, samples: Int? = 500, errorRate: Double? = 0.01,
               baseline: Double? = 0.80, dwell: Double? = 2 * 86_400, candidate: String? = "v3") -> PromptState {
        PromptState(name: "summarize", candidate: candidate, versions: [
            PromptVersion(version: "v2", rolloutPercent: 100, score: 0.80, samples: 9000, errorRate: 0.01, baselineScore: 0.80,
                          secondsAtStep: 9e6),
            PromptVersion(version: "v3", rolloutPercent: percent, score: score, samples: samples, errorRate: errorRate,
                          baselineScore: baseline, secondsAtStep: dwell),
        ])
    }

    @Test func promotesOneStep() {
        let decision = PromotionPolicy.decide(state(10), settings)
        #expect(decision.action == .promote)
        #expect(decision.version == "v3" && decision.from == 10 && decision.to == 50)
        #expect(decision.movement == "10 % → 50 %")
        #expect(decision.reason == "every gate passed: samples 500, score 0.82, error-rate 1 %, dwell 2d")
    }

    @Test func promotesFromZero() {
        #expect(PromotionPolicy.decide(state(0), settings).to == 10)
    }

    @Test func scoreExactlyAtTheToleranceIsEnough() {
        // 0.8 - 0.02 is 0.78000000000000003 in binary; the epsilon keeps 0.78 promotable.
        let decision = PromotionPolicy.decide(state(50, score: 0.78), settings)
        #expect(decision.action == .promote, "\(decision)")
        #expect(decision.to == 100)
    }

    @Test func holdsAndNamesEveryConditionThatHeld() {
        let decision = PromotionPolicy.decide(state(10, samples: 120, dwell: 3 * 3600), settings)
        #expect(decision.action == .hold)
        #expect(decision.from == 10 && decision.to == 10)
        #expect(decision.reason == "held by samples 120 (needs ≥ 200); dwell 3h (needs ≥ 1d)")
    }

    @Test func missingFiguresHold() {
        let decision = PromotionPolicy.decide(state(10, errorRate: nil, baseline: nil), settings)
        #expect(decision.action == .hold)
        #expect(decision.reason.contains("score 0.82 (needs ≥ baseline − 0.02 (no baseline given))"))
        #expect(decision.reason.contains("error-rate unknown (needs ≤ 5 %)"))
    }

    @Test func rollsBackOnScoreOrErrors() {
        let score = PromotionPolicy.decide(state(50, score: 0.70), settings)
        #expect(score.action == .rollback && score.from == 50 && score.to == 0)
        #expect(score.reason == "regressed: score 0.7 is below baseline 0.8 by more than 0.05")
        let errors = PromotionPolicy.decide(state(10, errorRate: 0.2), settings)
        #expect(errors.action == .rollback && errors.to == 0)
        #expect(errors.reason == "regressed: error rate 20 % is over 10 %")
    }

    @Test func betweenToleranceAndMarginHolds() {
        let decision = PromotionPolicy.decide(state(50, score: 0.77), settings)
        #expect(decision.action == .hold)
        #expect(decision.reason == "held by score 0.77 (needs ≥ 0.78 (baseline 0.8 − 0.02))")
    }

    @Test func regressionAtZeroHolds() {
        let decision = PromotionPolicy.decide(state(0, score: 0.5), settings)
        #expect(decision.action == .hold && decision.to == 0)
        #expect(decision.reason.hasPrefix("regressed (score 0.5 is below baseline 0.8 by more than 0.05), and already at 0 %"))
    }

    @Test func fullRolloutIsDoneEvenWhenRegressed() {
        let decision = PromotionPolicy.decide(state(100, score: 0.1), settings)
        #expect(decision.action == .done && decision.from == 100 && decision.to == 100)
        #expect(decision.reason == "v3 is fully rolled out")
    }

    @Test func onlyTheCandidateMoves() {
        #expect(PromotionPolicy.decide(state(10, candidate: nil), settings).reason == "the API names no candidate version")
        let ghost = PromotionPolicy.decide(state(10, candidate: "v9"), settings)
        #expect(ghost.action == .hold && ghost.version == nil)
        #expect(ghost.reason == "candidate v9 is not among the prompt's versions")
        var twice = state(10)
        twice.versions.append(twice.versions[1])
        #expect(PromotionPolicy.decide(twice, settings).reason == "candidate v3 is listed 2 times")
    }

    @Test func offTheLadderHolds() {
        let decision = PromotionPolicy.decide(state(25), settings)
        #expect(decision.action == .hold && decision.from == nil)
        #expect(decision.reason == "v3 is at 25 %, not a step of the ladder [0, 10, 50, 100]")
    }

    @Test func aRolloutJustOffAStepSaysEveryDigit() {
        let decision = PromotionPolicy.decide(state(10.0000001), settings)
        #expect(decision.action == .hold)
        #expect(decision.reason == "v3 is at 10.0000001 %, not a step of the ladder [0, 10, 50, 100]")
    }

    @Test(arguments: [(-5.0, "-5"), (1.5, "1.5"), (5.0, "5")])
    func anErrorRateOutsideItsRangeHolds(_ rate: Double, _ shown: String) {
        // Neither a promotion at "error-rate -500 %" nor a rollback on a figure that is not a rate.
        let decision = PromotionPolicy.decide(state(10, errorRate: rate), settings)
        #expect(decision.action == .hold, "\(decision)")
        #expect(decision.reason == "held by error-rate \(shown) (outside 0…1, the contract's range for error_rate) (needs ≤ 5 %)")
    }

    @Test func aLongerLadderStillStepsOnce() {
        let ladder = PromotionSettings(ladder: [0, 1, 5, 25, 50, 100], minSamples: 0, tolerance: 0, maxErrorRate: 1,
                                       minDwell: 0, rollbackMargin: 1, rollbackErrorRate: 1)
        #expect(PromotionPolicy.decide(state(5), ladder).to == 25)
    }
}
