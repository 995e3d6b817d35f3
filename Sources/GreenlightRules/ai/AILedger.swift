import GreenlightCore

/// Every LLM call site of the snapshot, found and judged once per run: the ai rules read their
/// findings from here.
final class AILedger {
    let sites: [AICallSite]

    /// The run's ledger, built on first use.
    static let key = SharedKey<AILedger>("ai.ledger")

    static func of(_ context: RuleContext) throws -> AILedger {
        try context.shared(key) {
            let judge = try AIFileJudge.of(context)
            let files = try context.visits { judge }.files.map(\.value)
            let sites = files.flatMap(\.sites)
            // Rules a repository-wide requirement meets (process-wide instrumentation) are met
            // at every call; calls judged before the pass ended did not know it.
            let instrumented = files.reduce(into: Set<String>()) { $0.formUnion($1.repositoryMatches) }
            var metEverywhere = Set(judge.checks.requirements.filter { requirement in
                requirement.scope == .repository && requirement.patterns.contains { instrumented.contains($0.source) }
            }.map(\.rule))
            // Identity is asked where the code knows its users, or where the team says how it passes them.
            let identity = UserIdentityRule.description.id
            if judge.checks.settings.replaced[identity] == nil, !files.contains(where: \.namesUsers) { metEverywhere.insert(identity) }
            var checks = judge.checks
            checks.foundInRepository = instrumented
            let resolution = CallerResolution(snapshot: context.snapshot, checks: checks, exempt: judge.exempt)
            let resolved = try resolution.resolve(sites.map { $0.failing(only: Set($0.unmet.keys).subtracting(metEverywhere), keepingTransport: true) })
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
    public static let key = SharedKey<FileVisits<AIFileFacts>>("ai.call-sites")
    let checks: AIChecks
    let exempt: ExemptPaths
    let instrumentation: RepositoryInstrumentation

    /// The run's judge, built once: its packs are loaded and its env templates read once for the
    /// three rules and the ledger.
    static let judgeKey = SharedKey<AIFileJudge>("ai.file-judge")

    static func of(_ context: RuleContext) throws -> AIFileJudge {
        try context.shared(judgeKey) { try AIFileJudge(context) }
    }

    private init(_ context: RuleContext) throws {
        let settings = context.section(AISettings.self)
        var checks = try AIChecks.load(settings: settings, snapshot: context.snapshot, configFile: context.configFile)
        // What the deployment's env templates switch on (an SDK's tracing).
        for entry in context.snapshot.entries where EnvFiles.isTemplate(entry.path) {
            if let text = try context.snapshot.text(at: entry.path) { checks.switchedOn.formUnion(EnvFiles.switchedOn(text)) }
        }
        self.checks = checks
        exempt = ExemptPaths(settings.exempt)
        instrumentation = RepositoryInstrumentation(checks)
    }

    public func wants(_ entry: SnapshotEntry) -> Bool {
        guard let language = SourceLanguage.of(path: entry.path), !checks.keywords(for: language).isEmpty else { return false }
        return !exempt.contains(entry.path)
    }

    public func visit(_ entry: SnapshotEntry, bytes: [UInt8]) throws -> AIFileFacts? {
        guard let language = SourceLanguage.of(path: entry.path) else { return nil }
        let namesUsers = EndUsers.named(in: bytes)
        let hasCalls = checks.keywords(for: language).contains { ByteSearch.contains(bytes, $0) }
        let instrumented = instrumentation.mayMatch(bytes)
        guard hasCalls || instrumented else { return namesUsers ? AIFileFacts(sites: [], namesUsers: true, repositoryMatches: []) : nil }
        // Lexed once, for the call sites and the instrumentation alike.
        let text = SourceText(path: entry.path, bytes: bytes)
        let lexed = CodeLexer.lex(text, language: language)
        let view = CodeView(lexed)
        let repositoryMatches = instrumented ? instrumentation.matches(in: view, count: lexed.count) : []
        guard hasCalls else { return AIFileFacts(sites: [], namesUsers: namesUsers, repositoryMatches: repositoryMatches) }
        var calls = CallLocator.calls(in: lexed, view: view, patterns: checks.callSites(for: language))
        calls = ScriptEntryBlocks.productCalls(calls, in: lexed)
        if calls.contains(where: { $0.pattern.requiredImport != nil }) {
            let imported = checks.imports.sdks(in: text, language: language)
            calls.removeAll { call in call.pattern.requiredImport.map { !imported.contains($0) } ?? false }
        }
        var judge = CallSiteJudge(lexed: lexed, view: view, checks: checks)
        let sites = judge.judge(calls, path: entry.path)
        guard !sites.isEmpty || namesUsers || !repositoryMatches.isEmpty else { return nil }
        return AIFileFacts(sites: sites, namesUsers: namesUsers, repositoryMatches: repositoryMatches)
    }
}

/// What the ai family keeps of one file: its call sites, judged, and the repository-wide facts
/// it holds — whether it names an end user's identity (`EndUsers`), and which repository-scope
/// requirement patterns it matches (`RepositoryInstrumentation`).
public struct AIFileFacts: Sendable {
    let sites: [AICallSite]
    let namesUsers: Bool
    let repositoryMatches: Set<String>
}
