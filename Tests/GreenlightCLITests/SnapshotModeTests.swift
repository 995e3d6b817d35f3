import Foundation
import GreenlightTestSupport
import Testing

@Suite("CLI: --staged, --worktree, bare repositories and linked worktrees")
struct SnapshotModeTests {
    @Test("--staged sees a staged fix that HEAD does not have")
    func staged() throws {
        let fixture = try GitFixture(files: Docs.files())
        try fixture.write("src/rateLimit.ts", "export const limit = 10\n")
        try fixture.git("add", "src/rateLimit.ts")

        let staged = try CLI.greenlight("check", "--repo", fixture.root, "--staged")
        #expect(staged.status == 0, "\(staged)")
        let head = try fixture.git("rev-parse", "HEAD").prefix(12)
        #expect(staged.summaryLine == "GREEN: 0 errors, 0 warnings, 0 notes; 0 suppressed, 0 baselined (index \(head))", "\(staged)")

        let atHead = try CLI.greenlight("check", "--repo", fixture.root)
        #expect(atHead.status == 1, "\(atHead)")
        #expect(lines(of: atHead.stdout, containing: Docs.falseClaimLocation, "src/rateLimit.ts").count == 1, "\(atHead)")

        // An unstaged fix of the document is not in the index.
        let other = try GitFixture(files: Docs.files())
        try other.write("docs/readiness.md", Docs.allTrue)
        let unstaged = try CLI.greenlight("check", "--repo", other.root, "--staged")
        #expect(unstaged.status == 1, "\(unstaged)")
        #expect(lines(of: unstaged.stdout, containing: Docs.falseClaimLocation, "does not exist in the index").count == 1, "\(unstaged)")
        try other.git("add", "docs/readiness.md")
        let fixed = try CLI.greenlight("check", "--repo", other.root, "--staged")
        #expect(fixed.status == 0, "\(fixed)")
    }

    @Test("--worktree sees untracked documents but not ignored ones")
    func worktree() throws {
        let fixture = try GitFixture(files: Docs.files(Docs.allTrue, extra: [".gitignore": "ignored/\n"]))
        let roadmap = "# Roadmap\n- [x] Metrics — `src/metrics.ts`\n"
        try fixture.write("ignored/ROADMAP.md", roadmap)

        let onlyIgnored = try CLI.greenlight("check", "--repo", fixture.root, "--worktree")
        #expect(onlyIgnored.status == 0, "\(onlyIgnored)")
        #expect(onlyIgnored.summaryLine.hasPrefix("GREEN: 0 errors"), "\(onlyIgnored)")

        try fixture.write("docs/ROADMAP.md", roadmap)
        let untracked = try CLI.greenlight("check", "--repo", fixture.root, "--worktree")
        #expect(untracked.status == 1, "\(untracked)")
        let listed = findingLines(untracked.stdout)
        #expect(listed.count == 1, "\(untracked)")
        #expect(listed.first?.hasPrefix("docs/ROADMAP.md:2:18: error:") == true, "\(untracked)")
        #expect(listed.first?.contains("does not exist in the work tree") == true, "\(untracked)")
        #expect(!untracked.stdout.contains("ignored/"), "\(untracked)")
        #expect(untracked.summaryLine.hasSuffix("(worktree \(try fixture.git("rev-parse", "HEAD").prefix(12)))"), "\(untracked)")

        // HEAD and the index know neither file.
        #expect(try CLI.greenlight("check", "--repo", fixture.root).status == 0)
        #expect(try CLI.greenlight("check", "--repo", fixture.root, "--staged").status == 0)

        // A file deleted from the work tree is gone for --worktree: the cited evidence is missing.
        try fixture.remove("docs/ROADMAP.md")
        try fixture.remove("src/health.ts")
        let deleted = try CLI.greenlight("check", "--repo", fixture.root, "--worktree")
        #expect(deleted.status == 1, "\(deleted)")
        #expect(lines(of: deleted.stdout, containing: "docs/readiness.md:2:23: error:", "src/health.ts").count == 1, "\(deleted)")
    }

    @Test("a bare clone: check works at HEAD; --staged and --worktree are usage errors")
    func bare() throws {
        let fixture = try GitFixture(files: Docs.files())
        let bare = fixture.container + "/bare.git"
        try fixture.run(["clone", "-q", "--bare", fixture.root, bare], in: fixture.container)

        let result = try CLI.greenlight("check", "--repo", bare)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        #expect(lines(of: result.stdout, containing: Docs.falseClaimLocation, "[claims.missing-evidence]").count == 1, "\(result)")
        #expect(findingLines(result.stdout).count == 1, "\(result)")
        let json = try CLI.greenlight("check", "--repo", bare, "--format", "json").json()
        #expect((json["repo"] as? [String: Any])?["root"] as? String == bare, "\(json)")

        // From inside the git directory, too.
        let inside = try CLI.greenlight("check", "--repo", bare + "/refs")
        #expect(inside.status == 1, "\(inside)")

        expectToolError(try CLI.greenlight("check", "--repo", bare, "--staged"), exit: 2, ["--staged", "bare"])
        expectToolError(try CLI.greenlight("check", "--repo", bare, "--worktree"), exit: 2, ["--worktree", "bare"])
        expectToolError(try CLI.greenlight("baseline", "--repo", bare), exit: 2, ["bare", "--output"])
    }

    @Test("a bare repository reads the .greenlight.yml committed at the revision")
    func bareConfig() throws {
        let fixture = try GitFixture(files: Docs.files(extra: [".greenlight.yml": "rules:\n  claims.missing-evidence: warning\n"]))
        try fixture.write(".greenlight.yml", "rules:\n  claims.missing-evidence: a: b\n")
        try fixture.commitAll("broken config", date: "2026-11-02T12:00:00Z")
        let bare = fixture.container + "/bare.git"
        try fixture.run(["clone", "-q", "--bare", fixture.root, bare], in: fixture.container)

        let old = try CLI.greenlight("check", "--repo", bare, "--rev", "HEAD~1")
        #expect(old.status == 0, "\(old)")
        #expect(old.summaryLine.hasPrefix("YELLOW: 0 errors, 1 warning"), "\(old)")
        expectToolError(try CLI.greenlight("check", "--repo", bare), exit: 2, ["HEAD:.greenlight.yml:2:", "invalid YAML"])
    }

    @Test("a linked worktree, checked from a sub-folder")
    func linkedWorktree() throws {
        let fixture = try GitFixture(files: Docs.files(extra: ["sub/folder/notes.txt": "notes\n"]))
        let linked = fixture.container + "/linked"
        try fixture.git("worktree", "add", "-q", "-b", "feature", linked)
        try FileManager.default.createDirectory(atPath: linked + "/src", withIntermediateDirectories: true)
        try "export const limit = 10\n".write(toFile: linked + "/src/rateLimit.ts", atomically: true, encoding: .utf8)

        let result = try CLI.greenlight("check", "--repo", linked + "/sub/folder")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        #expect(lines(of: result.stdout, containing: Docs.falseClaimLocation).count == 1, "\(result)")
        let json = try CLI.greenlight("check", "--repo", linked + "/sub/folder", "--format", "json").json()
        #expect((json["repo"] as? [String: Any])?["root"] as? String == linked, "\(json)")

        // Its work tree, not the main one's, is what --worktree reads.
        let worktree = try CLI.greenlight("check", "--worktree", in: linked + "/sub/folder")
        #expect(worktree.status == 0, "\(worktree)")
        #expect(try CLI.greenlight("check", "--repo", fixture.root, "--worktree").status == 1)

        // A commit on the linked branch moves its HEAD only.
        try fixture.run(["add", "-A"], in: linked)
        try fixture.run(["commit", "-q", "-m", "rate limiter"], in: linked, date: "2026-11-02T12:00:00Z")
        #expect(try CLI.greenlight("check", "--repo", linked).status == 0)
        #expect(try CLI.greenlight("check", "--repo", fixture.root).status == 1)
        #expect(try CLI.greenlight("check", "--repo", fixture.root, "--rev", "feature").status == 0)
    }
}
