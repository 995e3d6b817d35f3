/// What rules that reach live endpoints (the probe family) may use: whether they may reach
/// them at all (`check --no-live` turns it off) and the environment their `${NAME}` references
/// read. Rules that only read the snapshot ignore it.
public struct LiveAccess: Sendable {
    public var enabled: Bool
    public var environment: [String: String]

    public init(enabled: Bool = true, environment: [String: String] = [:]) {
        self.enabled = enabled
        self.environment = environment
    }

    public static let off = LiveAccess(enabled: false)
}
