import GreenlightCore

/// `claims`: readiness documents whose done items must rest on evidence in the repository.
public enum ClaimsFamily: Family {
    public static let name = "claims"
    public static let rules: [any Rule.Type] = [
        MissingEvidenceRule.self, NoEvidenceRule.self, RouteNotFoundRule.self, OpenChildrenRule.self,
        DocsUnmatchedRule.self, NoDocumentsRule.self, SymbolNotFoundRule.self, UnreadableDocumentRule.self,
        TestResultsUnverifiedRule.self, TestCountMismatchRule.self, CheckedButOpenRule.self, SchemaNotFoundRule.self,
        RunNotRecordedRule.self,
    ]
    public static let section: (any ConfigSection.Type)? = ClaimsSettings.self

    /// Done, pending and verified counts per document.
    public static func reportFacts(_ context: RuleContext) throws {
        context.facts.claims = try ClaimsLedger.of(context).entries.map(\.summary)
    }
}
