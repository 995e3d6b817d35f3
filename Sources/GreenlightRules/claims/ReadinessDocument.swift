import GreenlightCore

/// Which Markdown files are readiness documents, and what their backticked text cites.
public enum ReadinessDocument {
    /// Name fragments that mark a readiness document, matched case-insensitively.
    public static let nameKeywords = ["readiness", "roadmap", "status", "todo", "checklist"]

    /// A Markdown file whose name contains one of the keywords.
    public static func isReadinessDocument(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map { $0.lowercased() } ?? ""
        guard name.hasSuffix(".md") || name.hasSuffix(".markdown") || name.hasSuffix(".mdx") else { return false }
        return nameKeywords.contains { name.contains($0) }
    }
}
