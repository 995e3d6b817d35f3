import GreenlightCore

/// The Dockerfiles whose containers a Compose file health-checks: a service that builds the
/// file (`build: ./api`, `build: {context: ., dockerfile: docker/Dockerfile}`) and declares a
/// `healthcheck:` (not `disable: true`). Where Compose runs the image, its health check is there.
enum ComposeHealthchecks {
    static let key = SharedKey<Set<String>>("docker.compose-healthchecks")

    /// `docker-compose.yml`, `compose.yaml`, `docker-compose.prod.yml` …
    static func isComposeFile(_ path: String) -> Bool {
        let name = (path.split(separator: "/").last ?? "").lowercased()
        guard name.hasSuffix(".yml") || name.hasSuffix(".yaml") else { return false }
        return name.hasPrefix("docker-compose") || name.hasPrefix("compose")
    }

    /// Paths of the Dockerfiles some Compose service builds and health-checks.
    static func checked(_ context: RuleContext) throws -> Set<String> {
        try context.shared(key) {
            var paths: Set<String> = []
            for entry in context.snapshot.entries where isComposeFile(entry.path) {
                guard case .text(let text) = try context.snapshot.content(of: entry),
                      let services = YAMLComposer.compose(text.text).root?["services"]?.mapping else { continue }
                let folder = entry.path.split(separator: "/").dropLast().joined(separator: "/")
                for service in services.map(\.value) {
                    guard let health = service["healthcheck"], health["disable"]?.string != "true",
                          let build = service["build"] else { continue }
                    let context = build.string ?? build["context"]?.string ?? "."
                    let dockerfile = build["dockerfile"]?.string ?? "Dockerfile"
                    guard !context.contains("$"), !dockerfile.contains("$"), !context.contains("://") else { continue }
                    let base = DockerBuilds.join(folder.isEmpty ? "." : folder, context)
                    paths.insert(DockerBuilds.normalise(dockerfile.hasPrefix("/") ? dockerfile : DockerBuilds.join(base, dockerfile)))
                }
            }
            return paths
        }
    }
}
