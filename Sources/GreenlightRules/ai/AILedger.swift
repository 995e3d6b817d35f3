import GreenlightCore

/// Every LLM call site of the snapshot, found and judged once per run: the three ai rules read
/// their findings from here. Files are read only when their extension is a known language and
/// their bytes hold a call-site keyword; each such file is lexed once.
final class AILedger {
    let sites: [AICallSite]

    /// The run's ledger, built on first use.
    static let key = SharedKey<AILedger>("ai.ledger")

    static func of(_ context: RuleContext) throws -> AILedger {
        try context.shared(key) { try AILedger(context: context) }
    }

    private init(context: RuleContext) throws {
        let settings = context.section(AISettings.self)
        let checks = try AIChecks.load(settings: settings, snapshot: context.snapshot)
        let snapshot = context.snapshot
        let exempt = ExemptPaths(settings.exempt)
        var sites: [AICallSite] = []
        for entry in snapshot.entries {
            guard let language = SourceLanguage.of(path: entry.path) else { continue }
            let keywords = checks.keywords(for: language)
            guard !keywords.isEmpty, let text = try snapshot.text(of: entry, containingAny: keywords),
                  !exempt.contains(entry.path) else { continue }
            let lexed = CodeLexer.lex(text, language: language)
            let view = CodeView(lexed)
            let calls = CallLocator.calls(in: lexed, view: view, patterns: checks.callSites(for: language))
            var judge = CallSiteJudge(lexed: lexed, view: view, checks: checks)
            sites += judge.judge(calls, path: entry.path)
        }
        self.sites = sites
    }

    /// One finding per call site that fails `rule`, at the callee.
    func findings(_ rule: AIRequirementRule, _ description: RuleDescription, fails: String, fix: String) -> [Finding] {
        sites.compactMap { site in
            guard let unmet = site.unmet[rule] else { return nil }
            return Finding(
                rule: description,
                path: site.path,
                line: site.line,
                column: site.column,
                message: "`\(site.callee)` (\(site.sdk), call site \(site.patternID)) \(fails): \(unmet)",
                matched: "\(site.callee) in \(site.scopeKey)",
                fix: fix
            )
        }
    }
}
