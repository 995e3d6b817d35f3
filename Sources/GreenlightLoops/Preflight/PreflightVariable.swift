import GreenlightCore

/// One required variable as a loop report shows it: name, state, and the value's length only.
/// The check itself is the shared one (`EnvironmentPreflight` in GreenlightCore, behind
/// `greenlight preflight`).
public struct PreflightVariable: Codable, Sendable, Equatable {
    public enum State: String, Codable, Sendable {
        case set
        case missing
        /// Present but empty, or only whitespace.
        case empty
    }

    public var name: String
    public var state: State
    /// Characters in the value, when set.
    public var length: Int?

    public init(name: String, state: State, length: Int?) {
        self.name = name
        self.state = state
        self.length = length
    }

    /// `API_KEY set (32 characters)`, `ADMIN_API_KEY missing`.
    public var description: String {
        switch state {
        case .set: return "\(name) set (\(length ?? 0) characters)"
        case .missing: return "\(name) missing"
        case .empty: return "\(name) empty"
        }
    }

    /// The shared preflight over `names` (validated when the config was loaded).
    static func check(_ names: [String], in environment: [String: String]) -> [PreflightVariable] {
        guard let entries = try? EnvironmentPreflight.check(names, in: environment).entries else {
            return names.map { PreflightVariable(name: $0, state: .missing, length: nil) }
        }
        return entries.map { entry in
            switch entry.state {
            case .present: return PreflightVariable(name: entry.name, state: .set, length: entry.length)
            case .missing: return PreflightVariable(name: entry.name, state: .missing, length: nil)
            case .empty: return PreflightVariable(name: entry.name, state: .empty, length: nil)
            }
        }
    }
}
