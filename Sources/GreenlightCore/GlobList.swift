/// Many globs against many paths: a path is split once for all of them, and the globs that
/// name a path outright are looked up in a set (a thousand agent logs listed one by one cost
/// a few lookups per path, not a thousand matches).
public struct GlobList: Sendable {
    public let globs: [Glob]
    private let literals: Set<String>
    private let others: [Glob]

    public init(_ globs: [Glob]) {
        self.globs = globs
        var literals: Set<String> = []
        var others: [Glob] = []
        for glob in globs {
            if let path = glob.literalPath { literals.insert(path) } else { others.append(glob) }
        }
        self.literals = literals
        self.others = others
    }

    public var isEmpty: Bool { globs.isEmpty }

    /// Whether any glob matches `path` (or one of its parent directories).
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        if !literals.isEmpty {
            var prefix = ""
            for part in parts {
                prefix += prefix.isEmpty ? String(part) : "/" + part
                if literals.contains(prefix) { return true }
            }
        }
        return others.contains { $0.matches(parts: parts) }
    }
}
