import GreenlightCore

/// Decides by shape whether backticked text is a relative path: env var names, commands, URLs,
/// routes, code and versions are not.
public enum PathShape {
    static let knownExtensions: Set<String> = [
        "md", "markdown", "mdx", "txt", "rst", "ts", "tsx", "js", "jsx", "mjs", "cjs", "py", "pyi", "go",
        "rs", "swift", "java", "kt", "kts", "rb", "php", "cs", "c", "h", "cc", "cpp", "hpp", "m", "scala",
        "json", "jsonc", "yaml", "yml", "toml", "ini", "cfg", "conf", "env", "lock", "xml", "html", "css",
        "scss", "sass", "less", "vue", "svelte", "sh", "bash", "zsh", "ps1", "sql", "prisma", "graphql", "gql",
        "proto", "tf", "tfvars", "hcl", "csv", "tsv", "ipynb", "svg", "png", "jpg", "jpeg", "gif", "pdf",
        "dockerfile", "example", "sample", "template", "tmpl", "j2", "snap", "log", "pem", "crt", "lcov",
        "mod", "sum", "gradle", "properties", "plist", "pbxproj", "http", "rego", "wasm",
    ]
    static let extensionlessNames: Set<String> = [
        "Dockerfile", "Containerfile", "Makefile", "Procfile", "Gemfile", "Rakefile", "Justfile",
        "Jenkinsfile", "Vagrantfile", "README", "LICENSE", "CODEOWNERS", "Brewfile", "Caddyfile",
    ]
    static let mediaTypePrefixes: Set<String> = ["application", "text", "image", "audio", "video", "multipart", "font"]

    /// The text, cleaned of a `./` prefix and a `:line` or `#L…` suffix, if it looks like a
    /// relative path; nil otherwise.
    public static func relativePath(_ text: String) -> String? {
        var candidate = text
        guard !candidate.isEmpty, candidate.count <= 300 else { return nil }
        guard !candidate.contains(where: { $0.isWhitespace || "()=<>,;'\"|&$@!%^".contains($0) }) else { return nil }
        guard !candidate.contains("://"), !candidate.hasPrefix("/"), !candidate.hasPrefix("-"),
              !candidate.hasPrefix("~"), !candidate.lowercased().hasPrefix("mailto:") else { return nil }
        if let hash = candidate.firstIndex(of: "#") { candidate = String(candidate[..<hash]) }
        if let colon = candidate.firstIndex(of: ":") {
            let suffix = candidate[candidate.index(after: colon)...]
            guard suffix.allSatisfy({ $0.isNumber || $0 == ":" || $0 == "-" }) else { return nil }
            candidate = String(candidate[..<colon])
        }
        while candidate.hasPrefix("./") { candidate.removeFirst(2) }
        guard !candidate.isEmpty, candidate != "." else { return nil }
        let segments = candidate.split(separator: "/", omittingEmptySubsequences: false)
        let pathSegments = candidate.hasSuffix("/") ? segments.dropLast() : segments[...]
        guard !pathSegments.isEmpty, pathSegments.allSatisfy({ !$0.isEmpty }) else { return nil }
        let last = pathSegments.last!
        if isEnvironmentName(candidate) || isEnvironmentName(String(pathSegments[pathSegments.startIndex])) { return nil }
        if pathSegments.count == 1 && !candidate.hasSuffix("/") {
            return looksLikeFileName(last) ? candidate : nil
        }
        if let first = pathSegments.first, mediaTypePrefixes.contains(String(first)), pathSegments.count == 2 {
            return nil
        }
        if pathSegments.allSatisfy({ $0.allSatisfy { $0.isNumber || $0 == "." } }) { return nil }
        return candidate
    }

    /// `FLYWHEEL_*`, `API_KEY`: upper-case words with underscores.
    static func isEnvironmentName(_ text: String) -> Bool {
        text.contains(where: { $0.isLetter }) && text.allSatisfy { ($0.isUppercase && $0.isASCII) || $0.isNumber || $0 == "_" || $0 == "*" }
    }

    static func looksLikeFileName(_ name: Substring) -> Bool {
        if extensionlessNames.contains(String(name)) { return true }
        if name.hasPrefix(".") && name.count > 1 { return !name.dropFirst().contains(where: { $0 == "." }) || looksLikeFileName(name.dropFirst()) }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        let ext = name[name.index(after: dot)...].lowercased()
        if ext.contains("*") { return true }
        return knownExtensions.contains(ext)
    }
}
