import GreenlightCore

/// What the repository's `.gitignore` files keep out of it: a cited path they exclude (a local
/// virtual environment, a build's `dist/`) is no committed evidence, and its absence from the
/// commit is no lie. Patterns apply below their file's folder, in order, the last match deciding
/// (`!` re-includes), as git reads them.
struct IgnoredPaths {
    private struct Rule {
        let folder: String
        let glob: Glob
        let negated: Bool
    }

    private let rules: [Rule]

    init(_ snapshot: RepositorySnapshot) throws {
        var rules: [Rule] = []
        for entry in snapshot.entries where entry.path == ".gitignore" || entry.path.hasSuffix("/.gitignore") {
            guard let text = try snapshot.text(at: entry.path) else { continue }
            let folder = RepositoryPath.folder(of: entry.path)
            for line in text.lines {
                var pattern = line.trimmingWhitespace
                guard !pattern.isEmpty, !pattern.hasPrefix("#") else { continue }
                let negated = pattern.hasPrefix("!")
                if negated { pattern = String(pattern.dropFirst()) }
                guard let glob = try? Glob(pattern) else { continue }
                rules.append(Rule(folder: folder, glob: glob, negated: negated))
            }
        }
        self.rules = rules
    }

    /// Whether `path` (from the repository root; a trailing `/` names a folder) is ignored.
    func ignores(_ path: String) -> Bool {
        let path = path.hasSuffix("/") ? String(path.dropLast()) : path
        // An elided path (`ee/.../controls.py`) names no real folder: `.*` must not take `...`.
        guard !path.split(separator: "/").contains(where: { $0.allSatisfy { $0 == "." || $0 == "…" } }) else { return false }
        var ignored = false
        for rule in rules {
            let relative: Substring
            if rule.folder.isEmpty {
                relative = path[...]
            } else if path.hasPrefix(rule.folder + "/") {
                relative = path.dropFirst(rule.folder.count + 1)
            } else {
                continue
            }
            if rule.glob.matches(String(relative)) { ignored = !rule.negated }
        }
        return ignored
    }
}
