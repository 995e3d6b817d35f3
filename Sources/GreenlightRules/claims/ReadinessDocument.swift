import GreenlightCore

/// Which Markdown files are readiness documents, and what their backticked text cites.
public enum ReadinessDocument {
    /// Name fragments that mark a readiness document, matched case-insensitively: the
    /// documents teams keep (`PRODUCTION_READINESS.md`, `STATUS.md`,
    /// `IMPLEMENTATION_STATUS.md`, `PROGRESS.md`, `LAUNCH_CHECKLIST.md`, `AUTH_COMPLETE.md`,
    /// `PHASE_2_COMPLETION_REPORT.md`, `DEPLOYMENT_READY.md`).
    public static let nameKeywords = ["readiness", "roadmap", "status", "todo", "checklist", "progress", "_complete",
                                      "-complete", "completion", "deployment_ready", "deployment-ready"]
    /// Whole names that mark one: speckit's `tasks.md`.
    public static let names: Set<String> = ["tasks.md"]
    /// Name starts that mark one: `PHASE_3.md`, `phase-2-plan.md`.
    public static let namePrefixes = ["phase_", "phase-"]

    /// Folders of retired documents: a report kept for history claims nothing about the commit.
    public static let archiveFolders: Set<String> = ["archive", "_archive", ".archive", "archived", "attic"]

    /// A Markdown file named as a readiness document — not an ordinary README, nor one kept in
    /// an archive folder (name it under `claims: docs:` to have it read).
    public static func isReadinessDocument(_ path: String) -> Bool {
        let name = RepositoryPath.name(of: path).lowercased()
        guard name.hasSuffix(".md") || name.hasSuffix(".markdown") || name.hasSuffix(".mdx"), !name.hasPrefix("readme")
        else { return false }
        if path.split(separator: "/").dropLast().contains(where: { archiveFolders.contains($0.lowercased()) }) { return false }
        return names.contains(name) || nameKeywords.contains { name.contains($0) } || namePrefixes.contains { name.hasPrefix($0) }
    }
}
