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
        let name = (path.split(separator: "/").last ?? "").lowercased()
        guard name.hasSuffix(".yml") || name.hasSuffix(".yaml") else { return false }
        return name.hasPrefix("docker-compose") || name.hasPrefix("compose")
    }

    /// Every service of every Compose file, in path order.
    static func services(_ context: RuleContext) throws -> [Service] {
        var services: [Service] = []
        for entry in context.snapshot.entries where isComposeFile(entry.path) {
            guard case .text(let text) = try context.snapshot.content(of: entry) else { continue }
            let document = context.parsed(parserKey, text) { YAMLComposer.compose($0.text) }
            let folder = RepositoryPath.folder(of: entry.path)
            services += (document.root?["services"]?.mapping ?? []).map { Service(folder: folder, node: $0.value) }
        }
        return services
    }

    /// Paths of the Dockerfiles a Compose service builds (`build: ./api`,
    /// `build: {context: ., dockerfile: docker/Dockerfile}`) and health-checks (`healthcheck:`,
    /// not `disable: true`): where Compose runs the image, its health check is there.
    static func healthchecked(_ context: RuleContext) throws -> Set<String> {
        try context.shared(healthcheckedKey) {
            var paths: Set<String> = []
            for service in try services(context) {
                guard let health = service.node["healthcheck"], health["disable"]?.string != "true",
                      let build = service.node["build"] else { continue }
                let buildContext = build.string ?? build["context"]?.string ?? "."
                let dockerfile = build["dockerfile"]?.string ?? "Dockerfile"
                guard !buildContext.contains("$"), !dockerfile.contains("$"), !buildContext.contains("://") else { continue }
                let base = RepositoryPath.join(service.folder, buildContext)
                paths.insert(RepositoryPath.normalise(dockerfile.hasPrefix("/") ? dockerfile : RepositoryPath.join(base, dockerfile)))
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
