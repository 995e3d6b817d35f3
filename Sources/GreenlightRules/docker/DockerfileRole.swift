import GreenlightCore

/// Whether a Dockerfile builds an image a team ships or one that supports the work around it:
/// tests and their fixtures, examples and documentation, development containers, evaluation
/// harnesses, local tooling. The rules about a running service (`docker.root-user`,
/// `docker.healthcheck-missing`, `ci.docker-build-missing`) judge shipped images only.
public enum DockerfileRole {
    /// Folder-name words (a folder's name split at `-`, `_`, `.`) of supporting images.
    static let supportFolderWords: Set<Substring> = [
        "test", "tests", "testing", "e2e", "fixture", "fixtures", "mock", "mocks", "devcontainer", "dev", "devops",
        "eval", "evals", "evaluation", "evaluations", "benchmark", "benchmarks", "template", "templates", "scripts",
        "demo", "demos", "example", "examples", "sample", "samples", "playground", "testground",
    ]
    /// File-name words (the name split at `-`, `_`, `.`) of supporting variants:
    /// `Dockerfile.dev`, `dev.Dockerfile`, `Dockerfile.test`, `debug.Dockerfile`.
    static let supportNameWords: Set<Substring> = ["dev", "development", "test", "tests", "debug", "devcontainer", "local"]

    /// Why `path` does not build a shipped image, or nil when it does.
    public static func support(_ path: String) -> String? {
        if TestCode.contains(path) { return "a test image" }
        if ExampleCode.contains(path) { return "an example or documentation image" }
        var components = path.lowercased().split(separator: "/")
        let name = components.removeLast()
        for folder in components {
            let words = folder.split { $0 == "-" || $0 == "_" || $0 == "." }
            if words.contains(where: { supportFolderWords.contains($0) }) { return "a supporting image (under \(folder)/)" }
        }
        let words = name.split { $0 == "-" || $0 == "_" || $0 == "." }
        if words.contains(where: { supportNameWords.contains($0) }) { return "a development or test variant" }
        return nil
    }

    public static func isShipped(_ path: String) -> Bool { support(path) == nil }
}
