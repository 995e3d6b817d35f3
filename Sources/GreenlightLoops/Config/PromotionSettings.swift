import GreenlightCore

/// `loops.promotion`: the ladder and the evaluation gate of the promotion policy, and where
/// the prompt names come from.
public struct PromotionSettings: Decodable, Sendable, Equatable {
    /// Rollout percentages, strictly increasing from 0 to 100.
    public var ladder: [Int] = [0, 10, 50, 100]
    /// Promote only with at least this many evaluated samples …
    public var minSamples = 200
    /// … a score no lower than the baseline minus this …
    public var tolerance = 0.02
    /// … an error rate (0 to 1) no higher than this …
    public var maxErrorRate = 0.05
    /// … and at least this long at the current step (seconds).
    public var minDwell = 86_400.0
    /// Roll back to 0 when the score is below the baseline by more than this …
    public var rollbackMargin = 0.05
    /// … or the error rate is above this.
    public var rollbackErrorRate = 0.10
    /// The environment variable listing prompt names (comma-separated) when `--prompts` is not given.
    public var promptsVariable = "PROMOTION_PROMPT_NAMES"
    /// The evidence record a successful `--apply` run writes.
    public var evidence = "prompt-promotion"

    public init() {}

    public init(ladder: [Int], minSamples: Int, tolerance: Double, maxErrorRate: Double, minDwell: Double,
                rollbackMargin: Double, rollbackErrorRate: Double) {
        self.ladder = ladder
        self.minSamples = minSamples
        self.tolerance = tolerance
        self.maxErrorRate = maxErrorRate
        self.minDwell = minDwell
        self.rollbackMargin = rollbackMargin
        self.rollbackErrorRate = rollbackErrorRate
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case ladder
        case minSamples = "min_samples"
        case tolerance
        case maxErrorRate = "max_error_rate"
        case minDwell = "min_dwell"
        case rollbackMargin = "rollback_margin"
        case rollbackErrorRate = "rollback_error_rate"
        case promptsVariable = "prompts_variable"
        case evidence
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func fail(_ key: CodingKeys, _ message: String) -> DecodingError {
            DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: message)
        }
        ladder = try container.decodeIfPresent([Int].self, forKey: .ladder) ?? ladder
        if let problem = Self.problem(withLadder: ladder) { throw fail(.ladder, problem) }
        minSamples = try container.decodeIfPresent(Int.self, forKey: .minSamples) ?? minSamples
        guard minSamples >= 0 else { throw fail(.minSamples, "min_samples must be 0 or more") }
        tolerance = try container.decodeIfPresent(Double.self, forKey: .tolerance) ?? tolerance
        guard tolerance >= 0, tolerance.isFinite else { throw fail(.tolerance, "tolerance must be 0 or more") }
        maxErrorRate = try container.decodeIfPresent(Rate.self, forKey: .maxErrorRate)?.value ?? maxErrorRate
        minDwell = try container.decodeIfPresent(TimeSpan.self, forKey: .minDwell)?.seconds ?? minDwell
        rollbackMargin = try container.decodeIfPresent(Double.self, forKey: .rollbackMargin) ?? rollbackMargin
        guard rollbackMargin.isFinite, rollbackMargin >= tolerance else {
            throw fail(.rollbackMargin, "rollback_margin (\(rollbackMargin)) must be at least tolerance (\(tolerance)): a score good enough to promote must not also roll back")
        }
        rollbackErrorRate = try container.decodeIfPresent(Rate.self, forKey: .rollbackErrorRate)?.value ?? rollbackErrorRate
        guard rollbackErrorRate >= maxErrorRate else {
            throw fail(.rollbackErrorRate, "rollback_error_rate must be at least max_error_rate: an error rate good enough to promote must not also roll back")
        }
        if let name = try container.decodeIfPresent(String.self, forKey: .promptsVariable) {
            guard EnvironmentPreflight.isValidName(name) else {
                throw fail(.promptsVariable, "'\(name)' is not an environment variable name (letters, digits, '_')")
            }
            promptsVariable = name
        }
        evidence = try decodeEvidenceName(container, .evidence) ?? evidence
    }

    /// Why a ladder is unusable, or nil.
    public static func problem(withLadder ladder: [Int]) -> String? {
        guard ladder.count >= 2, ladder.first == 0, ladder.last == 100 else {
            return "ladder must start at 0 and end at 100, e.g. [0, 10, 50, 100]"
        }
        guard zip(ladder, ladder.dropFirst()).allSatisfy({ $0 < $1 }) else {
            return "ladder must be strictly increasing"
        }
        return nil
    }
}

/// A rate written as a fraction (`0.05`) or a percentage (`"5%"`), 0 to 1.
struct Rate: Decodable {
    let value: Double

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        var value: Double?
        if let number = try? container.decode(Double.self) {
            value = number
        } else if let text = try? container.decode(String.self), text.hasSuffix("%"),
                  let number = Double(text.dropLast().trimmingWhitespace) {
            value = number / 100
        }
        guard let value, value.isFinite, (0...1).contains(value) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a rate from 0 to 1, or a percentage like \"5%\"")
        }
        self.value = value
    }
}
