/// Code a repository carries but its team does not write: installed dependencies, vendored
/// copies and build output. A rule about the team's own code leaves it out.
public enum VendoredCode {
    /// Folders, at any depth, that hold someone else's code or generated code.
    public static let folders = ["node_modules", "bower_components", "vendor", "third_party", "site-packages", ".venv",
                                 "dist"]
    /// File-name endings of generated code.
    public static let fileSuffixes = [".min.js"]

    /// The same, as globs (`node_modules/`, `*.min.js`).
    public static var globPatterns: [String] {
        folders.map { $0 + "/" } + fileSuffixes.map { "*" + $0 }
    }

    public static func contains(_ path: String) -> Bool {
        let framed = "/" + path
        return folders.contains { framed.contains("/" + $0 + "/") } || fileSuffixes.contains { path.hasSuffix($0) }
    }
}
