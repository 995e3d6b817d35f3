import GreenlightCore

/// The Serverless Framework's `serverless.yml`: the environment it gives every function
/// (`provider.environment`) and each one (`functions.<name>.environment`) is the deployment's
/// configuration, as a Compose service's `environment:` is.
enum ServerlessFiles {
    static let parserKey = ParserKey<YAMLDocument>("secrets.serverless")

    static func isServerlessFile(_ path: String) -> Bool {
        let name = RepositoryPath.name(of: path)
        return name == "serverless.yml" || name == "serverless.yaml"
    }

    /// Names a `serverless.yml` sets in its functions' environment.
    static func environmentNames(_ context: RuleContext) throws -> Set<String> {
        var names: Set<String> = []
        for entry in context.snapshot.entries where isServerlessFile(entry.path) {
            guard case .text(let text) = try context.snapshot.content(of: entry) else { continue }
            let document = context.parsed(parserKey, text) { YAMLComposer.compose($0.text) }
            guard let root = document.root else { continue }
            let environments = [root["provider"]?["environment"]]
                + (root["functions"]?.mapping ?? []).map { $0.value["environment"] }
            for environment in environments.compactMap({ $0 }) {
                names.formUnion((environment.mapping ?? []).compactMap(\.key.string))
            }
        }
        return names
    }
}
