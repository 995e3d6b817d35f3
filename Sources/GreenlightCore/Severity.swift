/// How much a finding matters. `error` fails the gate; `warning` turns the posture yellow;
/// `note` is informational.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case error
    case warning
    case note

    private var rank: Int {
        switch self {
        case .error: return 0
        case .warning: return 1
        case .note: return 2
        }
    }

    /// Errors sort first.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// `check --fail-on`: the least severe finding that fails the gate (exit 1); `never` reports
/// without failing. Suppressed and baselined findings never fail it. The posture does not
/// change with it.
public enum FailThreshold: String, Codable, Sendable, CaseIterable {
    case error
    case warning
    case note
    case never

    public func fails(_ finding: Finding) -> Bool {
        guard finding.isLive else { return false }
        switch self {
        case .error: return finding.severity <= .error
        case .warning: return finding.severity <= .warning
        case .note: return true
        case .never: return false
        }
    }
}

/// A severity as configured for a rule: one of the severities, or `off`.
public enum RuleLevel: String, Codable, Sendable, CaseIterable {
    case error
    case warning
    case note
    case off

    public var severity: Severity? {
        switch self {
        case .error: return .error
        case .warning: return .warning
        case .note: return .note
        case .off: return nil
        }
    }
}

/// The Green/Yellow/Red of a readiness write-up: red if any blocking error, yellow if any
/// warning, green otherwise. Suppressed and baselined findings do not count.
public enum Posture: String, Codable, Sendable {
    case green
    case yellow
    case red

    public init(findings: [Finding]) {
        let live = findings.filter { !$0.suppressed && !$0.baselined }
        if live.contains(where: { $0.severity == .error }) {
            self = .red
        } else if live.contains(where: { $0.severity == .warning }) {
            self = .yellow
        } else {
            self = .green
        }
    }

    public var label: String { rawValue.uppercased() }
}
