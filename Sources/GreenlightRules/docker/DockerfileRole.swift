import GreenlightCore

/// Whether a Dockerfile builds an image a team ships or one that supports the work around it:
/// tests and their fixtures, examples and documentation, development containers, evaluation
/// harnesses, local tooling. The rules about a running service (`docker.root-user`,
/// `docker.healthcheck-missing`, `ci.docker-build-missing`) judge shipped images only.
public enum DockerfileRole {
    /// Folder-name words (a folder's name split at `-`, `_`, `.`) of supporting images.
    static let supportFolderWords = words([
        "test", "tests", "testing", "e2e", "fixture", "fixtures", "mock", "mocks", "devcontainer", "dev", "devops",
        "eval", "evals", "evaluation", "evaluations", "benchmark", "benchmarks", "template", "templates", "scripts",
        "demo", "demos", "example", "examples", "sample", "samples", "playground", "testground", "usecase", "usecases",
        "community",
    ])
    /// File-name words (the name split at `-`, `_`, `.`) of supporting variants:
    /// `Dockerfile.dev`, `dev.Dockerfile`, `Dockerfile.test`, `debug.Dockerfile`, and of a
    /// Dockerfile a user copies to start their own (`Dockerfile.user.example`).
    static let supportNameWords = words(["dev", "development", "test", "tests", "debug", "devcontainer", "local",
                                         "example", "sample", "template"])

    private static func words(_ list: [String]) -> Set<[UInt8]> { Set(list.map { Array($0.utf8) }) }

    /// The words of a path component, lower-cased (ASCII), split at `-`, `_` and `.`.
    private static func words(of component: ArraySlice<UInt8>) -> [[UInt8]] {
        component.split { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
            .map { $0.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 } }
    }

    /// Why `path` does not build a shipped image, or nil when it does.
    public static func support(_ path: String) -> String? {
        if TestCode.contains(path) { return "a test image" }
        if ExampleCode.contains(path) { return "an example or documentation image" }
        let components = Array(path.utf8).split(separator: UInt8(ascii: "/"))
        guard let name = components.last else { return nil }
        // A dot-folder holds tooling (`.docker/mongo/`, `.devcontainer/`); `.github/` holds
        // container actions, which a workflow builds where it uses them.
        if let tooling = components.dropLast().first(where: { $0.first == UInt8(ascii: ".") && !$0.elementsEqual(".github".utf8) }) {
            return "a tooling image (under \(String(decoding: tooling, as: UTF8.self))/)"
        }
        for folder in components.dropLast() where words(of: folder).contains(where: supportFolderWords.contains) {
            return "a supporting image (under \(String(decoding: folder, as: UTF8.self))/)"
        }
        if words(of: name).contains(where: supportNameWords.contains) { return "a development or test variant" }
        return nil
    }

    public static func isShipped(_ path: String) -> Bool { support(path) == nil }

    static let key = SharedKey<Set<String>>("docker.shipped")

    /// Whether the Dockerfile at `path` ships, judged once per run for all the rules that ask.
    static func isShipped(_ path: String, _ context: RuleContext) -> Bool {
        context.shared(key) { Set(DockerfileFiles.entries(context).map(\.path).filter(isShipped)) }.contains(path)
    }
}
