/// Which files hold program source, by extension: where routes are defined and code lives
/// (as opposed to documents, data and configuration).
public enum SourceCode {
    public static let extensions: Set<String> = [
        "ts", "tsx", "mts", "cts", "js", "jsx", "mjs", "cjs", "vue", "svelte", "astro",
        "py", "pyi", "go", "swift", "rb", "java", "kt", "rs", "php",
    ]

    public static func isCode(_ path: String) -> Bool {
        let name = RepositoryPath.name(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return extensions.contains(name[name.index(after: dot)...].lowercased())
    }
}
