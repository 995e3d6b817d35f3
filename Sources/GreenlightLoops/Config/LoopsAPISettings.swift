import Foundation
import GreenlightCore

/// `loops.api`: where the API is (environment variable names, never values), its paths and
/// field names — overridable for a team whose API differs a little from `docs/loops-api.yaml`
/// — and how calls are timed out and retried.
public struct LoopsAPISettings: Decodable, Sendable, Equatable {
    /// Names of the environment variables holding the base URL and the two bearer tokens.
    public var urlVariable = "API_URL"
    public var keyVariable = "API_KEY"
    public var adminKeyVariable = "ADMIN_API_KEY"
    public var paths = Paths()
    public var fields = Fields()
    /// Seconds per attempt, and to connect.
    public var timeout = 30.0
    public var connectTimeout = 5.0
    /// Further attempts after a 5xx or a call that got no answer (timeout, refused, reset);
    /// a 4xx is never retried.
    public var retries = 2
    /// The first wait between attempts; each later wait doubles, up to `maxBackoff`.
    public var backoff = 1.0
    public var maxBackoff = 30.0

    public init() {}

    static let limits = (retries: 10, timeout: 600.0, backoff: 600.0)

    enum CodingKeys: String, CodingKey, CaseIterable {
        case urlVariable = "url_variable"
        case keyVariable = "key_variable"
        case adminKeyVariable = "admin_key_variable"
        case paths, fields, timeout
        case connectTimeout = "connect_timeout"
        case retries, backoff
        case maxBackoff = "max_backoff"
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        for (key, path) in [(CodingKeys.urlVariable, \LoopsAPISettings.urlVariable), (.keyVariable, \.keyVariable),
                            (.adminKeyVariable, \.adminKeyVariable)] {
            guard let name = try container.decodeIfPresent(String.self, forKey: key) else { continue }
            guard EnvironmentPreflight.isValidName(name) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container, debugDescription: "'\(name)' is not an environment variable name (letters, digits, '_')")
            }
            self[keyPath: path] = name
        }
        guard Set([urlVariable, keyVariable, adminKeyVariable]).count == 3 else {
            throw DecodingError.dataCorruptedError(
                forKey: .adminKeyVariable, in: container, debugDescription: "the URL, key and admin key variables must be three different names")
        }
        paths = try container.decodeIfPresent(Paths.self, forKey: .paths) ?? paths
        fields = try container.decodeIfPresent(Fields.self, forKey: .fields) ?? fields
        timeout = try seconds(container, .timeout, within: 0.001...Self.limits.timeout) ?? timeout
        connectTimeout = try seconds(container, .connectTimeout, within: 0.001...Self.limits.timeout) ?? connectTimeout
        retries = try container.decodeIfPresent(Int.self, forKey: .retries) ?? retries
        guard (0...Self.limits.retries).contains(retries) else {
            throw DecodingError.dataCorruptedError(forKey: .retries, in: container, debugDescription: "retries must be between 0 and 10")
        }
        backoff = try seconds(container, .backoff, within: 0...Self.limits.backoff) ?? backoff
        maxBackoff = try seconds(container, .maxBackoff, within: 0...Self.limits.backoff) ?? maxBackoff
    }

    private func seconds(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys,
                         within range: ClosedRange<Double>) throws -> Double? {
        guard let span = try container.decodeIfPresent(TimeSpan.self, forKey: key) else { return nil }
        guard range.contains(span.seconds) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container,
                debugDescription: "\(key.stringValue) must be between \(TimeSpan(seconds: range.lowerBound)) and \(TimeSpan(seconds: range.upperBound))")
        }
        return span.seconds
    }

    /// `loops.api.paths`: each a path under the base URL, starting with `/`; `{userId}` and
    /// `{name}` are filled in (percent-encoded) per call.
    public struct Paths: Decodable, Sendable, Equatable {
        public var health = "/health"
        public var fewShotBuild = "/api/few-shot/build"
        public var inferAll = "/api/preferences/infer-all"
        public var users = "/api/preferences/users"
        public var inferUser = "/api/preferences/{userId}/infer"
        public var moatHealth = "/api/moat-health"
        public var prompt = "/api/prompts/{name}"
        public var rollout = "/api/prompts/{name}/rollout"

        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable {
            case health
            case fewShotBuild = "few_shot_build"
            case inferAll = "infer_all"
            case users
            case inferUser = "infer_user"
            case moatHealth = "moat_health"
            case prompt, rollout
        }

        static let placeholders: [CodingKeys: String] = [.inferUser: "{userId}", .prompt: "{name}", .rollout: "{name}"]

        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let keyPaths: [(CodingKeys, WritableKeyPath<Paths, String>)] = [
                (.health, \.health), (.fewShotBuild, \.fewShotBuild), (.inferAll, \.inferAll), (.users, \.users),
                (.inferUser, \.inferUser), (.moatHealth, \.moatHealth), (.prompt, \.prompt), (.rollout, \.rollout),
            ]
            for (key, path) in keyPaths {
                guard let value = try container.decodeIfPresent(String.self, forKey: key) else { continue }
                if let problem = Self.problem(with: value, placeholder: Self.placeholders[key]) {
                    throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: problem)
                }
                self[keyPath: path] = value
            }
        }

        /// Why a configured path is unusable: it must stay on the API's host (a path, not a
        /// URL), and carry its placeholder exactly once.
        static func problem(with path: String, placeholder: String?) -> String? {
            guard path.hasPrefix("/"), !path.hasPrefix("//") else {
                return "path '\(path)' must start with a single '/' (a path under the API's base URL, not a URL)"
            }
            if path.contains(where: { $0 == "?" || $0 == "#" || $0 == "\\" || $0.isWhitespace || $0.isNewline }) {
                return "path '\(path)' must not contain '?', '#', '\\' or spaces"
            }
            if path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) {
                return "path '\(path)' must not contain '.' or '..' segments"
            }
            let braces = path.filter { $0 == "{" || $0 == "}" }.count
            if let placeholder {
                guard path.components(separatedBy: placeholder).count == 2, braces == 2 else {
                    return "path '\(path)' must contain \(placeholder) exactly once (and no other braces)"
                }
            } else if braces > 0 {
                return "path '\(path)' takes no placeholder"
            }
            return nil
        }
    }

    /// `loops.api.fields`: names of the fields read from answers and written in requests; a
    /// dotted name (`data.examples`) reads a nested field.
    public struct Fields: Decodable, Sendable, Equatable {
        /// Few-shot build answer: examples in the bank after the refresh.
        public var fewShotExamples = "examples"
        /// Infer-all request: the most users to infer; answer: users inferred.
        public var usersLimit = "limit"
        public var usersProcessed = "processed"
        /// Users answer: the list of user ids (strings, or objects with `userId`).
        public var userIDs = "users"
        public var userID = "userId"
        /// Prompt answer.
        public var candidate = "candidate"
        public var versions = "versions"
        public var version = "version"
        public var rolloutPercent = "rollout_percent"
        public var score = "eval_score"
        public var samples = "sample_count"
        public var errorRate = "error_rate"
        public var baselineScore = "baseline_score"
        /// Time at the current step: seconds, or the ISO 8601 time the step began.
        public var secondsAtStep = "seconds_at_step"
        public var stepStartedAt = "step_started_at"
        /// Rollout request body.
        public var rolloutVersion = "version"
        public var rolloutPercentBody = "percent"

        public init() {}

        enum CodingKeys: String, CodingKey, CaseIterable {
            case fewShotExamples = "few_shot_examples"
            case usersLimit = "users_limit"
            case usersProcessed = "users_processed"
            case userIDs = "user_ids"
            case userID = "user_id"
            case candidate, versions, version
            case rolloutPercent = "rollout_percent"
            case score, samples
            case errorRate = "error_rate"
            case baselineScore = "baseline_score"
            case secondsAtStep = "seconds_at_step"
            case stepStartedAt = "step_started_at"
            case rolloutVersion = "rollout_version"
            case rolloutPercentBody = "rollout_percent_body"
        }

        public init(from decoder: Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let keyPaths: [(CodingKeys, WritableKeyPath<Fields, String>)] = [
                (.fewShotExamples, \.fewShotExamples), (.usersLimit, \.usersLimit), (.usersProcessed, \.usersProcessed),
                (.userIDs, \.userIDs), (.userID, \.userID), (.candidate, \.candidate), (.versions, \.versions),
                (.version, \.version), (.rolloutPercent, \.rolloutPercent), (.score, \.score), (.samples, \.samples),
                (.errorRate, \.errorRate), (.baselineScore, \.baselineScore), (.secondsAtStep, \.secondsAtStep),
                (.stepStartedAt, \.stepStartedAt), (.rolloutVersion, \.rolloutVersion),
                (.rolloutPercentBody, \.rolloutPercentBody),
            ]
            for (key, path) in keyPaths {
                guard let value = try container.decodeIfPresent(String.self, forKey: key) else { continue }
                let parts = value.split(separator: ".", omittingEmptySubsequences: false)
                guard !value.isEmpty, value.count <= 200, !parts.contains(where: \.isEmpty) else {
                    throw DecodingError.dataCorruptedError(
                        forKey: key, in: container, debugDescription: "field name '\(value)' must be a name or a dotted path (a.b)")
                }
                if [.usersLimit, .rolloutVersion, .rolloutPercentBody].contains(key) && parts.count > 1 {
                    throw DecodingError.dataCorruptedError(
                        forKey: key, in: container, debugDescription: "field name '\(value)' is written in a request body: a plain name, not a dotted path")
                }
                self[keyPath: path] = value
            }
        }
    }
}
