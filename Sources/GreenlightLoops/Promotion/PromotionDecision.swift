import Foundation
import GreenlightCore

/// What the policy decided for one prompt, and why.
public struct PromotionDecision: Sendable, Equatable, Codable {
    public enum Action: String, Sendable, Codable {
        /// One step up the ladder.
        case promote
        /// Back to 0 %.
        case rollback
        /// Stay; `reason` names what held it.
        case hold
        /// At the top of the ladder: nothing left to do.
        case done
    }

    public var prompt: String
    /// The candidate version, when the answer names one that exists.
    public var version: String?
    /// The candidate's step now, and after the decision (equal unless promote or rollback);
    /// nil when its rollout is unknown or not a step of the ladder.
    public var from: Int?
    public var to: Int?
    public var action: Action
    public var reason: String
    /// The evaluation gate, condition by condition (empty when the candidate was not found).
    public var gates: [Gate]

    public init(prompt: String, version: String?, from: Int?, to: Int?, action: Action, reason: String, gates: [Gate]) {
        self.prompt = prompt
        self.version = version
        self.from = from
        self.to = to
        self.action = action
        self.reason = reason
        self.gates = gates
    }

    /// Whether applying it changes the rollout.
    public var changesRollout: Bool { action == .promote || action == .rollback }

    /// `10 % → 50 %`, `100 %`, `?`.
    public var movement: String {
        let start = from.map { "\($0) %" } ?? "?"
        guard let to, to != from else { return start }
        return "\(start) → \(to) %"
    }
}

/// One condition of the evaluation gate.
public struct Gate: Sendable, Equatable, Codable {
    public enum Name: String, Sendable, Codable, CaseIterable {
        case samples
        case score
        case errorRate = "error-rate"
        case dwell
    }

    public var name: Name
    /// What it must be, e.g. `≥ 200`.
    public var required: String
    /// What it is, or nil when the answer did not say.
    public var actual: String?
    public var passed: Bool

    public init(name: Name, required: String, actual: String?, passed: Bool) {
        self.name = name
        self.required = required
        self.actual = actual
        self.passed = passed
    }

    /// `samples 120 < 200`, `dwell unknown (needs ≥ 1d)`.
    public var summary: String {
        guard let actual else { return "\(name.rawValue) unknown (needs \(required))" }
        return "\(name.rawValue) \(actual) (needs \(required))"
    }
}

/// Numbers for reports: short, stable, locale-free.
enum Figures {
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    static func percent(_ rate: Double) -> String { number(rate * 100) + " %" }

    /// Every digit the value has (`10.0000001`), where rounding would make it look like
    /// something it is not.
    static func exact(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    static func duration(_ seconds: Double) -> String {
        if seconds == 0 { return "0s" }
        return seconds < 0 ? "-" + TimeSpan(seconds: -seconds).description : TimeSpan(seconds: seconds).description
    }
}
