import Foundation
import GreenlightCore
import GreenlightGit
import GreenlightTestSupport
import Testing

/// `check --diff-base`: what a change touches, line by line, and the merge base's listing
/// rebuilt from the head's without walking the base's tree.
struct ChangeScopeTests {
    static func listing(_ snapshot: RepositorySnapshot) -> [String] {
        snapshot.entries.map { "\($0.path) \($0.mode.rawValue) \($0.objectID ?? "-")" }
    }

    @Test func theBaseListingIsTheBaseTreeWhateverTheChange() throws {
        let fixture = try GitFixture(files: [
            "keep.md": "same\n", "edit.ts": "a\nb\nc\nd\n", "gone.py": "x = 1\n", "tool.sh": "echo hi\n", "docs/old.md": "# old\n",
        ])
        let base = try fixture.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        try fixture.write("edit.ts", "a\nB\nc\nd\ne\n")
        try fixture.remove("gone.py")
        try fixture.write("new/added.go", "package main\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fixture.root + "/tool.sh")
        _ = try fixture.git("mv", "docs/old.md", "docs/moved.md")
        try fixture.commitAll("change", date: "2026-11-02T12:00:00Z")

        let repository = try GitRepository(discovering: fixture.root)
        for selector in [SnapshotSelector.rev("HEAD"), .index, .worktree] {
            let scope = try #require(try repository.changes(since: base, to: selector))
            #expect(scope.base == base)
            #expect(Set(scope.files.keys) == ["edit.ts", "new/added.go", "tool.sh", "docs/moved.md"], "\(selector)")
            #expect(scope.deleted == ["gone.py", "docs/old.md"], "\(selector)")
            #expect(scope.files["edit.ts"] == .ranges([2...2, 5...5]), "\(selector)")
            #expect(scope.files["new/added.go"] == .all)
            #expect(scope.files["tool.sh"] == .ranges([]), "a mode change rewrites no line")
            let head = try repository.snapshot(selector, config: Config(), focus: scope.paths)
            let rebuilt = try repository.baseSnapshot(of: head, scope: scope, config: Config())
            let walked = try repository.snapshot(.rev(base), config: Config())
            #expect(Self.listing(rebuilt) == Self.listing(walked), "\(selector)")
            #expect(rebuilt.commit == base && rebuilt.passEntries.map(\.path).sorted() == ["edit.ts", "tool.sh"])
        }
    }
}
