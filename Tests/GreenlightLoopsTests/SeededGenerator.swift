import GreenlightLoops

/// SplitMix64: a small, fast generator whose sequence is fixed by its seed, so a failing
/// property names a seed and a case number that reproduce it.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    mutating func double(_ range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &self) }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    /// `value`, or nil with probability `missing`.
    mutating func maybe<T>(_ value: T, missing: Double = 0.1) -> T? { chance(missing) ? nil : value }
}

/// Generated policies and prompt states, biased toward the edges: figures exactly at a
/// threshold, rollouts on and off the ladder, missing figures, absent or duplicated candidates.
enum PromotionCases {
    static func settings(_ random: inout SeededGenerator) -> PromotionSettings {
        let steps = Set((0..<random.int(0...4)).map { _ in random.int(1...99) }).sorted()
        let tolerance = random.pick([0, 0.01, 0.02, 0.05, random.double(0...0.2)])
        let maxErrorRate = random.pick([0, 0.01, 0.05, random.double(0...0.3)])
        return PromotionSettings(
            ladder: [0] + steps + [100],
            minSamples: random.pick([0, 1, 100, 200, random.int(0...2000)]),
            tolerance: tolerance,
            maxErrorRate: maxErrorRate,
            minDwell: random.pick([0, 3600, 86_400, Double(random.int(0...1_000_000))]),
            rollbackMargin: tolerance + random.pick([0, 0.01, 0.03, random.double(0...0.3)]),
            rollbackErrorRate: maxErrorRate + random.pick([0, 0.05, random.double(0...0.5)]))
    }

    static func state(_ random: inout SeededGenerator, _ settings: PromotionSettings) -> PromptState {
        let pool = ["v1", "v2", "v3", "v4"]
        let versions = (0..<random.int(0...4)).map { _ in version(random.pick(pool), &random, settings) }
        var candidate: String?
        switch random.int(0...9) {
        case 0: candidate = nil
        case 1: candidate = "ghost"
        case 2: candidate = ""
        default: candidate = versions.isEmpty ? random.pick(pool) : random.pick(versions).version
        }
        return PromptState(name: "prompt-\(random.int(0...999))", candidate: candidate, versions: versions)
    }

    static func version(_ id: String, _ random: inout SeededGenerator, _ settings: PromotionSettings) -> PromptVersion {
        let baseline = random.double(0...1)
        if random.chance(0.3) {
            // Healthy: every figure present and at or past its gate, the edges included.
            return PromptVersion(
                version: id, rolloutPercent: Double(random.pick(settings.ladder)),
                score: baseline - settings.tolerance * random.pick([0, 1, random.double(0...1)]),
                samples: settings.minSamples + random.pick([0, random.int(0...1000)]),
                errorRate: settings.maxErrorRate * random.pick([0, 1, random.double(0...1)]),
                baselineScore: baseline, secondsAtStep: settings.minDwell + random.pick([0, random.double(0...100_000)]))
        }
        let score: Double = random.pick([
            baseline, baseline - settings.tolerance, baseline - settings.rollbackMargin,
            baseline - settings.rollbackMargin - 0.001, baseline + random.double(-0.4...0.2),
        ])
        let rate: Double = random.pick([
            0, settings.maxErrorRate, settings.rollbackErrorRate, settings.rollbackErrorRate + 0.001, random.double(0...0.6),
        ])
        let percent: Double = random.chance(0.85) ? Double(random.pick(settings.ladder)) : random.pick([25.5, 33, 99, -5, 101])
        let samples = random.pick([settings.minSamples, max(0, settings.minSamples - 1), random.int(0...3000)])
        let dwell = random.pick([settings.minDwell, settings.minDwell - 1, 0, random.double(0...2_000_000)])
        return PromptVersion(
            version: id, rolloutPercent: random.maybe(percent), score: random.maybe(score), samples: random.maybe(samples),
            errorRate: random.maybe(rate), baselineScore: random.maybe(baseline), secondsAtStep: random.maybe(dwell))
    }
}
