import GreenlightCore

/// `docker:` in `.greenlight.yml`: which files are Dockerfiles besides the usual names.
public struct DockerSection: ConfigSection {
    public static let key = "docker"

    /// Extra globs of Dockerfiles (e.g. `deploy/*.df`).
    public var paths: [Glob] = []

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case paths
    }

    public init(from decoder: Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let patterns = try container.decodeIfPresent([String].self, forKey: .paths) ?? []
        paths = try patterns.enumerated().map { index, pattern in
            do {
                return try Glob(pattern)
            } catch let error as Glob.SyntaxError {
                throw DecodingError.dataCorrupted(DecodingError.Context(
                    codingPath: [CodingKeys.paths, AnyCodingKey(intValue: index)], debugDescription: error.description))
            }
        }
    }
}

/// Which snapshot entries are Dockerfiles, and their parses, shared by the docker rules (and
/// `ci.docker-build-missing`) through the run's parse cache.
public enum DockerfileFiles {
    static let parserKey = ParserKey<Dockerfile>("docker.dockerfile")
    static let entriesKey = SharedKey<[SnapshotEntry]>("docker.entries")
    static let parsedKey = SharedKey<[Dockerfile]>("docker.parsed")
    /// Suffixes after `Dockerfile.` that mean a template, a document or source code, not a
    /// Dockerfile.
    private static let notDockerfiles: Set<String> = [
        "md", "txt", "rst", "go", "py", "js", "ts", "sh", "json", "yml", "yaml", "toml", "rs", "swift", "java",
        "rb", "dockerignore", "tmpl", "template", "tpl", "j2", "jinja", "jinja2", "erb", "in", "mustache", "hbs", "ejs",
        // Editors' grammars and snippets for Dockerfiles.
        "tmlanguage", "plist", "xml", "html", "sublime-syntax", "vim", "el", "cson", "nanorc", "tmsnippet",
    ]

    /// `Dockerfile`, `Containerfile`, `*.Dockerfile`, `Dockerfile.*` (not templates or docs).
    public static func isDockerfileName(_ path: String) -> Bool {
        let name = RepositoryPath.name(of: path).lowercased()
        if name == "dockerfile" || name == "containerfile" { return true }
        if name.hasSuffix(".dockerfile") || name.hasSuffix(".containerfile") { return true }
        for prefix in ["dockerfile.", "containerfile."] where name.hasPrefix(prefix) {
            let suffix = name.dropFirst(prefix.count)
            return !suffix.isEmpty && !notDockerfiles.contains(suffix.split(separator: ".").last.map(String.init) ?? "")
        }
        return false
    }

    /// The snapshot's Dockerfile entries, in path order.
    public static func entries(_ context: RuleContext) -> [SnapshotEntry] {
        context.shared(entriesKey) {
            let extra = context.section(DockerSection.self).paths
            // A vendored dependency's Dockerfiles (`vendor/laravel/sail/…`) are not the team's.
            return context.snapshot.entries.filter { entry in
                (mayBeDockerfile(entry.path) && isDockerfileName(entry.path) && !VendoredCode.contains(entry.path))
                    || extra.contains { $0.matches(entry.path) }
            }
        }
    }

    /// A cheap byte test before the exact one, asked of every path: the name ends in "file"
    /// (any case) somewhere — `Dockerfile`, `Containerfile`, `api.Dockerfile`, `Dockerfile.dev`.
    private static func mayBeDockerfile(_ path: String) -> Bool {
        var last = (UInt8(0), UInt8(0), UInt8(0))
        for byte in RepositoryPath.name(of: path).utf8 {
            let lower = byte | 0x20
            if last == (UInt8(ascii: "f"), UInt8(ascii: "i"), UInt8(ascii: "l")) && lower == UInt8(ascii: "e") { return true }
            last = (last.1, last.2, lower)
        }
        return false
    }

    /// Every readable Dockerfile, parsed once per run.
    public static func parsed(_ context: RuleContext) throws -> [Dockerfile] {
        try context.shared(parsedKey) {
            try entries(context).compactMap { entry in
                guard case .text(let text) = try context.snapshot.content(of: entry) else { return nil }
                return context.parsed(parserKey, text, parse: DockerfileParser.parse)
            }
        }
    }
}

extension Finding {
    /// A finding of a docker rule at `position` of `file`.
    init(_ description: RuleDescription, _ file: Dockerfile, _ position: SourcePosition, _ message: String,
         matched: String, fix: String? = nil) {
        self.init(rule: description, path: file.path, line: position.line, column: position.column,
                  message: message, matched: matched, fix: fix)
    }
}
