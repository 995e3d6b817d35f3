import GreenlightCore

/// Every LLM call site of the snapshot, found and judged once per run: the ai rules read their
/// findings from here.
final class AILedger {
    let sites: [AICallSite]

    /// The run's ledger, built on first use.
    static let key = SharedKey<AILedger>("ai.ledger")

    static func of(_ context: RuleContext) throws -> AILedger {
        try context.shared(key) {
            let judge = try AIFileJudge(context)
            let sites = try context.visits { judge }.files.flatMap(\.value)
            let resolution = CallerResolution(snapshot: context.snapshot, checks: judge.checks, exempt: judge.exempt)
            var resolved = try resolution.resolve(sites)
            // Identity is asked where the code knows its users, or where the team says how it passes them.
            let identity = UserIdentityRule.description.id
            if resolved.contains(where: { $0.unmet[identity] != nil }), judge.checks.settings.replaced[identity] == nil,
               try !EndUsers.known(in: context.snapshot, exempt: judge.exempt) {
                resolved = resolved.map { $0.failing(only: Set($0.unmet.keys).subtracting([identity])) }
            }
            return AILedger(sites: resolved)
        }
    }

    private init(sites: [AICallSite]) {
        self.sites = sites
    }

    /// One finding per call site that fails `rule`, at the callee.
    func findings(_ description: RuleDescription, fails: String, fix: String) -> [Finding] {
        sites.compactMap { site in
            guard let unmet = site.unmet[description.id] else { return nil }
            let subject = "`\(site.callee)` (\(site.sdk), call site \(site.patternID))"
            var finding = Finding(
                rule: description,
                path: site.path,
                line: site.line,
                column: site.column,
                message: "\(subject) \(fails): \(unmet)",
                matched: "\(site.callee) in \(site.scopeKey)",
                fix: fix
            )
            finding.subject = subject
            return finding
        }
    }
}

/// The ai family's part of the run's one pass over every file: the LLM call sites of each file
/// whose extension is a known language and whose bytes hold a call-site keyword, found and
/// judged; each such file is lexed once.
public struct AIFileJudge: FileVisitor {
    public static let key = SharedKey<FileVisits<[AICallSite]>>("ai.call-sites")
    let checks: AIChecks
    let exempt: ExemptPaths

    init(_ context: RuleContext) throws {
        let settings = context.section(AISettings.self)
        var checks = try AIChecks.load(settings: settings, snapshot: context.snapshot)
        exempt = ExemptPaths(settings.exempt)
        checks.foundInRepository = try RepositoryInstrumentation.found(checks, exempt: exempt, context: context)
        self.checks = checks
    }

    public func wants(_ entry: SnapshotEntry) -> Bool {
        guard let language = SourceLanguage.of(path: entry.path), !checks.keywords(for: language).isEmpty else { return false }
        return !exempt.contains(entry.path)
    }

    public func visit(_ entry: SnapshotEntry, bytes: [UInt8]) throws -> [AICallSite]? {
        guard let language = SourceLanguage.of(path: entry.path),
              checks.keywords(for: language).contains(where: { ByteSearch.contains(bytes, $0) }) else { return nil }
        let text = SourceText(path: entry.path, bytes: bytes)
        let lexed = CodeLexer.lex(text, language: language)
        let view = CodeView(lexed)
        var calls = CallLocator.calls(in: lexed, view: view, patterns: checks.callSites(for: language))
        calls = ScriptEntryBlocks.productCalls(calls, in: lexed)
        if calls.contains(where: { $0.pattern.requiredImport != nil }) {
            let imported = checks.imports.sdks(in: text, language: language)
            calls.removeAll { call in call.pattern.requiredImport.map { !imported.contains($0) } ?? false }
        }
        var judge = CallSiteJudge(lexed: lexed, view: view, checks: checks)
        let sites = judge.judge(calls, path: entry.path)
        return sites.isEmpty ? nil : sites
    }
}
