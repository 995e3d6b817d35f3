import GreenlightCore

/// The `repository` requirements: process-wide instrumentation of the LLM clients
/// (OpenInference or OpenTelemetry instrumentors, Traceloop, OpenLIT, Logfire, AgentOps, Weave)
/// traces every call, wherever the call stands. Each file of the ai family's pass is searched
/// for their patterns — its code view, only when its bytes hold one of their literals — and a
/// rule met anywhere is met at every call.
struct RepositoryInstrumentation: Sendable {
    private let patterns: [CodeRegex]
    /// Literal text one of the patterns needs; nil when a pattern's cannot be told.
    private let literals: [[UInt8]]?

    init(_ checks: AIChecks) {
        patterns = checks.requirements.filter { $0.scope == .repository }.flatMap(\.patterns)
        literals = patterns.contains { $0.literals == nil } ? nil : patterns.flatMap { $0.literals ?? [] }
    }

    /// The sources of the patterns that match the file's code.
    func matches(in text: SourceText, language: SourceLanguage) -> Set<String> {
        guard !patterns.isEmpty else { return [] }
        if let literals {
            var bytes = text.text
            let holds = bytes.withUTF8 { buffer in literals.contains { ByteSearch.contains(UnsafeRawBufferPointer(buffer), $0) } }
            guard holds else { return [] }
        }
        let lexed = CodeLexer.lex(text, language: language)
        let view = CodeView(lexed)
        return Set(patterns.filter { $0.matches(in: view, range: 0..<lexed.count) }.map(\.source))
    }
}
