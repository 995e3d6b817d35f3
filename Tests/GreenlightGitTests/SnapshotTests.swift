import Foundation
import GreenlightCore
import GreenlightGit
import GreenlightTestSupport
import Testing

@Suite struct SnapshotTests {
    func snapshot(_ fixture: GitFixture, _ selector: SnapshotSelector = .rev("HEAD"), config: Config = Config(),
                  at path: String? = nil) throws -> RepositorySnapshot {
        try GitRepository(discovering: path ?? fixture.root).snapshot(selector, config: config)
    }

    func kinds(_ snapshot: RepositorySnapshot) throws -> [String: EntryKind] {
        var kinds: [String: EntryKind] = [:]
        for entry in snapshot.entries { kinds[entry.path] = try snapshot.kind(of: entry) }
        return kinds
    }

    @Test func revisionListsEveryKindAndReadsOnlyText() throws {
        let fixture = try GitFixture()
        try fixture.write("docs/readiness.md", "- [x] done\n")
        try fixture.write("img/logo.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02])
        try fixture.write("data/big.json", String(repeating: "x", count: 5000))
        try fixture.write("assets/model.bin", "version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 12\n")
        try FileManager.default.createSymbolicLink(atPath: fixture.root + "/link.md", withDestinationPath: "docs/readiness.md")
        let head = try fixture.commitAll("content")
        try fixture.git("update-index", "--add", "--cacheinfo", "160000,\(head),vendor/sub")
        try fixture.git("commit", "-q", "-m", "submodule")  // not add -A: no folder backs the gitlink

        var config = Config()
        config.maxFileSize = 4096
        let snapshot = try snapshot(fixture, config: config)
        #expect(snapshot.source == .rev)
        #expect(snapshot.commit?.count == 40)
        let found = try kinds(snapshot)
        #expect(found == [
            "docs/readiness.md": .text,
            "img/logo.png": .binary,
            "data/big.json": .tooLarge,
            "assets/model.bin": .lfsPointer,
            "link.md": .symlink,
            "vendor/sub": .submodule,
        ], "\(found)")
        #expect(try snapshot.text(at: "docs/readiness.md")?.lines == ["- [x] done"])
        #expect(try snapshot.text(at: "img/logo.png") == nil)
        #expect(snapshot.directoryExists("docs"))
        #expect(!snapshot.directoryExists("doc"))
        #expect(snapshot.entries.map(\.path) == snapshot.entries.map(\.path).sorted())
    }

    @Test func olderRevisionsTagsAndTrees() throws {
        let fixture = try GitFixture(files: ["a.md": "one\n"])
        try fixture.git("tag", "v1")
        try fixture.write("b.md", "two\n")
        try fixture.write("a.md", "changed\n")
        try fixture.commitAll("second", date: "2026-11-02T12:00:00Z")

        let old = try snapshot(fixture, .rev("HEAD~1"))
        #expect(old.entries.map(\.path) == ["a.md"])
        #expect(try old.text(at: "a.md")?.text == "one\n")
        #expect(try snapshot(fixture, .rev("v1")).commit == old.commit)
        let tree = try snapshot(fixture, .rev("HEAD^{tree}"))
        #expect(tree.commit == nil)
        #expect(tree.entries.map(\.path) == ["a.md", "b.md"])
    }

    @Test func unresolvedRevisionIsAUsageError() throws {
        let fixture = try GitFixture(files: ["a.md": "x\n"])
        #expect(throws: ToolError.self) { try snapshot(fixture, .rev("no-such-branch")) }
        do {
            _ = try snapshot(fixture, .rev("no-such-branch"))
        } catch let error as ToolError {
            #expect(error.kind == .usage)
            #expect(error.message.contains("no-such-branch"))
        }
    }

    @Test func repositoryWithoutCommitsIsARuntimeErrorButItsIndexIsReadable() throws {
        let fixture = try GitFixture()
        try fixture.write("TODO.md", "- [ ] first\n")
        do {
            _ = try snapshot(fixture)
            Issue.record("expected an error")
        } catch let error as ToolError {
            #expect(error.kind == .runtime)
            #expect(error.message.contains("no commits"))
        }
        try fixture.git("add", "TODO.md")
        let staged = try snapshot(fixture, .index)
        #expect(staged.entries.map(\.path) == ["TODO.md"])
        #expect(staged.commit == nil)
    }

    @Test func notARepository() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("greenlight-plain-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            _ = try GitRepository(discovering: folder)
            Issue.record("expected an error")
        } catch let error as ToolError {
            #expect(error.kind == .runtime)
            #expect(error.message.contains("not a git repository"))
        }
        #expect(throws: ToolError.self) { try GitRepository(discovering: folder + "/missing") }
    }

    @Test func indexAndWorkTreeDifferFromHead() throws {
        let fixture = try GitFixture(files: ["a.md": "committed\n", "gone.md": "bye\n", ".gitignore": "ignored.md\nbuild/\n"])
        try fixture.write("a.md", "staged\n")
        try fixture.git("add", "a.md")
        try fixture.write("a.md", "in the work tree\n")
        try fixture.write("new.md", "untracked\n")
        try fixture.write("ignored.md", "ignored\n")
        try fixture.write("build/out.md", "ignored too\n")
        try fixture.remove("gone.md")

        let head = try snapshot(fixture)
        #expect(try head.text(at: "a.md")?.text == "committed\n")
        #expect(head.fileExists("gone.md"))

        let index = try snapshot(fixture, .index)
        #expect(index.source == .index)
        #expect(try index.text(at: "a.md")?.text == "staged\n")
        #expect(index.fileExists("gone.md"))
        #expect(!index.fileExists("new.md"))

        let worktree = try snapshot(fixture, .worktree)
        #expect(worktree.source == .worktree)
        #expect(try worktree.text(at: "a.md")?.text == "in the work tree\n")
        #expect(worktree.entries.map(\.path) == [".gitignore", "a.md", "new.md"])
    }

    @Test func includeAndExcludeApplyOnce() throws {
        let fixture = try GitFixture(files: ["src/a.ts": "", "src/gen/b.ts": "", "docs/c.md": "", "README.md": ""])
        var config = Config()
        config.include = [try Glob("src/**"), try Glob("*.md")]
        config.exclude = [try Glob("src/gen")]
        #expect(try snapshot(fixture, config: config).entries.map(\.path) == ["README.md", "docs/c.md", "src/a.ts"])
    }

    @Test func bareRepositoryAndLinkedWorktreeAndSubfolder() throws {
        let fixture = try GitFixture(files: ["docs/status.md": "- [x] `a.md`\n", "a.md": "a\n"])
        let bare = fixture.container + "/clone.git"
        try fixture.run(["clone", "-q", "--bare", fixture.root, bare], in: fixture.container)
        let fromBare = try GitRepository(discovering: bare)
        #expect(fromBare.isBare)
        let bareSnapshot = try fromBare.snapshot(.rev("HEAD"), config: Config())
        #expect(bareSnapshot.entries.map(\.path) == ["a.md", "docs/status.md"])
        #expect(throws: ToolError.self) { try fromBare.snapshot(.index, config: Config()) }
        #expect(throws: ToolError.self) { try fromBare.snapshot(.worktree, config: Config()) }

        let linked = fixture.container + "/linked"
        try fixture.git("worktree", "add", "-q", "-b", "side", linked)
        let fromLinked = try snapshot(fixture, .worktree, at: linked + "/docs")
        #expect(fromLinked.root == linked)
        #expect(fromLinked.entries.map(\.path) == ["a.md", "docs/status.md"])
    }

    @Test func invalidUTF8PathsAreListedLeniently() throws {
        let fixture = try GitFixture()
        // A path that is not UTF-8, written through the shell so the raw byte reaches git.
        let script = "printf 'x\\n' > \"$(printf 'bad\\377name.md')\" && git add -A"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: fixture.root)
        try process.run()
        process.waitUntilExit()
        try fixture.commitAll("odd name")
        let snapshot = try snapshot(fixture)
        #expect(snapshot.entries.count == 1)
        let entry = try #require(snapshot.entries.first)
        #expect(entry.rawPath == Array("bad".utf8) + [0xFF] + Array("name.md".utf8))
        #expect(entry.path == "bad\u{FFFD}name.md")
        #expect(try snapshot.kind(of: entry) == .text)
    }
}

@Suite struct HistoryTests {
    @Test func commitExistsByIdAndPrefix() throws {
        let fixture = try GitFixture(files: ["a.md": "x\n"])
        let head = try fixture.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let blob = try fixture.git("rev-parse", "HEAD:a.md").trimmingCharacters(in: .whitespacesAndNewlines)
        let repository = try GitRepository(discovering: fixture.root)
        #expect(repository.commitExists(head))
        #expect(repository.commitExists(String(head.prefix(7))))
        #expect(!repository.commitExists(blob))
        #expect(!repository.commitExists("deadbeefdeadbeef"))
        #expect(!repository.commitExists("xyz"))
    }
}

@Suite struct RemoteAndIgnoreTests {
    @Test func remoteURLAndIgnoredPaths() throws {
        let fixture = try GitFixture(files: [".gitignore": "*.sqlite\n", "a.md": "x\n"])
        try fixture.git("remote", "add", "origin", "git@github.com:acme/assistant.git")
        let repository = try GitRepository(discovering: fixture.root)
        #expect(repository.remoteURL() == "git@github.com:acme/assistant.git")
        #expect(repository.remoteURL("upstream") == nil)
        #expect(repository.isIgnored(".greenlight/history.sqlite"))
        #expect(!repository.isIgnored("a.md"))
    }
}
