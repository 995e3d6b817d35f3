import GreenlightCore
import GreenlightProbes

/// `probe`: the team's live endpoints, checked against their conditions.
public enum ProbeFamily: Family {
    public static let name = "probe"
    public static let rules: [any Rule.Type] = [ProbeFailedRule.self, AuthNotEnforcedRule.self, InsecureProbeRule.self]
    public static let section: (any ConfigSection.Type)? = ProbesSection.self

    /// Each probe's outcome, when the run probed anything.
    public static func reportFacts(_ context: RuleContext) throws {
        guard ProbeRun.runs(context) else { return }
        context.facts.probes = ProbeRun.results(context).map { result in
            ProbeState(name: result.name, passed: result.passed, status: result.response?.status,
                       requests: result.requests, p50Milliseconds: result.stats?.p50.map { $0 * 1000 },
                       p95Milliseconds: result.stats?.p95.map { $0 * 1000 },
                       errorRate: result.stats?.errorRate)
        }
    }
}
