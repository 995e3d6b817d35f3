import GreenlightCore

/// `pow`: agent logs that must keep being updated, each entry carrying an artifact.
public enum ProofOfWorkFamily: Family {
    public static let name = "pow"
    public static let rules: [any Rule.Type] = [
        LateLogRule.self, StaleLogRule.self, NeverUpdatedLogRule.self, NoArtifactRule.self,
    ]
    public static let section: (any ConfigSection.Type)? = ProofOfWorkSection.self

    /// Each agent's proof of work at the run's clock.
    public static func reportFacts(_ context: RuleContext) throws {
        context.facts.agents = try ProofOfWorkScan.of(context).agents.map { status in
            AgentState(agent: status.agent, path: status.path, state: status.state.rawValue,
                       lastCommit: status.lastCommit?.id, lastCommitAt: status.lastCommit.map { Timestamp.format($0.time) },
                       ageSeconds: status.age.map { Int($0) })
        }
    }
}
