/// Functions that call a model only to see that it answers — `validate_model_access`,
/// `test_connection`, `checkApiKey`, `ping`: a fixed prompt sent to check access or health is
/// no generation to personalise, attribute or record, so their calls are no call sites.
enum ReachabilityProbes {
    /// Verbs a probe's name opens with, and the objects one of its other words must name.
    static let verbs: Set<String> = ["validate", "verify", "check", "test", "probe", "ensure"]
    static let objects: Set<String> = ["access", "connection", "connectivity", "credential", "credentials", "key",
                                       "apikey", "availability", "available", "reachable", "reachability", "health", "auth", "llm"]
    /// Words that make any name a probe (`health` alone may be an app's subject: `health_check`
    /// and `check_health` are probes, `health_advice` is not).
    static let probes: Set<String> = ["ping", "healthcheck", "healthz"]

    static func isProbe(_ name: String?) -> Bool {
        guard let name else { return false }
        let words = SecretAllowlist.words(of: name)
        guard let first = words.first else { return false }
        if words.contains(where: probes.contains) || (words.contains("health") && words.contains("check")) { return true }
        return verbs.contains(first) && words.dropFirst().contains(where: objects.contains)
    }
}
