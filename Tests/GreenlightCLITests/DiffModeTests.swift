import Foundation
import GreenlightTestSupport
import Testing

@Suite("CLI: --diff-base and the hook report what a change brings; --fail-on sets the threshold")
struct DiffModeTests {
    /// `main` with one old false claim (docs/readiness.md:3) and an old leaked token; a branch
    /// `feature` on top.
    private func repository() throws -> GitFixture {
        let fixture = try GitFixture(files: Docs.files(extra: ["src/old.ts": "export const token = \"\(Self.old.value)\"\n"]))
        try fixture.git("checkout", "-q", "-b", "feature")
        return fixture
    }

    static let old = FakeSecret("ghp_", FakeSecret.alnum, 36, seed: 41)
    static let new = FakeSecret("ghp_", FakeSecret.alnum, 36, seed: 42)

    @Test("on a branch: new lines and what the change broke elsewhere are reported; old findings are not")
    func branch() throws {
        let fixture = try repository()
        // A new false claim on an added line, a new token in a changed file, and the deletion of
        // src/health.ts, which breaks the old, unchanged claim on line 2.
        try fixture.write("docs/readiness.md", Docs.oneFalseClaim + "- [x] Metrics — `src/metrics.ts`\n")
        try fixture.write("src/old.ts", "export const token = \"\(Self.old.value)\"\nexport const other = \"\(Self.new.value)\"\n")
        try fixture.remove("src/health.ts")
        try fixture.commitAll("feature", date: "2026-11-02T12:00:00Z")

        let whole = try CLI.greenlight("check", "--repo", fixture.root, "--no-live")
        #expect(whole.status == 1, "\(whole)")
        #expect(findingLines(whole.stdout).count == 5, "\(whole)")

        let diff = try CLI.greenlight("check", "--repo", fixture.root, "--no-live", "--diff-base", "main")
        #expect(diff.status == 1, "\(diff)")
        let listed = findingLines(diff.stdout)
        #expect(listed.count == 3, "\(diff)")
        #expect(lines(of: diff.stdout, containing: "docs/readiness.md:2:", "src/health.ts").count == 1, "\(diff)")
        #expect(lines(of: diff.stdout, containing: "docs/readiness.md:5:", "src/metrics.ts").count == 1, "\(diff)")
        #expect(lines(of: diff.stdout, containing: "src/old.ts:2:").count == 1, "\(diff)")
        #expect(!diff.stdout.contains("rateLimit") && !diff.stdout.contains("src/old.ts:1:"), "\(diff)")
        let head = try fixture.git("rev-parse", "HEAD").prefix(12)
        let base = try fixture.git("rev-parse", "main").prefix(12)
        #expect(diff.summaryLine.hasSuffix("(rev \(head); change since main (\(base)): 3 files, 2 findings outside it)"),
                "\(diff)")
        for fragment in Self.old.stretches + Self.new.stretches { #expect(!diff.stdout.contains(fragment)) }

        let json = try CLI.greenlight("check", "--repo", fixture.root, "--no-live", "--diff-base", "main", "--format", "json").json()
        let change = try #require(json["change"] as? [String: Any], "\(json)")
        #expect(change["base"] as? String == "main")
        #expect((change["baseCommit"] as? String)?.hasPrefix(String(base)) == true)
        #expect(change["files"] as? Int == 3 && change["outside"] as? Int == 2, "\(change)")
        #expect((json["findings"] as? [Any])?.count == 3, "\(json)")
        // A whole check has no `change` key.
        let plain = try CLI.greenlight("check", "--repo", fixture.root, "--no-live", "--format", "json").json()
        #expect(plain["change"] == nil)

        let markdown = try CLI.greenlight("check", "--repo", fixture.root, "--no-live", "--diff-base", "main", "--format", "markdown")
        #expect(markdown.stdout.contains("Only what changed since `main` (merge base `\(base)`) is reported: 3 changed files; "
            + "2 findings outside the change left out."), "\(markdown)")
    }

    @Test("a branch that changes nothing the rules see passes, though main has findings")
    func quietBranch() throws {
        let fixture = try repository()
        try fixture.write("README.md", "# Service\n")
        try fixture.commitAll("readme", date: "2026-11-02T12:00:00Z")
        let diff = try CLI.greenlight("check", "--repo", fixture.root, "--no-live", "--diff-base", "main")
        #expect(diff.status == 0, "\(diff)")
        #expect(findingLines(diff.stdout).isEmpty, "\(diff)")
        // The old token is not even looked for: per-file rules read only the changed files.
        #expect(diff.summaryLine.contains("1 file, 1 finding outside it"), "\(diff)")
        // Against itself: nothing changed.
        let same = try CLI.greenlight("check", "--repo", fixture.root, "--no-live", "--diff-base", "HEAD")
        #expect(same.status == 0 && same.summaryLine.contains("0 files, 1 finding outside it"), "\(same)")
    }

    @Test("the merge base, not the tip: commits on main after the branch point are not the branch's change")
    func mergeBase() throws {
        let fixture = try repository()
        try fixture.write("src/feature.ts", "export const f = 1\n")
        try fixture.commitAll("feature work", date: "2026-11-02T12:00:00Z")
        try fixture.git("checkout", "-q", "main")
        // main moves on: it fixes its false claim and adds another document's false claim.
        try fixture.write("src/rateLimit.ts", "export const limit = 10\n")
        try fixture.write("docs/ROADMAP.md", "# Roadmap\n- [x] Tracing — `src/tracing.ts`\n")
        try fixture.commitAll("main work", date: "2026-11-03T12:00:00Z")
        try fixture.git("checkout", "-q", "feature")
        let diff = try CLI.greenlight("check", "--repo", fixture.root, "--no-live", "--diff-base", "main")
        #expect(diff.status == 0, "\(diff)")
        #expect(diff.summaryLine.contains("1 file,"), "\(diff)")
    }

    @Test("the hook's check: what is staged against HEAD; before the first commit, everything")
    func staged() throws {
        let fixture = try repository()
        try fixture.write("docs/readiness.md", Docs.oneFalseClaim + "- [x] Metrics — `src/metrics.ts`\n")
        try fixture.git("add", "docs/readiness.md")
        let staged = try CLI.greenlight("check", "--repo", fixture.root, "--no-live", "--staged", "--diff-base", "HEAD")
        #expect(staged.status == 1, "\(staged)")
        #expect(findingLines(staged.stdout).count == 1, "\(staged)")
        #expect(lines(of: staged.stdout, containing: "docs/readiness.md:5:", "does not exist in the index").count == 1, "\(staged)")
        #expect(staged.summaryLine.contains("(index "), "\(staged)")

        let fresh = try GitFixture()
        try fresh.write("docs/readiness.md", Docs.oneFalseClaim)
        try fresh.write(".greenlight.yml", Docs.blocking)
        try fresh.git("add", ".")
        let first = try CLI.greenlight("check", "--repo", fresh.root, "--no-live", "--staged", "--diff-base", "HEAD")
        #expect(first.status == 1, "\(first)")
        #expect(findingLines(first.stdout).count == 2, "\(first)")
        #expect(!first.summaryLine.contains("change since"), "\(first)")
    }

    @Test("a --diff-base that does not resolve is a usage error; a diff run is not recorded in the history")
    func badBase() throws {
        let fixture = try repository()
        let bad = try CLI.greenlight("check", "--repo", fixture.root, "--no-live", "--diff-base", "origin/nope")
        #expect(bad.status == 2, "\(bad)")
        #expect(bad.stdout.isEmpty && bad.stderr.hasPrefix("greenlight: --diff-base 'origin/nope' does not resolve"), "\(bad)")
        #expect(bad.stderr.split(separator: "\n").count == 1, "\(bad)")

        let history = fixture.container + "/history.sqlite"
        let unrecorded = try CLI.greenlight("check", "--repo", fixture.root, "--no-live", "--diff-base", "main", "--history", history)
        #expect(!FileManager.default.fileExists(atPath: history))
        #expect(unrecorded.stderr == "greenlight: not recorded in the history: a --diff-base run sees only the change\n", "\(unrecorded)")
    }

    @Test("--fail-on: error (default), warning, note, never; the posture does not move")
    func failOn() throws {
        // One warning (claims.no-evidence) and one note (the default severity of missing-evidence).
        let fixture = try GitFixture(files: Docs.files(Docs.oneFalseClaim + "- [x] Load shedding\n",
                                                        config: "rules: {claims.no-evidence: warning}\n"))
        let cases: [(String?, Int32)] = [(nil, 0), ("error", 0), ("warning", 1), ("note", 1), ("never", 0)]
        for (threshold, status) in cases {
            let arguments = ["check", "--repo", fixture.root, "--no-live"] + (threshold.map { ["--fail-on", $0] } ?? [])
            let result = CLI.inProcess(arguments, in: NSTemporaryDirectory(), environment: CLI.environment())
            #expect(result.status == status, "\(threshold ?? "default"): \(result)")
            #expect(result.summaryLine.hasPrefix("YELLOW: 0 errors, 1 warning, 1 note;"), "\(result)")
        }
        let notes = try GitFixture(files: Docs.files(config: nil))
        #expect(try CLI.greenlight("check", "--repo", notes.root, "--no-live", "--fail-on", "warning").status == 0)
        #expect(try CLI.greenlight("check", "--repo", notes.root, "--no-live", "--fail-on", "note").status == 1)

        let bad = try CLI.greenlight("check", "--repo", fixture.root, "--fail-on", "sometimes")
        #expect(bad.status == 2, "\(bad)")
        #expect(bad.stderr.contains("'error', 'warning', 'note' or 'never'"), "\(bad)")
        let format = try CLI.greenlight("check", "--repo", fixture.root, "--format", "xml")
        #expect(format.status == 2, "\(format)")
        #expect(format.stderr.contains("'text', 'json', 'markdown', 'sarif', 'junit', 'github'"), "\(format)")
    }
}
