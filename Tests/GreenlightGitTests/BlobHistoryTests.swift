import Foundation
import GreenlightCore
import GreenlightGit
import GreenlightTestSupport
import Testing

/// Walking every blob of history once, through libgit2.
@Suite struct BlobHistoryTests {
    struct Visit: Equatable {
        let path: String
        let commit: String
        let time: String
        let content: String?
    }

    func walk(_ fixture: GitFixture, maxSize: Int = 1 << 20, admitting: (String) -> Bool = { _ in true }) throws
        -> (visits: [Visit], summary: HistoryWalkSummary) {
        let repository = try GitRepository(discovering: fixture.root)
        var visits: [Visit] = []
        let summary = try repository.forEachBlob(maxSize: maxSize, admitting: admitting) { blob, bytes in
            visits.append(Visit(path: blob.path, commit: blob.commit, time: Timestamp.format(blob.authorTime),
                                content: bytes.map { String(decoding: $0, as: UTF8.self) }))
        }
        return (visits, summary)
    }

    @Test func everyBlobOnceAtItsFirstCommitOldestFirst() throws {
        let fixture = try GitFixture()
        try fixture.write("a.txt", "one\n")
        try fixture.write("docs/b.txt", "two\n")
        let first = try fixture.commitAll("first", date: "2025-01-01T00:00:00Z")
        try fixture.write("a.txt", "one, edited\n")
        try fixture.write("copy/b.txt", "two\n")  // same blob as docs/b.txt: not visited again
        let second = try fixture.commitAll("second", date: "2025-01-02T00:00:00Z")
        try fixture.remove("a.txt")
        _ = try fixture.commitAll("third", date: "2025-01-03T00:00:00Z")

        let (visits, summary) = try walk(fixture)
        #expect(visits == [
            Visit(path: "a.txt", commit: first, time: "2025-01-01T00:00:00Z", content: "one\n"),
            Visit(path: "docs/b.txt", commit: first, time: "2025-01-01T00:00:00Z", content: "two\n"),
            Visit(path: "a.txt", commit: second, time: "2025-01-02T00:00:00Z", content: "one, edited\n"),
        ])
        #expect(summary.commits == 3)
        #expect(summary.blobs == 3)
    }

    @Test func everyRefCountsNotOnlyHead() throws {
        let fixture = try GitFixture()
        try fixture.write("main.txt", "main\n")
        _ = try fixture.commitAll("main", date: "2025-01-01T00:00:00Z")
        try fixture.git("checkout", "-q", "-b", "topic")
        try fixture.write("topic.txt", "only on a branch\n")
        let topic = try fixture.commitAll("topic", date: "2025-01-02T00:00:00Z")
        try fixture.git("checkout", "-q", "main")
        try fixture.git("branch", "-q", "-D", "topic")
        try fixture.git("tag", "kept", topic)  // only a tag keeps it alive
        try fixture.write("stash.txt", "stashed\n")
        try fixture.git("add", "stash.txt")
        try fixture.git("stash", "-q")

        let paths = try walk(fixture).visits.map(\.path)
        #expect(paths.contains("topic.txt"))
        #expect(paths.contains("stash.txt"))
        #expect(paths.count == Set(paths).count)
    }

    @Test func largeBlobsComeWithoutBytesAndFiltersApply() throws {
        let fixture = try GitFixture()
        try fixture.write("big.txt", String(repeating: "x", count: 5000))
        try fixture.write("vendor/lib.js", "lib\n")
        try fixture.write("src/app.js", "app\n")
        try FileManager.default.createSymbolicLink(atPath: fixture.root + "/link", withDestinationPath: "src/app.js")
        _ = try fixture.commitAll("content")
        let (visits, summary) = try walk(fixture, maxSize: 4096) { !$0.hasPrefix("vendor/") }
        #expect(visits.map(\.path) == ["big.txt", "src/app.js"])
        #expect(visits.first?.content == nil)
        #expect(summary.tooLarge == 1)
    }

    @Test func aMissingBlobIsCountedNotFatal() throws {
        let fixture = try GitFixture()
        try fixture.write("old.txt", "gone from the object database\n")
        let first = try fixture.commitAll("first")
        let id = try fixture.git("rev-parse", "HEAD:old.txt").trimmingCharacters(in: .whitespacesAndNewlines)
        try fixture.remove("old.txt")
        try fixture.write("new.txt", "still here\n")
        _ = try fixture.commitAll("second")
        try FileManager.default.removeItem(atPath: "\(fixture.root)/.git/objects/\(id.prefix(2))/\(id.dropFirst(2))")
        let (visits, summary) = try walk(fixture)
        #expect(visits.map(\.path) == ["new.txt"])
        #expect(summary.missing == 1)
        #expect(summary.firstMissing?.path == "old.txt")
        #expect(summary.firstMissing?.commit == first)
    }

    @Test func emptyRepositoryHasNothingToWalk() throws {
        let fixture = try GitFixture()
        let (visits, summary) = try walk(fixture)
        #expect(visits.isEmpty)
        #expect(summary.commits == 0)
    }
}
