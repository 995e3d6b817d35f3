import Foundation
import GreenlightCore
import GreenlightGit
import GreenlightRules
import GreenlightTestSupport
import Testing

/// A repository with LLM call sites in TypeScript, Python, Go and Swift — compliant,
/// non-compliant, compliant only in a comment or a string, compliant through a declared
/// wrapper, in a test file and in a bundle — whose ai findings must be exactly those of the
/// golden files (see `GoldenFile`).
@Suite struct AIFixtureTests {
    static let folder = GoldenFile.folder("Fixtures/ai")

    /// Every file under `Fixtures/ai/repo`, by relative path.
    static func files() throws -> [String: String] {
        let root = folder.appendingPathComponent("repo").path
        var files: [String: String] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: root))
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            files[path] = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
        }
        return files
    }

    func findings(_ files: [String: String]) throws -> String {
        let fixture = try GitFixture(files: files)
        let engine = RuleCatalog.engine
        let config = try ConfigLoader.load(
            yaml: files[".greenlight.yml"] ?? "", file: ".greenlight.yml", knownRuleIDs: engine.ruleIDs, sections: engine.sectionKeys)
        let snapshot = try GitRepository(discovering: fixture.root).snapshot(.rev("HEAD"), config: config)
        let found = try engine.run(snapshot: snapshot, config: config, now: Date(timeIntervalSince1970: 0), families: ["ai"])
        return found.map { "\($0.path):\($0.line):\($0.column): \($0.rule): \($0.message)\n" }.joined()
    }

    func compare(_ rendered: String, golden name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try GoldenFile.expect(rendered, equals: Self.folder.appendingPathComponent(name), sourceLocation: sourceLocation)
    }

    @Test func findingsAreExactlyTheGoldenOnes() throws {
        try compare(try findings(try Self.files()), golden: "expected.txt")
    }

    /// Without the declared wrappers, the calls they cover are reported too.
    @Test func withoutTheWrappersTheirCallsAreReported() throws {
        var files = try Self.files()
        files[".greenlight.yml"] = "version: 1\n"
        try compare(try findings(files), golden: "expected-without-wrappers.txt")
    }
}
