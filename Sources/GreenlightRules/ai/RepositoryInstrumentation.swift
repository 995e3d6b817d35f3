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

    /// Whether the file's bytes hold a literal one of the patterns needs (true when unknown).
    func mayMatch(_ bytes: [UInt8]) -> Bool {
        guard !patterns.isEmpty else { return false }
        guard let literals else { return true }
        return bytes.withUnsafeBytes { raw in literals.contains { ByteSearch.contains(raw, $0) } }
    }

    /// The sources of the patterns that match a file's code view.
    func matches(in view: CodeView, count: Int) -> Set<String> {
        Set(patterns.filter { $0.matches(in: view, range: 0..<count) }.map(\.source))
    }
}
