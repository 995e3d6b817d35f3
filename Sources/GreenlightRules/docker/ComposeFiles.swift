import GreenlightCore

/// The repository's Compose files and their services, parsed once per run for every family
/// that reads them: the Dockerfiles a service builds and health-checks
/// (`docker.healthcheck-missing`), the env files a service loads (`secrets.env-example-drift`).
enum ComposeFiles {
    struct Service {
        /// The Compose file's folder, which its relative paths are read from.
        let folder: String
        let node: YAMLNode
    }

    static let parserKey = ParserKey<YAMLDocument>("docker.compose")
    static let healthcheckedKey = SharedKey<Set<String>>("docker.compose-healthchecks")

    /// `docker-compose.yml`, `compose.yaml`, `docker-compose.prod.yml` …
    static func isComposeFile(_ path: String) -> Bool {
        // Asked of every path: the name alone, lowercased only when its extension is YAML's.
        let name = RepositoryPath.name(of: path)
        guard let dot = name.lastIndex(of: "."), ["yml", "yaml"].contains(name[name.index(after: dot)...].lowercased()) else {
            return false
        }
        let lower = name.lowercased()
        return lower.hasPrefix("docker-compose") || lower.hasPrefix("compose")
    }

    /// Every service of every Compose file, in path order.
    static func services(_ context: RuleContext) throws -> [Service] {
        var services: [Service] = []
        for entry in context.snapshot.entries where isComposeFile(entry.path) {
            services += try self.services(of: entry, context) ?? []
        }
        return services
    }

    /// The services of one Compose file; nil when it cannot be read.
    private static func services(of entry: SnapshotEntry, _ context: RuleContext) throws -> [Service]? {
        guard case .text(let text) = try context.snapshot.content(of: entry) else { return nil }
        let document = context.parsed(parserKey, text) { YAMLComposer.compose($0.text) }
        let folder = RepositoryPath.folder(of: entry.path)
        return (document.root?["services"]?.mapping ?? []).map { Service(folder: folder, node: $0.value) }
    }

    /// The Dockerfile a service builds (`build: ./api`, `build: {context: ., dockerfile: …}`),
    /// or nil when it runs a published image or its path is an expression.
    static func dockerfile(builtBy service: Service) -> String? {
        guard let build = service.node["build"] else { return nil }
        let buildContext = build.string ?? build["context"]?.string ?? "."
        let dockerfile = build["dockerfile"]?.string ?? "Dockerfile"
        guard !buildContext.contains("$"), !dockerfile.contains("$"), !buildContext.contains("://") else { return nil }
        let base = RepositoryPath.join(service.folder, buildContext)
        return RepositoryPath.normalise(dockerfile.hasPrefix("/") ? dockerfile : RepositoryPath.join(base, dockerfile))
    }

    /// The Dockerfiles the services of the Compose file at `path` build; nil when the file is
    /// not in the snapshot.
    static func dockerfiles(builtBy path: String, _ context: RuleContext) throws -> [String]? {
        guard let entry = context.snapshot.entries.first(where: { $0.path == path }),
              let services = try services(of: entry, context) else { return nil }
        return services.compactMap(dockerfile(builtBy:))
    }

    /// Paths of the Dockerfiles a Compose service builds (`build: ./api`,
    /// `build: {context: ., dockerfile: docker/Dockerfile}`) and health-checks (`healthcheck:`,
    /// not `disable: true`): where Compose runs the image, its health check is there.
    static func healthchecked(_ context: RuleContext) throws -> Set<String> {
        try context.shared(healthcheckedKey) {
            var paths: Set<String> = []
            for service in try services(context) {
                guard let health = service.node["healthcheck"], health["disable"]?.string != "true",
                      let dockerfile = dockerfile(builtBy: service) else { continue }
                paths.insert(dockerfile)
            }
            return paths
        }
    }

    /// Names Compose services set in their containers' environment (`environment: [X=1]`,
    /// `environment: {X: "${X}"}`): the deployment names them, so an operator reading it sees them.
    static func environmentNames(_ context: RuleContext) throws -> Set<String> {
        var names: Set<String> = []
        for service in try services(context) {
            guard let environment = service.node["environment"] else { continue }
            names.formUnion((environment.mapping ?? []).compactMap(\.key.string))
            for item in environment.sequence ?? [] {
                guard let entry = item.string, let name = entry.split(separator: "=", maxSplits: 1).first else { continue }
                names.insert(name.trimmingCharacters(in: .whitespaces))
            }
        }
        return names
    }

    /// Paths of the env files Compose services load (`env_file: ./env/api.env`, or a list of
    /// paths or `{path: …}` entries).
    static func envFiles(_ context: RuleContext) throws -> [String] {
        try services(context).flatMap { service -> [String] in
            guard let envFile = service.node["env_file"] else { return [] }
            let paths = envFile.strings.compactMap(\.string) + (envFile.sequence ?? []).compactMap { $0["path"]?.string }
            return paths.filter { !$0.contains("$") }.map { RepositoryPath.normalise(RepositoryPath.join(service.folder, $0)) }
        }
    }
}
