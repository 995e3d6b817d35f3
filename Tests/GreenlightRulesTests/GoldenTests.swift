import Foundation
import GreenlightCore
import GreenlightGit
import GreenlightRules
import GreenlightTestSupport
import Testing

/// Golden files, actionlint-style: each input under `Golden/` is committed to a real repository
/// and checked by one family; the findings, one `path:line:col: severity: message [rule]` line
/// each, must equal the `.out` file beside it. `Golden/docker/NAME.Dockerfile` is checked alone;
/// `Golden/ci/CASE/` is a whole repository. `GoldenFile` says how to rewrite the `.out` files.
@Suite struct GoldenTests {
    static let folder = GoldenFile.folder()

    static var dockerCases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("docker").path)) ?? []
        return names.filter { $0.hasSuffix(".Dockerfile") }.sorted()
    }

    static var ciCases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("ci").path)) ?? []
        return names.filter { !$0.hasSuffix(".out") }.sorted()
    }

    @Test func everyRuleOfBothFamiliesHasAGoldenFinding() throws {
        var outputs = ""
        for name in Self.dockerCases + Self.ciCases {
            let family = name.hasSuffix(".Dockerfile") ? "docker" : "ci"
            let base = name.hasSuffix(".Dockerfile") ? String(name.dropLast(".Dockerfile".count)) : name
            outputs += (try? String(contentsOf: Self.folder.appendingPathComponent("\(family)/\(base).out"), encoding: .utf8)) ?? ""
        }
        for rule in RuleCatalog.all where ["docker", "ci"].contains(rule.description.family) {
            #expect(outputs.contains("[\(rule.description.id)]"), "no golden file shows \(rule.description.id)")
        }
    }

    @Test(arguments: dockerCases)
    func docker(_ name: String) throws {
        let source = try String(contentsOf: Self.folder.appendingPathComponent("docker/\(name)"), encoding: .utf8)
        let fixture = try GitFixture(files: [name: source])
        let out = Self.folder.appendingPathComponent("docker/\(name.dropLast(".Dockerfile".count)).out")
        try compare(try render(fixture, family: "docker"), with: out)
    }

    @Test(arguments: ciCases)
    func ci(_ name: String) throws {
        let root = Self.folder.appendingPathComponent("ci/\(name)")
        let fixture = try GitFixture()
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = root.appendingPathComponent(relative).path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            try fixture.write(relative, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        }
        try fixture.commitAll("golden")
        try compare(try render(fixture, family: "ci"), with: Self.folder.appendingPathComponent("ci/\(name).out"))
    }

    private func render(_ fixture: GitFixture, family: String) throws -> String {
        let engine = RuleCatalog.engine
        let config = Config()
        let snapshot = try GitRepository(discovering: fixture.root).snapshot(.rev("HEAD"), config: config)
        let findings = try engine.run(snapshot: snapshot, config: config, now: Date(timeIntervalSince1970: 0), families: [family])
        return findings.map { "\($0.path):\($0.line):\($0.column): \($0.severity.rawValue): \($0.message) [\($0.rule)]\n" }.joined()
    }

    private func compare(_ actual: String, with file: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try GoldenFile.expect(actual, equals: file, sourceLocation: sourceLocation)
    }
}
