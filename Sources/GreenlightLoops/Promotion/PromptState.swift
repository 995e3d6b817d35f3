import Foundation
import GreenlightCore
import GreenlightProbes

/// One prompt as the API describes it: its versions and which one is the candidate.
public struct PromptState: Sendable, Equatable {
    public var name: String
    /// The version being rolled out, if the API names one.
    public var candidate: String?
    public var versions: [PromptVersion]

    public init(name: String, candidate: String?, versions: [PromptVersion]) {
        self.name = name
        self.candidate = candidate
        self.versions = versions
    }
}

/// One version's rollout and evaluation figures; any may be missing from an answer.
public struct PromptVersion: Sendable, Equatable, Codable {
    public var version: String
    public var rolloutPercent: Double?
    public var score: Double?
    public var samples: Int?
    /// 0 to 1.
    public var errorRate: Double?
    public var baselineScore: Double?
    /// Seconds since the version reached its current step.
    public var secondsAtStep: Double?

    public init(version: String, rolloutPercent: Double?, score: Double?, samples: Int?, errorRate: Double?,
                baselineScore: Double?, secondsAtStep: Double?) {
        self.version = version
        self.rolloutPercent = rolloutPercent
        self.score = score
        self.samples = samples
        self.errorRate = errorRate
        self.baselineScore = baselineScore
        self.secondsAtStep = secondsAtStep
    }
}

extension PromptState {
    /// Read an answer of `GET /api/prompts/{name}` with the configured field names; `now`
    /// turns a step start time into time at the step. Nil with a reason when the answer has
    /// no versions list.
    public static func parse(_ json: JSONValue, name: String, fields: LoopsAPISettings.Fields,
                             now: Date) -> Result<PromptState, PromptAnswerError> {
        guard let items = json.field(fields.versions)?.array else {
            return .failure(PromptAnswerError(message: "the answer has no '\(fields.versions)' list"))
        }
        var versions: [PromptVersion] = []
        for (index, item) in items.enumerated() {
            let id = item.field(fields.version)
            guard let version = id?.string ?? id?.integer.map(String.init) else {
                return .failure(PromptAnswerError(message: "version \(index + 1) of '\(fields.versions)' has no '\(fields.version)'"))
            }
            var seconds = item.field(fields.secondsAtStep)?.number
            if seconds == nil, let text = item.field(fields.stepStartedAt)?.string, let started = Timestamp.parse(text) {
                seconds = now.timeIntervalSince(started)
            }
            versions.append(PromptVersion(
                version: version,
                rolloutPercent: item.field(fields.rolloutPercent)?.number,
                score: item.field(fields.score)?.number,
                samples: item.field(fields.samples)?.integer,
                errorRate: item.field(fields.errorRate)?.number,
                baselineScore: item.field(fields.baselineScore)?.number ?? json.field(fields.baselineScore)?.number,
                secondsAtStep: seconds))
        }
        let candidate = json.field(fields.candidate)
        return .success(PromptState(name: name, candidate: candidate?.string ?? candidate?.integer.map(String.init),
                                    versions: versions))
    }
}

public struct PromptAnswerError: Error, Sendable, Equatable {
    public let message: String
}
