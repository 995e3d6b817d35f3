import Foundation
import GreenlightTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Odd contents and odd repositories: invalid UTF-8 in names and text, binary documents and
/// objects missing from the database.
@Suite("CLI: invalid UTF-8, binary files, unreadable objects")
struct ContentTests {
    /// Write `contents` at `root/relative` where `relative` is raw bytes (need not be UTF-8).
    static func writeRaw(root: String, relative: [UInt8], contents: [UInt8]) throws {
        let path = (Array(root.utf8) + [UInt8(ascii: "/")] + relative + [0]).map { CChar(bitPattern: $0) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw CLIError("open failed: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let written = contents.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == contents.count else { throw CLIError("short write") }
    }

    /// `docs/status-<0xFF>.md`: a readiness document whose name is not UTF-8.
    static let rawName = Array("docs/status-".utf8) + [0xFF] + Array(".md".utf8)
    static let shownName = "docs/status-\u{FFFD}.md"

    @Test("a newline and an escape in a committed file's name cannot inject a workflow command or recolour the log")
    func controlCharactersInNames() throws {
        let fixture = try GitFixture(files: Docs.files(Docs.allTrue))
        let name = "docs/STATUS\n::error title=pwned::injected\u{1B}[31m.md"
        try fixture.write(name, "# Status\n- [x] Tracing — `src/tracing.ts`\n")
        try fixture.commitAll("odd name", date: "2026-11-02T12:00:00Z")
        for format in ["text", "github"] {
            let result = try CLI.greenlight("check", "--repo", fixture.root, "--format", format, "--max-annotations", "0")
            #expect(result.status == 1, "\(format): \(result)")
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(!lines.contains { $0.hasPrefix("::error title=pwned") }, "\(format): \(result)")
            #expect(!result.stdout.contains("\u{1B}"), "\(format): \(result)")
            #expect(result.stdout.contains("docs/STATUS\\n::error title=pwned::injected\\x1B[31m.md:2:"), "\(format): \(result)")
        }
        // A name that itself starts with `::` cannot start a workflow command either.
        let rooted = try GitFixture(files: Docs.files(Docs.allTrue, extra: ["::error::STATUS.md": "# Status\n- [x] Cache — `src/cache.ts`\n"]))
        for format in ["text", "github"] {
            let result = try CLI.greenlight("check", "--repo", rooted.root, "--format", format, "--max-annotations", "0")
            #expect(result.status == 1, "\(format): \(result)")
            #expect(!result.stdout.split(separator: "\n").contains { $0.hasPrefix("::") }, "\(format): \(result)")
            #expect(result.stdout.contains("\\x3A:error::STATUS.md:2:"), "\(format): \(result)")
        }
    }

    @Test("invalid UTF-8 in a file name and in a readiness document: findings still reported")
    func invalidUTF8() throws {
        let fixture = try GitFixture()
        try fixture.write(".greenlight.yml", Docs.blocking)
        try fixture.write("src/health.ts", Docs.health)
        // Line 1 and the end of line 2 hold stray bytes; one invalid byte precedes the span on line 2.
        let readiness: [UInt8] = Array("# Readiness ".utf8) + [0xFF, 0xFE] + Array("\n- [x] caf".utf8) + [0xE9]
            + Array(" — `src/missing.ts` ".utf8) + [0xC3, 0x28] + Array("\n- [x] Health — `src/health.ts`\n".utf8)
        try fixture.write("docs/readiness.md", bytes: readiness)
        try Self.writeRaw(root: fixture.root, relative: Self.rawName, contents: Array("- [x] Smoke — `scripts/smoke.sh`\n".utf8))
        try fixture.commitAll("odd bytes")
        let listed = try fixture.git("ls-files", "-z", "docs")
        #expect(listed.contains("docs/status-"), "git should track the raw name: \(listed)")

        let result = try CLI.greenlight("check", "--repo", fixture.root)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        #expect(lines(of: result.stdout, containing: "docs/readiness.md:2:15: error:", "`src/missing.ts`").count == 1, "\(result)")
        #expect(lines(of: result.stdout, containing: "\(Self.shownName):1:16: error:", "`scripts/smoke.sh`").count == 1, "\(result)")
        #expect(findingLines(result.stdout).count == 2, "\(result)")
        #expect(result.summaryLine.hasPrefix("RED: 2 errors"), "\(result)")

        // The JSON report stays valid UTF-8 JSON.
        let json = try CLI.greenlight("check", "--repo", fixture.root, "--format", "json").json()
        let paths = (json["findings"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        #expect(paths == ["docs/readiness.md", Self.shownName])

        // The work tree is read by the raw bytes of the name.
        try Self.writeRaw(root: fixture.root, relative: Self.rawName, contents: Array("- [x] Smoke — `scripts/other.sh`\n".utf8))
        let worktree = try CLI.greenlight("check", "--repo", fixture.root, "--worktree")
        #expect(worktree.status == 1, "\(worktree)")
        #expect(lines(of: worktree.stdout, containing: "\(Self.shownName):1:16: error:", "`scripts/other.sh`").count == 1, "\(worktree)")
        #expect(!worktree.stdout.contains("scripts/smoke.sh"), "\(worktree)")
    }

    @Test("a readiness document saved as UTF-16 is decoded and checked; a cited run's token is never printed")
    func utf16Document() throws {
        let text = "# Status\n- [x] Done — `src/missing.ts`\n- [x] Smoke passed: https://github.com/acme/shop/actions/runs/123456789?token=ghp_" + "R7fQ2mX9kL4pV8sT1wY6zB3nC5dH0jA2eG7u\n"
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let fixture = try GitFixture()
        try fixture.write("docs/status.md", bytes: utf16)
        try fixture.commitAll("utf-16 status")

        let result = try CLI.greenlight("check", "--repo", fixture.root, "--only", "claims", "--format", "json")
        #expect(result.stderr.isEmpty, "\(result)")
        let rules = (try result.json()["findings"] as? [[String: Any]])?.compactMap { $0["rule"] as? String } ?? []
        #expect(rules.contains("claims.missing-evidence"), "\(result)")
        #expect(rules.contains("claims.run-not-recorded"), "\(result)")
        #expect(!rules.contains("claims.unreadable-document"), "\(result)")
        #expect(!result.stdout.contains("R7fQ2mX9kL4pV8sT1wY6zB3nC5dH0jA2eG7u"), "\(result)")
    }

    @Test("a binary status.md (NUL bytes and controls) is not parsed, and the run says which document it could not read")
    func binaryDocument() throws {
        let claim = Array("# Status\n- [x] Done — `src/missing.ts`\n".utf8)
        let fixture = try GitFixture()
        try fixture.write(".greenlight.yml", Docs.blocking)
        try fixture.write("src/health.ts", Docs.health)
        try fixture.write("docs/status.md", bytes: claim + [0, 0, 1, 2, 0] + Array("\n- [x] `also/missing.ts`\n".utf8))
        try fixture.commitAll("binary status")

        let result = try CLI.greenlight("check", "--repo", fixture.root)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        #expect(result.summaryLine.hasPrefix("YELLOW: 0 errors, 1 warning"), "\(result)")
        let unread = lines(of: result.stdout, containing: "docs/status.md", "warning:", "[claims.unreadable-document]")
        #expect(unread.count == 1 && unread[0].contains("it is binary"), "\(result)")

        // Control: the same claim as text is a finding.
        try fixture.write("docs/status.md", bytes: claim)
        try fixture.commitAll("text status", date: "2026-11-02T12:00:00Z")
        let text = try CLI.greenlight("check", "--repo", fixture.root)
        #expect(text.status == 1, "\(text)")
        #expect(lines(of: text.stdout, containing: "docs/status.md:2:15: error:").count == 1, "\(text)")
    }

    @Test("a readiness document whose blob is missing: the run goes on and says so")
    func unreadableBlob() throws {
        let fixture = try GitFixture(files: Docs.files(Docs.allTrue))
        let id = try fixture.git("rev-parse", "HEAD:docs/readiness.md").trimmingCharacters(in: .whitespacesAndNewlines)
        let object = "\(fixture.root)/.git/objects/\(id.prefix(2))/\(id.dropFirst(2))"
        #expect(FileManager.default.fileExists(atPath: object))
        try FileManager.default.removeItem(atPath: object)

        let result = try CLI.greenlight("check", "--repo", fixture.root)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        let notes = lines(of: result.stdout, containing: "docs/readiness.md", "note:", "[core.missing-object]")
        #expect(notes.count == 1 && notes[0].contains("1 file's content is missing from the object database"), "\(result)")
        // The claims family names the document whose claims it could not check.
        #expect(result.summaryLine.hasPrefix("YELLOW: 0 errors, 1 warning, 1 note"), "\(result)")
        let json = try CLI.greenlight("check", "--repo", fixture.root, "--format", "json").json()
        let rules = (json["findings"] as? [[String: Any]])?.compactMap { $0["rule"] as? String }
        #expect(rules == ["claims.unreadable-document", "core.missing-object"])
        let claimsOnly = try CLI.greenlight("check", "--repo", fixture.root, "--only", "claims")
        #expect(claimsOnly.status == 0 && claimsOnly.stderr.isEmpty, "\(claimsOnly)")
        let baseline = try CLI.greenlight("baseline", "--repo", fixture.root)
        #expect(baseline.status == 0, "\(baseline)")
        #expect(FileManager.default.fileExists(atPath: fixture.root + "/.greenlight-baseline.json"))
    }

    @Test("a missing blob does not stop a rule that reads every file")
    func unreadBlobIsNotRead() throws {
        let fixture = try GitFixture(files: Docs.files(Docs.allTrue))
        let id = try fixture.git("rev-parse", "HEAD:src/health.ts").trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.removeItem(atPath: "\(fixture.root)/.git/objects/\(id.prefix(2))/\(id.dropFirst(2))")

        // claims.missing-evidence only needs the listing to know src/health.ts exists.
        let claims = try CLI.greenlight("check", "--repo", fixture.root, "--only", "claims")
        #expect(claims.status == 0, "\(claims)")
        #expect(claims.summaryLine.hasPrefix("GREEN: 0 errors"), "\(claims)")
        // core.bad-suppression and secrets.leak read every text file: they go around it.
        let all = try CLI.greenlight("check", "--repo", fixture.root)
        #expect(all.status == 0 && all.stderr.isEmpty, "\(all)")
        #expect(lines(of: all.stdout, containing: "src/health.ts", "[core.missing-object]").count == 1, "\(all)")
    }

    @Test("CRLF line endings, a BOM and tabs: positions count as an editor does")
    func lineEndings() throws {
        let fixture = try GitFixture()
        try fixture.write(".greenlight.yml", Docs.blocking)
        try fixture.write("src/h.ts", Docs.health)
        let document = Array("\u{FEFF}- [x] A `src/nope.ts`\r\n- [x] B — `src/nope2.ts`\r\n".utf8)
            + Array("\t- [x] C `./src/h.ts` `../x.md` `src/*.ts` `src/` `docs/../src/h.ts`\r\n".utf8)
        try fixture.write("docs/STATUS.md", bytes: document)
        try fixture.commitAll("crlf")

        let result = try CLI.greenlight("check", "--repo", fixture.root)
        #expect(result.status == 1, "\(result)")
        let listed = findingLines(result.stdout).map { $0.prefix { $0 != " " } }
        #expect(listed == ["docs/STATUS.md:1:10:", "docs/STATUS.md:2:12:", "docs/STATUS.md:3:24:"], "\(result)")
        #expect(!result.stdout.contains("\r"), "\(result)")
        #expect(lines(of: result.stdout, containing: "docs/STATUS.md:3:24:", "`../x.md`").count == 1, "\(result)")
    }
}
