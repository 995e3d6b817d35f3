import GreenlightCore

/// Judges transport wrappers at their callers. A call site whose function passes its payload
/// parameter through to the SDK is replaced by the calls of that function found in the
/// repository — by name, in its own file or in files of the same lexical family that name its
/// module; a private name (`_generate`, `#stream`) or a name every class has (`call`, `run`)
/// only in its own file — each judged like an SDK call site where it stands. A caller
/// that is itself a wrapper is followed up to `maxLevels`. A wrapper no code of the repository
/// calls is an API for code outside it (a library's adapter): nothing is reported for it.
struct CallerResolution {
    static let maxLevels = 3

    let snapshot: RepositorySnapshot
    let checks: AIChecks
    let exempt: ExemptPaths

    /// What a wrapper meets in its own body is met; what it leaves to its callers is judged at
    /// them — except identity when the wrapper has the end user in hand.
    func resolve(_ sites: [AICallSite]) throws -> [AICallSite] {
        var resolved: [AICallSite] = []
        var frontier: [(site: AICallSite, delegated: Set<String>)] = []
        // At a wrapper with the end user in hand, identity is judged where it stands; the rest
        // goes on to its callers.
        func delegate(_ site: AICallSite, _ unmet: Set<String>) {
            let kept: Set<String> = site.transport?.receivesUser == true ? unmet.intersection([UserIdentityRule.description.id]) : []
            if !kept.isEmpty { resolved.append(site.failing(only: kept)) }
            let delegated = unmet.subtracting(kept)
            if !delegated.isEmpty { frontier.append((site, delegated)) }
        }
        for site in sites {
            guard site.transport != nil else {
                resolved.append(site)
                continue
            }
            delegate(site, Set(site.unmet.keys))
        }
        var followed: Set<Wanted> = []
        for _ in 0..<Self.maxLevels where !frontier.isEmpty {
            let wanted = frontier
            frontier = []
            for (caller, delegated) in try callers(of: wanted, followed: &followed) {
                if caller.transport != nil {
                    let still = delegated.intersection(caller.unmet.keys)
                    if !still.isEmpty { delegate(caller, still) }
                } else {
                    resolved.append(caller.failing(only: delegated))
                }
            }
        }
        // A caller reached through several wrappers of one name is one site failing the union.
        var order: [String] = []
        var merged: [String: AICallSite] = [:]
        for site in resolved {
            let key = "\(site.path):\(site.line):\(site.column)"
            if let known = merged[key] {
                merged[key] = known.merging(site)
            } else {
                order.append(key)
                merged[key] = site
            }
        }
        return order.compactMap { merged[$0] }
    }

    /// A wrapper to find the calls of: by name, in files of its lexical family; only in its own
    /// file (`home`) when its name is private or every class has it.
    struct Wanted: Hashable {
        let name: String
        let syntax: SourceLanguage.Syntax
        let home: String?
    }

    /// What is known of a wanted wrapper: where it is, the SDK pattern it leads to, what it
    /// leaves to its callers, and the names a caller's file must mention.
    struct Wrapper {
        let path: String
        let at: String
        let pattern: CallSitePattern
        var delegated: Set<String>
        let module: [String]
    }

    /// The calls of the wrappers in `frontier`, judged, each with the rules its wrapper left to it.
    private func callers(of frontier: [(site: AICallSite, delegated: Set<String>)],
                         followed: inout Set<Wanted>) throws -> [(AICallSite, Set<String>)] {
        var wanted: [Wanted: Wrapper] = [:]
        for (site, delegated) in frontier {
            guard let name = site.transport?.function, let language = SourceLanguage.of(path: site.path) else { continue }
            let bare = name.hasPrefix("#") ? String(name.dropFirst()) : name
            let local = Self.isPrivate(name) || Self.genericFunctionNames.contains(bare)
            let key = Wanted(name: bare, syntax: language.syntax, home: local ? site.path : nil)
            if wanted[key] != nil {
                wanted[key]?.delegated.formUnion(delegated)
                continue
            }
            guard followed.insert(key).inserted else { continue }
            wanted[key] = Wrapper(path: site.path, at: "`\(bare)` at \(site.path):\(site.line)", pattern: site.pattern,
                                  delegated: delegated, module: Self.moduleNames(of: site.path))
        }
        guard !wanted.isEmpty else { return [] }
        let index = WordIndex(Set(wanted.keys.map(\.name)))
        // Wrappers followed in their own file only need no pass over the others.
        let searchesEverywhere = wanted.keys.contains { $0.home == nil }
        let homes = Set(wanted.keys.compactMap(\.home))
        let order = wanted.keys.sorted { ($0.name, $0.home ?? "") < ($1.name, $1.home ?? "") }
        let candidates = snapshot.entries.filter { entry in
            !exempt.contains(entry.path) && (searchesEverywhere || homes.contains(entry.path)) && SourceLanguage.of(path: entry.path) != nil
        }
        // Every core reads and searches its share of the files; the calls come back in file order.
        let perFile = try OrderedParallelMap.map(candidates, concurrently: true, chunk: 64) { entry -> [(AICallSite, Set<String>)] in
            // Bytes first, not cached: most files call no wrapper.
            guard let language = SourceLanguage.of(path: entry.path), let bytes = try snapshot.textBytes(of: entry) else { return [] }
            let present = index.words(in: bytes)
            guard !present.isEmpty else { return [] }
            let here = order.filter { key in
                guard let wrapper = wanted[key] else { return false }
                return key.syntax == language.syntax && (key.home == nil || key.home == entry.path)
                    && present.contains(key.name)
                    && (entry.path == wrapper.path || wrapper.module.contains { ByteSearch.contains(bytes, $0) })
            }
            guard !here.isEmpty else { return [] }
            let lexed = CodeLexer.lex(SourceText(path: entry.path, bytes: bytes), language: language)
            var judge = CallSiteJudge(lexed: lexed, view: CodeView(lexed), checks: checks)
            var found: [(AICallSite, Set<String>)] = []
            for key in here {
                guard let wrapper = wanted[key] else { continue }
                let calls = ScriptEntryBlocks.productCalls(Self.calls(of: key.name, in: lexed, pattern: wrapper.pattern), in: lexed)
                found += judge.judge(calls, path: entry.path, via: wrapper.at).map { ($0, wrapper.delegated) }
            }
            return found
        }
        let found = perFile.flatMap { $0 }
        return found.sorted { ($0.0.path, $0.0.line, $0.0.column) < ($1.0.path, $1.0.line, $1.0.column) }
    }

    /// Folder and file names too common to tie a caller to a module.
    static let genericModuleNames: Set<String> = [
        "index", "main", "mod", "utils", "util", "helpers", "base", "client", "clients", "lib", "src", "app", "core",
        "common", "api", "apis", "server", "services", "service", "__init__", "models", "model", "llm", "ai",
    ]

    /// What a file that uses the wrapper's module says: the module's file name or its folder's
    /// (`groq_client`, `llm_providers`, `openAi` for `AiProviders/openAi/index.js`). A caller
    /// in another file must name one — a same-named method of an unrelated class does not.
    static func moduleNames(of path: String) -> [String] {
        let parts = path.split(separator: "/")
        guard let file = parts.last else { return [] }
        let stem = file.split(separator: ".").first.map(String.init) ?? String(file)
        // The folder only stands for a generic file name (`openAi` for `openAi/index.js`): a
        // package folder is named by every file of the package.
        if !genericModuleNames.contains(stem) { return stem.utf8.count >= 3 ? [stem] : [] }
        guard parts.count >= 2, !genericModuleNames.contains(String(parts[parts.count - 2])) else { return [] }
        let folder = String(parts[parts.count - 2])
        return folder.utf8.count >= 3 ? [folder] : []
    }

    /// Method names every other class has (`call`, `run`, `invoke` …): a wrapper so named is
    /// followed to callers in its own file only.
    static let genericFunctionNames: Set<String> = [
        "call", "run", "invoke", "ainvoke", "execute", "create", "generate", "chat", "complete", "completion", "request",
        "send", "stream", "predict", "query", "ask", "get", "post", "process", "handle", "__call__", "acall", "arun",
        "forward", "respond", "answer",
    ]

    /// `_generate`, `__call_model`, `#stream`: called from its own file only.
    static func isPrivate(_ name: String) -> Bool {
        name.hasPrefix("_") || name.hasPrefix("#")
    }

    /// Calls of `name` in code: at an identifier boundary (after `.`, `#` or not), followed by
    /// `(` — not its definition.
    static func calls(of name: String, in lexed: LexedSource, pattern: CallSitePattern) -> [LocatedCall] {
        let code = lexed.code
        let needle = Array(name.utf8)
        var calls: [LocatedCall] = []
        var from = 0
        while let offset = WordIndex.firstOffset(of: needle, in: code, from: from) {
            let end = offset + needle.count
            from = end
            guard let next = CallLocator.nextSignificant(after: end, in: code, newlines: false),
                  code[next] == UInt8(ascii: "("), let bracket = lexed.bracket(openingAt: next) else { continue }
            let start = CallLocator.calleeStart(from: offset > 0 && code[offset - 1] == UInt8(ascii: "#") ? offset - 1 : offset, in: code)
            let call = LocatedCall(pattern: pattern, calleeStart: start, open: next, end: min(bracket.close + 1, lexed.count))
            if !CallLocator.isDefinition(call, in: lexed) { calls.append(call) }
        }
        return calls
    }
}
