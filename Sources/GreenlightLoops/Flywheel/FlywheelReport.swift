/// A flywheel run, as the Markdown and JSON artifacts and the history keep it.
public struct FlywheelReport: Codable, Sendable, Equatable {
    public enum StepName: String, Codable, Sendable, CaseIterable {
        case fewShotBuild = "few-shot-build"
        case preferenceInference = "preference-inference"
        case moatHealth = "moat-health"
    }

    public struct Step: Codable, Sendable, Equatable {
        public var name: StepName
        public var status: StepStatus
        /// The calls made (or, not sent, that would be made).
        public var calls: [CallRecord]
        public var governance: [GovernanceCheck]
        /// One line: what happened, or why not.
        public var detail: String

        public init(name: StepName, status: StepStatus, calls: [CallRecord], governance: [GovernanceCheck] = [], detail: String) {
            self.name = name
            self.status = status
            self.calls = calls
            self.governance = governance
            self.detail = detail
        }
    }

    /// A limit from `loops.flywheel`, against the API's answer.
    public struct GovernanceCheck: Codable, Sendable, Equatable {
        public var limit: String
        public var bound: Int
        public var actual: Int?
        public var passed: Bool

        public init(limit: String, bound: Int, actual: Int?, passed: Bool) {
            self.limit = limit
            self.bound = bound
            self.actual = actual
            self.passed = passed
        }
    }

    /// One field of the moat-health answer (nested fields dotted), value as shown.
    public struct Field: Codable, Sendable, Equatable {
        public var field: String
        public var value: String

        public init(field: String, value: String) {
            self.field = field
            self.value = value
        }
    }

    public var schemaVersion = 1
    public var loop = "flywheel"
    public var mode: LoopMode
    public var startedAt: String
    /// `${API_URL}`: the variable, never its value.
    public var api: String
    public var preflight: PreflightReport
    public var steps: [Step]
    public var moatHealth: [Field]?
    public var passed: Bool

    public init(mode: LoopMode, startedAt: String, api: String, preflight: PreflightReport, steps: [Step], moatHealth: [Field]?) {
        self.mode = mode
        self.startedAt = startedAt
        self.api = api
        self.preflight = preflight
        self.steps = steps
        self.moatHealth = moatHealth
        self.passed = preflight.passed && !steps.contains { $0.status == .failed || $0.status == .notRun }
    }

    /// `2 done, 1 failed, 0 not run`.
    public var tally: String {
        let counts = [StepStatus.done, .planned, .failed, .notRun].compactMap { status -> String? in
            let count = steps.filter { $0.status == status }.count
            guard count > 0 || status == .done || status == .failed else { return nil }
            return "\(count) \(status == .notRun ? "not run" : status.rawValue)"
        }
        return counts.joined(separator: ", ")
    }
}
