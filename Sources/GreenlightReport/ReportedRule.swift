import GreenlightCore

/// A rule that ran, as the SARIF and JUnit reports describe it: its documentation and the
/// severity this run gave it (the config may change a rule's default).
public struct ReportedRule: Sendable, Equatable {
    public let id: String
    public let family: String
    public let summary: String
    public let rationale: String
    public let defaultSeverity: Severity
    /// The severity of its findings in this run.
    public let severity: Severity

    public init(id: String, family: String, summary: String, rationale: String, defaultSeverity: Severity, severity: Severity) {
        self.id = id
        self.family = family
        self.summary = summary
        self.rationale = rationale
        self.defaultSeverity = defaultSeverity
        self.severity = severity
    }

    /// From a rule's description and the level the config set, if any.
    public init(_ description: RuleDescription, configured: Severity? = nil) {
        self.init(
            id: description.id, family: description.family, summary: description.summary,
            rationale: description.rationale, defaultSeverity: description.severity,
            severity: configured ?? description.severity)
    }

    /// The rules a report speaks of: those that ran, then any rule a finding names that is not
    /// among them (a report built from findings alone), with what the finding says of it.
    static func covering(_ rules: [ReportedRule], findings: [Finding]) -> [ReportedRule] {
        var all = rules
        var known = Set(rules.map(\.id))
        for finding in findings where !known.contains(finding.rule) {
            known.insert(finding.rule)
            all.append(ReportedRule(
                id: finding.rule, family: finding.family, summary: finding.rule, rationale: "",
                defaultSeverity: finding.severity, severity: finding.severity))
        }
        return all
    }
}
