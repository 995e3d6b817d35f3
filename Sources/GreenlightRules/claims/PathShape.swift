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
        "mod", "sum", "gradle", "properties", "plist", "pbxproj", "http", "rego", "wasm", "zip", "gz", "tgz", "tar",
        "har", "jsonl", "ndjson", "sarif", "feature",
    ]
    static let extensionlessNames: Set<String> = [
        "Dockerfile", "Containerfile", "Makefile", "Procfile", "Gemfile", "Rakefile", "Justfile",
        "Jenkinsfile", "Vagrantfile", "README", "LICENSE", "CODEOWNERS", "Brewfile", "Caddyfile",
    ]
    static let mediaTypePrefixes: Set<String> = ["application", "text", "image", "audio", "video", "multipart", "font"]

    /// Bytes that never appear in a cited path: whitespace, quotes, code punctuation.
    private static let forbidden: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in 0...0x20 { table[byte] = true }
        for byte in "()=<>,;'\"|&$@!%^".utf8 { table[Int(byte)] = true }
        table[0x7F] = true
        return table
    }()

    /// The text, cleaned of a `./` prefix and a `:line` or `#L…` suffix, if it looks like a
    /// relative path; nil otherwise. Screened on bytes first: it runs for every backticked span.
    public static func relativePath(_ text: String) -> String? {
        let utf8 = text.utf8
        guard let first = utf8.first, utf8.count <= 1200 else { return nil }
        if first == UInt8(ascii: "/") || first == UInt8(ascii: "-") || first == UInt8(ascii: "~") { return nil }
        for byte in utf8 where forbidden[Int(byte)] { return nil }
        if ByteSearch.contains(text, "://") { return nil }
        if utf8.count >= 7, String(decoding: utf8.prefix(7), as: UTF8.self).lowercased() == "mailto:" { return nil }
        var candidate = Substring(text)
        if let hash = candidate.utf8.firstIndex(of: UInt8(ascii: "#")) { candidate = candidate[..<hash] }
        if let colon = candidate.utf8.firstIndex(of: UInt8(ascii: ":")) {
            let suffix = candidate.utf8[candidate.utf8.index(after: colon)...]
            guard suffix.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "-") }) else {
                return nil
            }
            candidate = candidate[..<colon]
        }
        while candidate.utf8.starts(with: "./".utf8) { candidate = candidate.dropFirst(2) }
        guard !candidate.isEmpty, candidate != "." else { return nil }
        let trailingSlash = candidate.utf8.last == UInt8(ascii: "/")
        let segments = candidate.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        let pathSegments = trailingSlash ? segments.dropLast() : segments[...]
        guard let head = pathSegments.first, let last = pathSegments.last,
              pathSegments.allSatisfy({ !$0.isEmpty }) else { return nil }
        if isEnvironmentName(candidate.utf8[...]) || isEnvironmentName(head) { return nil }
        if pathSegments.count == 1 && !trailingSlash {
            return looksLikeFileName(Substring(last)) ? String(candidate) : nil
        }
        if pathSegments.count == 2, mediaTypePrefixes.contains(String(decoding: head, as: UTF8.self)) { return nil }
        // A placeholder (`animate-sheet-in/out-{side}`: a class name's pattern) where no file
        // name ends it; a glob's braces hold a comma (`{ts,tsx}`).
        if candidate.utf8.contains(UInt8(ascii: "{")) && !candidate.utf8.contains(UInt8(ascii: ","))
            && !looksLikeFileName(Substring(last)) { return nil }
        if pathSegments.allSatisfy({ $0.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") } }) { return nil }
        return String(candidate)
    }

    /// Where a laptop keeps a checkout: an absolute path under one of these is a repository
    /// file cited from the author's machine (`/Users/ana/src/shop/app/rag/store.py`).
    static let homeRoots = ["/Users/", "/home/", "/root/", "/workspace/", "/workspaces/"]
    /// System folders: an absolute path under one is never a repository file.
    static let systemRoots: Set<String> = ["etc", "var", "usr", "tmp", "dev", "proc", "sys", "opt", "bin", "sbin", "lib",
                                           "run", "srv", "mnt", "private", "System", "Library", "Applications", "Volumes"]

    /// A cited absolute path, as it is to be looked up: a laptop path kept whole (resolved by
    /// its longest existing suffix), a repository-rooted file (`/src/app.ts`) without its
    /// slash. Nil for routes (`/api/users`: no file name), system paths and anything else.
    public static func absolutePath(_ text: String) -> String? {
        guard text.hasPrefix("/"), !text.hasPrefix("//"), text.utf8.count <= 1200,
              !text.utf8.contains(where: { forbidden[Int($0)] }) else { return nil }
        if homeRoots.contains(where: { text.hasPrefix($0) }) {
            let parts = text.split(separator: "/")
            return parts.count >= 4 && looksLikeFileName(parts.last!) ? text : nil
        }
        let parts = text.split(separator: "/")
        guard parts.count >= 2, let head = parts.first, !systemRoots.contains(String(head)),
              looksLikeFileName(parts.last!) else { return nil }
        return relativePath(String(text.dropFirst()))
    }

    /// `FLYWHEEL_*`, `API_KEY`: upper-case ASCII words with underscores.
    static func isEnvironmentName(_ text: Substring.UTF8View.SubSequence) -> Bool {
        var letter = false
        for byte in text {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): letter = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "*"): continue
            default: return false
            }
        }
        return letter
    }

    static func isEnvironmentName(_ text: String) -> Bool {
        isEnvironmentName(Substring(text).utf8[...])
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
