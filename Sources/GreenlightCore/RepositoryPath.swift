/// Paths inside a repository, `/`-separated and relative to its root: the folder a file is in,
/// a path joined to a folder, and `.` / `..` resolved — shared by every rule that follows one
/// file to another (a Compose `build:` context, a script a step runs, an `env_file:`).
public enum RepositoryPath {
    /// The folder of `path` (`""` at the root).
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// The last segment, `c.ts` of `a/b/c.ts`, without splitting the path: rules ask it of every
    /// entry of the snapshot, so it searches bytes, not characters.
    public static func name(of path: String) -> Substring {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path[...] }
        return path[path.utf8.index(after: slash)...]
    }

    public static func name(of path: Substring) -> Substring {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return path[path.utf8.index(after: slash)...]
    }

    /// `path` read from `directory` (`.` or `""`: the root).
    public static func join(_ directory: String, _ path: String) -> String {
        directory == "." || directory.isEmpty ? path : directory + "/" + path
    }

    /// `.` and empty components dropped, `..` resolved (never above the root).
    public static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") where part != "." && !part.isEmpty {
            if part == "..", !parts.isEmpty { parts.removeLast() } else { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }
}
