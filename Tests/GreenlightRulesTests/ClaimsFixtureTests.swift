import Foundation
import GreenlightCore
import GreenlightGit
import GreenlightRules
import GreenlightTestSupport
import Testing

/// Readiness documents written in each style teams use, committed with some of their cited
/// files: the counts and the findings must be exactly those in `<name>.expected`.
/// `<name>.files` lists files to create; `<name>.routes` lines are `path: content`.
@Suite struct ClaimsFixtureTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/claims")

    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }

    func read(_ name: String) -> String? {
        try? String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
    }

    @Test(arguments: names)
    func fixture(_ name: String) throws {
        let fixture = try GitFixture()
        try fixture.write("\(name).md", try #require(read("\(name).md")))
        for path in (read("\(name).files") ?? "").split(separator: "\n") {
            try fixture.write(String(path), "x\n")
        }
        for line in (read("\(name).routes") ?? "").split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            try fixture.write(String(parts[0]), String(parts[1]).trimmingWhitespace + "\n")
        }
        try fixture.commitAll("fixture")
        let engine = RuleCatalog.engine
        let snapshot = try GitRepository(discovering: fixture.root).snapshot(.rev("HEAD"), config: Config())
        let result = try engine.evaluate(snapshot: snapshot, config: Config(), now: Date(timeIntervalSince1970: 0), families: ["claims"])
        let document = try #require(result.facts.claims?.first { $0.path == "\(name).md" })
        var got = ["counts done=\(document.done) verified=\(document.verified) unverified=\(document.unverified) pending=\(document.pending)"]
        got += result.findings.map { "\($0.rule) \($0.line):\($0.column)" }
        let expected = (read("\(name).expected") ?? "").split(separator: "\n").map(String.init)
        #expect(got == expected, "\(name): got\n\(got.joined(separator: "\n"))\nmessages:\n\(result.findings.map(\.message).joined(separator: "\n"))")
    }

    @Test func everyStyleHasAFixture() {
        #expect(Self.names.count == 5)
    }
}
