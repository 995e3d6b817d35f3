/// Many globs against many paths: a path is split once for all of them, and the globs that
/// name a path outright are looked up in a set (a thousand agent logs listed one by one cost
/// a few lookups per path, not a thousand matches).
public struct GlobList: Sendable {
    public let globs: [Glob]
    private let literals: Set<String>
    private let others: [Glob]
    /// The first segments a matching path can have, when every glob starts with a plain name:
    /// a path is then turned away before it is split (lists are asked of every entry).
    private let anchors: Set<Substring>?

    public init(_ globs: [Glob]) {
        self.globs = globs
        var literals: Set<String> = []
        var others: [Glob] = []
        for glob in globs {
            if let path = glob.literalPath { literals.insert(path) } else { others.append(glob) }
        }
        self.literals = literals
        self.others = others
        var anchors: Set<Substring>? = []
        for glob in globs {
            guard let names = glob.firstNames else { anchors = nil; break }
            anchors?.formUnion(names.map { Substring($0) })
        }
        self.anchors = anchors
    }

    public var isEmpty: Bool { globs.isEmpty }

    /// Whether any glob matches `path` (or one of its parent directories).
    public func matches(_ path: String) -> Bool {
        if let anchors {
            let trimmed = path.utf8.first == UInt8(ascii: "/") ? path.dropFirst() : path[...]
            let first = trimmed.utf8.firstIndex(of: UInt8(ascii: "/")).map { trimmed[..<$0] } ?? trimmed
            guard anchors.contains(first) else { return false }
        }
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
