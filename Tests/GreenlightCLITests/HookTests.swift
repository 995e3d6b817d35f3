import Foundation
import GreenlightTestSupport
import Testing

/// `greenlight hook install` end to end: real commits and merges through the installed hooks.
@Suite("CLI: hook install")
struct HookTests {
    static let hooks = ["pre-commit", "pre-merge-commit"]

    /// A repository whose readiness document is true, committed.
    static func repository() throws -> GitFixture {
        try GitFixture(files: Docs.files(Docs.allTrue))
    }

    static func install(_ directory: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> CLIResult {
        let result = try CLI.greenlight("hook", "install", in: directory)
        #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stderr.isEmpty, "\(result)", sourceLocation: sourceLocation)
        return result
    }

    /// `git commit`; the error (with the hook's output) when it fails.
    static func commit(_ fixture: GitFixture, _ arguments: String...) -> String? {
        do {
            try fixture.run(["commit", "-q", "-m", "change"] + arguments, in: fixture.root)
            return nil
        } catch {
            return String(describing: error)
        }
    }

    @Test("a staged false claim fails the commit; the fix commits")
    func stagedFalseClaim() throws {
        let fixture = try Self.repository()
        let installed = try Self.install(fixture.root)
        #expect(installed.stdout == ".git/hooks/pre-commit: installed\n.git/hooks/pre-merge-commit: installed\n", "\(installed)")
        let head = try fixture.git("rev-parse", "HEAD")

        try fixture.write("docs/readiness.md", Docs.oneFalseClaim)
        try fixture.git("add", "docs/readiness.md")
        let failure = try #require(Self.commit(fixture), "the commit must fail")
        #expect(failure.contains(Docs.falseClaimLocation), "\(failure)")
        #expect(failure.contains("[claims.missing-evidence]"), "\(failure)")
        #expect(try fixture.git("rev-parse", "HEAD") == head, "nothing was committed")

        try fixture.write("src/rateLimit.ts", "export const limit = 10\n")
        try fixture.git("add", "src/rateLimit.ts")
        #expect(Self.commit(fixture) == nil)
        #expect(try fixture.git("rev-parse", "HEAD") != head)
    }

    @Test("the hook reads what the commit commits: the index, not the work tree; and git commit -a")
    func indexNotWorkTree() throws {
        let fixture = try Self.repository()
        _ = try Self.install(fixture.root)
        // The false claim is only in the work tree: a commit of something else passes.
        try fixture.write("docs/readiness.md", Docs.oneFalseClaim)
        try fixture.write("notes.txt", "unrelated\n")
        try fixture.git("add", "notes.txt")
        #expect(Self.commit(fixture) == nil)
        // `git commit -a` stages it into a temporary index that the hook must read.
        let failure = try #require(Self.commit(fixture, "-a"), "commit -a must fail")
        #expect(failure.contains(Docs.falseClaimLocation), "\(failure)")
        // `git commit PATH` likewise.
        #expect(Self.commit(fixture, "docs/readiness.md") != nil)
    }

    @Test("a stale agent commits the entry that clears it: a staged log change is its newest update")
    func staleAgentCommitsItsEntry() throws {
        let config = "proof_of_work:\n  logs: [\"feedback/*.md\"]\n  stale_after: 1h\n"
        let fixture = try GitFixture(files: Docs.files(Docs.allTrue, extra: ["feedback/rag.md": "# rag\n\n## 2026-11-01\nIndexed.\n"],
                                                       config: config))
        let now = ["--now", "2026-11-05T09:00:00Z", "--no-live"]
        let stale = CLI.inProcess(["check", "--repo", fixture.root, "--staged"] + now, in: fixture.root, environment: CLI.environment())
        #expect(stale.status == 1, "\(stale)")
        #expect(stale.stdout.contains("[pow.stale]"), "\(stale)")

        _ = try Self.install(fixture.root)
        // The hook gates what the commit brings: the old staleness does not stop other work…
        try fixture.write("notes.txt", "unrelated\n")
        try fixture.git("add", "notes.txt")
        #expect(Self.commit(fixture) == nil)
        // …and the agent's new entry, staged, makes it fresh in the index.
        try fixture.write("feedback/rag.md", "# rag\n\n## 2026-11-01\nIndexed.\n\n## 2026-11-05\nRe-ranked; evals in `evals/rag.json`.\n")
        try fixture.git("add", "feedback/rag.md")
        let fresh = CLI.inProcess(["check", "--repo", fixture.root, "--staged", "--format", "json"] + now, in: fixture.root,
                                  environment: CLI.environment())
        #expect(fresh.status == 0, "\(fresh)")
        let agents = try #require(try fresh.json()["agents"] as? [[String: Any]], "\(fresh)")
        #expect(agents.first?["state"] as? String == "fresh", "\(agents)")
        #expect(Self.commit(fixture) == nil)
        #expect(try fixture.git("log", "-1", "--format=%s", "--", "feedback/rag.md").hasPrefix("change"))
    }

    @Test("an existing hook is moved aside and runs first; install is idempotent")
    func chaining() throws {
        let fixture = try Self.repository()
        let hooks = fixture.root + "/.git/hooks"
        let existing = "#!/bin/sh\necho \"theirs ran\" >> \"$(git rev-parse --git-dir)/ran.log\"\nexit ${THEIRS_EXIT:-0}\n"
        try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
        try Data(existing.utf8).write(to: URL(fileURLWithPath: hooks + "/pre-commit"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hooks + "/pre-commit")

        let installed = try Self.install(fixture.root)
        #expect(installed.stdout.contains(".git/hooks/pre-commit: installed; the existing hook moved to pre-commit.pre-greenlight and runs first"), "\(installed)")
        #expect(try String(contentsOfFile: hooks + "/pre-commit.pre-greenlight", encoding: .utf8) == existing, "moved byte for byte")
        let ours = try String(contentsOfFile: hooks + "/pre-commit", encoding: .utf8)
        #expect(ours.contains("greenlight:hook"))

        let again = try Self.install(fixture.root)
        #expect(again.stdout == ".git/hooks/pre-commit: already installed\n.git/hooks/pre-merge-commit: already installed\n", "\(again)")
        #expect(try String(contentsOfFile: hooks + "/pre-commit", encoding: .utf8) == ours)
        #expect(try String(contentsOfFile: hooks + "/pre-commit.pre-greenlight", encoding: .utf8) == existing)

        // Both run: theirs first, then the gate.
        try fixture.write("notes.txt", "one\n")
        try fixture.git("add", "notes.txt")
        #expect(Self.commit(fixture) == nil)
        #expect(try String(contentsOfFile: fixture.root + "/.git/ran.log", encoding: .utf8) == "theirs ran\n")
        try fixture.write("docs/readiness.md", Docs.oneFalseClaim)
        try fixture.git("add", "docs/readiness.md")
        let failure = try #require(Self.commit(fixture))
        #expect(failure.contains(Docs.falseClaimLocation), "\(failure)")
        #expect(try String(contentsOfFile: fixture.root + "/.git/ran.log", encoding: .utf8) == "theirs ran\ntheirs ran\n")
    }

    @Test("a failing existing hook still stops the commit")
    func failingChainedHook() throws {
        let fixture = try Self.repository()
        let hooks = fixture.root + "/.git/hooks"
        try FileManager.default.createDirectory(atPath: hooks, withIntermediateDirectories: true)
        try Data("#!/bin/sh\necho 'lint failed' >&2\nexit 7\n".utf8).write(to: URL(fileURLWithPath: hooks + "/pre-commit"))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hooks + "/pre-commit")
        _ = try Self.install(fixture.root)
        try fixture.write("notes.txt", "one\n")
        try fixture.git("add", "notes.txt")
        let failure = try #require(Self.commit(fixture))
        #expect(failure.contains("lint failed"), "\(failure)")
        // A foreign hook where ours was, with the aside name taken: refused, nothing touched.
        try Data("#!/bin/sh\nexit 0\n".utf8).write(to: URL(fileURLWithPath: hooks + "/pre-commit"))
        let refused = try CLI.greenlight("hook", "install", in: fixture.root)
        expectToolError(refused, exit: 2, ["pre-commit.pre-greenlight exists already"])
        #expect(try String(contentsOfFile: hooks + "/pre-commit", encoding: .utf8) == "#!/bin/sh\nexit 0\n")
    }

    @Test("core.hooksPath is respected; a relative one from the work tree root")
    func hooksPath() throws {
        let fixture = try Self.repository()
        try fixture.git("config", "core.hooksPath", ".githooks")
        let installed = try Self.install(fixture.root + "/src")
        #expect(installed.stdout.hasPrefix(".githooks/pre-commit: installed\n"), "\(installed)")
        #expect(!FileManager.default.fileExists(atPath: fixture.root + "/.git/hooks/pre-commit"))
        try fixture.write("docs/readiness.md", Docs.oneFalseClaim)
        try fixture.git("add", "docs/readiness.md")
        #expect(Self.commit(fixture) != nil, "git runs the hook from core.hooksPath")
    }

    @Test("a linked worktree installs into the shared hooks of the common git directory")
    func linkedWorktree() throws {
        let fixture = try Self.repository()
        let linked = fixture.container + "/linked"
        try fixture.git("worktree", "add", "-q", "-b", "side", linked)
        let installed = try Self.install(linked)
        let common = fixture.root + "/.git/hooks"
        #expect(installed.stdout == "\(common)/pre-commit: installed\n\(common)/pre-merge-commit: installed\n", "\(installed)")
        // The main work tree's commits go through it too.
        try fixture.write("docs/readiness.md", Docs.oneFalseClaim)
        try fixture.git("add", "docs/readiness.md")
        #expect(Self.commit(fixture) != nil)
        // And the linked worktree's.
        try Data(Docs.oneFalseClaim.utf8).write(to: URL(fileURLWithPath: linked + "/docs/readiness.md"))
        try fixture.run(["add", "docs/readiness.md"], in: linked)
        #expect(throws: FixtureError.self) { try fixture.run(["commit", "-q", "-m", "x"], in: linked) }
    }

    @Test("pre-merge-commit: a merge that brings a false claim is stopped")
    func merge() throws {
        let fixture = try Self.repository()
        try fixture.git("checkout", "-q", "-b", "feature")
        try fixture.write("docs/readiness.md", Docs.oneFalseClaim)
        try fixture.commitAll("false claim, before the hook")
        try fixture.git("checkout", "-q", "main")
        try fixture.write("notes.txt", "main moves on\n")
        try fixture.commitAll("main")
        _ = try Self.install(fixture.root)
        let head = try fixture.git("rev-parse", "HEAD")
        #expect(throws: FixtureError.self) { try fixture.git("merge", "--no-ff", "--no-edit", "feature") }
        #expect(try fixture.git("rev-parse", "HEAD") == head, "the merge commit was not made")
    }

    @Test("a bare repository is refused; the hook without a greenlight anywhere says so")
    func refusals() throws {
        let fixture = try Self.repository()
        let bare = fixture.container + "/bare.git"
        try fixture.run(["clone", "-q", "--bare", fixture.root, bare], in: fixture.container)
        expectToolError(try CLI.greenlight("hook", "install", "--repo", bare), exit: 2, ["bare repository"])

        _ = try Self.install(fixture.root)
        let hook = fixture.root + "/.git/hooks/pre-commit"
        let result = try CLI.run("/bin/sh", [hook], in: fixture.root,
                                 environment: ["PATH": "/usr/bin:/bin", "HOME": CLI.home, "GREENLIGHT": "/nonexistent/greenlight"])
        #expect(result.status != 0, "\(result)")
        let text = try String(contentsOfFile: hook, encoding: .utf8)
            .replacingOccurrences(of: try #require(CLI.executable), with: "/nonexistent/greenlight")
        try Data(text.utf8).write(to: URL(fileURLWithPath: hook))
        let missing = try CLI.run("/bin/sh", [hook], in: fixture.root, environment: ["PATH": "/usr/bin:/bin", "HOME": CLI.home])
        #expect(missing.status == 1, "\(missing)")
        #expect(missing.stderr.hasPrefix("greenlight: not found on PATH"), "\(missing)")
    }
}
