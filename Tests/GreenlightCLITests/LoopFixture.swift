import Foundation
import GreenlightHistory
import GreenlightTestSupport
import Testing

/// A repository configured for the loops, a contract server, and the environment that points
/// the built binary at it.
struct LoopFixture {
    static let key = "api-KEY-2b7e151628aed2a6"
    static let admin = "admin-KEY-abf7158809cf4f3c"
    static let now = "2026-11-21T09:00:00Z"
    static let config = """
        loops:
          api:
            backoff: 10ms
            max_backoff: 20ms
        evidence:
          required:
            - {name: flywheel, max_age: 7d}

        """

    let server: ContractServer
    let repo: GitFixture
    var environment: [String: String]

    init(config: String = LoopFixture.config) throws {
        server = try ContractServer(apiKey: Self.key, adminKey: Self.admin, clock: Self.now)
        repo = try GitFixture(files: [".greenlight.yml": config, "README.md": "assistant\n"])
        environment = CLI.environment(extra: ["API_URL": server.baseURL, "API_KEY": Self.key, "ADMIN_API_KEY": Self.admin])
        let version = ContractServer.Version.self
        server.setPrompt(.init("summarize", candidate: "v3", versions: [version.init("v2", percent: 100), version.init("v3", percent: 10)]))
        server.setPrompt(.init("classify", candidate: "c2", versions: [version.init("c1", percent: 100),
                                                                        version.init("c2", percent: 0, samples: 40)]))
        server.setPrompt(.init("reply", candidate: "r5", versions: [version.init("r4", percent: 100),
                                                                     version.init("r5", percent: 50, score: 0.61)]))
    }

    func greenlight(_ arguments: String...) throws -> CLIResult {
        try CLI.run(try #require(CLI.executable), arguments, in: repo.root, environment: environment)
    }

    func text(_ path: String) throws -> String {
        try String(contentsOfFile: repo.root + "/" + path, encoding: .utf8)
    }

    func json(_ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: repo.root + "/" + path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: repo.root + "/" + path) }

    /// `reports/<loop>[-dry-run]-20261121T090000Z.{md,json}`
    func artifact(_ loop: String, _ suffix: String, dryRun: Bool = false) -> String {
        "reports/\(loop)-\(dryRun ? "dry-run-" : "")20261121T090000Z.\(suffix)"
    }

    /// The statuses of a JSON report's steps (`steps`) or prompts (`prompts`).
    func statuses(_ report: [String: Any], _ key: String) -> [String] {
        ((report[key] as? [[String: Any]]) ?? []).map { $0["status"] as? String ?? "?" }
    }

    var writes: [String] { server.writes.map { "\($0.method) \($0.path) \($0.bodyText)" } }

    /// The newest run in the history and its loop decisions.
    func lastRun() throws -> (StoredRun, [LoopDecision]) {
        let store = try HistoryStore(path: repo.root + "/" + HistoryStore.defaultPath)
        let run = try #require(try store.runs(limit: 1).first)
        return (run, try store.loopDecisions(ofRun: run.id))
    }

    /// Compare with `Golden/<name>` (see `GoldenFile`).
    func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try GoldenFile.expect(text, equals: GoldenFile.folder().appendingPathComponent(name), sourceLocation: sourceLocation)
    }
}
