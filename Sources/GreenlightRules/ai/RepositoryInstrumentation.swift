import GreenlightCore

/// The `repository` requirements' patterns (by source) met somewhere in the repository's production code: a
/// process-wide instrumentation of the LLM clients (OpenInference or OpenTelemetry
/// instrumentors, Traceloop, OpenLIT, Logfire, AgentOps, Weave) traces every call, wherever the
/// call stands. Searched once per run, over the code view of the files that hold a pattern's
/// literals.
enum RepositoryInstrumentation {
    static let key = SharedKey<Set<String>>("ai.repository-requirements")

    static func found(_ checks: AIChecks, exempt: ExemptPaths, context: RuleContext) throws -> Set<String> {
        let patterns = checks.requirements.filter { $0.scope == .repository }.flatMap(\.patterns)
        guard !patterns.isEmpty else { return [] }
        return try context.shared(key) {
            var found: Set<String> = []
            var literals: [String] = []
            for pattern in patterns {
                // A pattern whose literals cannot be told is looked for in every code file.
                guard let needed = pattern.literals else {
                    literals = []
                    break
                }
                literals += needed.map { String(decoding: $0, as: UTF8.self) }
            }
            let candidates = context.snapshot.entries.filter { SourceLanguage.of(path: $0.path) != nil && !exempt.contains($0.path) }
            // Every core searches its share of the files, bytes first, nothing cached.
            let perFile = try OrderedParallelMap.map(candidates, concurrently: true, chunk: 64) { entry -> Set<String> in
                guard let language = SourceLanguage.of(path: entry.path), let bytes = try context.snapshot.textBytes(of: entry),
                      literals.isEmpty || literals.contains(where: { ByteSearch.contains(bytes, $0) }) else { return [] }
                let lexed = CodeLexer.lex(SourceText(path: entry.path, bytes: bytes), language: language)
                let view = CodeView(lexed)
                return Set(patterns.filter { $0.matches(in: view, range: 0..<lexed.count) }.map(\.source))
            }
            found = perFile.reduce(into: found) { $0.formUnion($1) }
            return found
        }
    }
}
