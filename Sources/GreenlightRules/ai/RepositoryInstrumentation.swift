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
            for entry in context.snapshot.entries where found.count < patterns.count && !exempt.contains(entry.path) {
                guard let language = SourceLanguage.of(path: entry.path),
                      let text = try literals.isEmpty ? context.snapshot.text(at: entry.path)
                        : context.snapshot.text(of: entry, containingAny: literals) else { continue }
                let lexed = CodeLexer.lex(text, language: language)
                let view = CodeView(lexed)
                for pattern in patterns where !found.contains(pattern.source) {
                    if pattern.matches(in: view, range: 0..<lexed.count) { found.insert(pattern.source) }
                }
            }
            return found
        }
    }
}
