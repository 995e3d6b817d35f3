import GreenlightCore

/// `docker`: Dockerfiles, parsed as Docker reads them.
public enum DockerFamily: Family {
    public static let name = "docker"
    public static let rules: [any Rule.Type] = [
        DockerParseErrorRule.self, InvalidBaseRule.self, DuplicateStageRule.self, MaskedErrorsRule.self,
        PipefailRule.self, UntaggedBaseRule.self, LatestTagRule.self, HealthcheckMissingRule.self,
        PortMismatchRule.self, RootUserRule.self, BaseUserUnknownRule.self, MultipleCmdRule.self,
    ]
    public static let section: (any ConfigSection.Type)? = DockerSection.self
    public static let checksRulesConcurrently = true

    /// Every Dockerfile parsed before the rules ask, on every core.
    public static func prepare(_ context: RuleContext) {
        context.parseAhead(DockerfileFiles.entries(context), DockerfileFiles.parserKey, parse: DockerfileParser.parse)
    }
}
