import GreenlightCore

/// `loops:` in `.greenlight.yml`: how the strategy loops reach the team's API (variables,
/// paths, field names, retries), the flywheel's governance limits and the promotion policy.
/// Every key has a default matching `docs/loops-api.yaml`; unknown keys are errors.
public struct LoopsSection: ConfigSection {
    public static let key = "loops"

    public var api = LoopsAPISettings()
    public var flywheel = FlywheelSettings()
    public var promotion = PromotionSettings()

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case api, flywheel, promotion
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        api = try container.decodeIfPresent(LoopsAPISettings.self, forKey: .api) ?? api
        flywheel = try container.decodeIfPresent(FlywheelSettings.self, forKey: .flywheel) ?? flywheel
        promotion = try container.decodeIfPresent(PromotionSettings.self, forKey: .promotion) ?? promotion
    }
}

/// `loops.flywheel`: governance limits checked against the API's answers.
public struct FlywheelSettings: Decodable, Sendable, Equatable {
    /// The few-shot bank must hold at least this many examples after a refresh (0: not checked).
    public var minFewShotExamples = 20
    /// At most this many users have preferences inferred in one run.
    public var maxUsersPerRun = 1000
    /// When `infer-all` answers 404 or 405, infer user by user (at most `maxUsersPerRun`).
    public var perUserFallback = true
    /// The evidence record a successful `--apply` run writes.
    public var evidence = "flywheel"

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case minFewShotExamples = "min_few_shot_examples"
        case maxUsersPerRun = "max_users_per_run"
        case perUserFallback = "per_user_fallback"
        case evidence
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        minFewShotExamples = try container.decodeIfPresent(Int.self, forKey: .minFewShotExamples) ?? minFewShotExamples
        guard minFewShotExamples >= 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .minFewShotExamples, in: container, debugDescription: "min_few_shot_examples must be 0 or more")
        }
        maxUsersPerRun = try container.decodeIfPresent(Int.self, forKey: .maxUsersPerRun) ?? maxUsersPerRun
        guard (1...1_000_000).contains(maxUsersPerRun) else {
            throw DecodingError.dataCorruptedError(
                forKey: .maxUsersPerRun, in: container, debugDescription: "max_users_per_run must be between 1 and 1000000")
        }
        perUserFallback = try container.decodeIfPresent(Bool.self, forKey: .perUserFallback) ?? perUserFallback
        evidence = try decodeEvidenceName(container, .evidence) ?? evidence
    }
}

/// An evidence name, checked like `greenlight evidence record --name`.
func decodeEvidenceName<K: CodingKey>(_ container: KeyedDecodingContainer<K>, _ key: K) throws -> String? {
    guard let name = try container.decodeIfPresent(String.self, forKey: key) else { return nil }
    let valid = !name.isEmpty && name.count <= 100 && !name.hasPrefix(".")
        && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    guard valid else {
        throw DecodingError.dataCorruptedError(
            forKey: key, in: container, debugDescription: "invalid evidence name '\(name)' (letters, digits, '.', '_', '-')")
    }
    return name
}
