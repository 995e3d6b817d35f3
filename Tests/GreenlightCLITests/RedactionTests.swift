import Foundation
import GreenlightTestSupport
import Testing

/// Known secrets are planted everywhere a secret can hide in a repository — code, a committed
/// `.env`, a readiness document's cited "path", a suppression comment, a removed file in history,
/// the environment, the command line, a broken config — then every command and format runs.
/// No output, error line or written file may contain any planted value, nor any 8-character
/// stretch of its random part.
@Suite("CLI: no secret value ever leaves")
struct RedactionTests {
    static let planted: [FakeSecret] = [
        FakeSecret("AKIA", FakeSecret.base32, 16, seed: 1),
        FakeSecret("ghp_", FakeSecret.alnum, 36, seed: 2),
        FakeSecret("sk-proj-", FakeSecret.alnum, 100, seed: 3),
        FakeSecret("sk_live_", FakeSecret.alnum, 30, seed: 4),
        FakeSecret("", FakeSecret.alnum, 32, seed: 5),  // generic assignment
        FakeSecret("", FakeSecret.alnum, 18, seed: 6),  // a password
        FakeSecret("xoxb-", FakeSecret.digits, 12, seed: 7, suffix: "-1234567890123-abcdefghijklmnopqrstuvwx"),
        FakeSecret("", FakeSecret.alnum, 24, seed: 8),  // a password in a URL
        FakeSecret("ghp_", FakeSecret.alnum, 36, seed: 9),  // in the environment only
        FakeSecret("ghp_", FakeSecret.alnum, 36, seed: 10),  // on the command line only
        FakeSecret("AIza", FakeSecret.alnum, 35, seed: 11),  // in a broken config
    ]

    static func repository() throws -> GitFixture {
        let p = planted.map(\.value)
        let fixture = try GitFixture()
        try fixture.write("src/config.py", "AWS_ACCESS_KEY_ID = '\(p[0])'\nSIGNING_SECRET = \"\(p[4])\"\n")
        try fixture.write("src/db.ts", "export const password = \"\(p[5])\"\nconst url = 'postgres://app:\(p[7])@db.internal/app'\n")
        try fixture.write(".env", "STRIPE_KEY=\(p[3])\nSLACK_BOT_TOKEN=\(p[6])\n")
        try fixture.write("docs/readiness.md", "# Readiness\n- [x] Token rotated — `deploy/\(p[1])`\n")
        try fixture.write("tests/fixture.py", "# greenlight:ignore secrets.leak -- test double \(p[1])\nTOKEN = '\(p[1])'\n")
        try fixture.write("ops/notes.md", "<!-- greenlight:ignore \(p[3]) -- wrong id -->\n")
        try fixture.write("legacy/llm.py", "client = OpenAI(api_key='\(p[2])')\n")
        try fixture.commitAll("planted", date: "2025-05-01T00:00:00Z")
        try fixture.remove("legacy/llm.py")
        try fixture.commitAll("remove the key", date: "2025-05-02T00:00:00Z")
        return fixture
    }

    func expectClean(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for secret in Self.planted {
            #expect(!text.contains(secret.value), "\(what) holds a planted secret", sourceLocation: sourceLocation)
            for stretch in secret.stretches where text.contains(stretch) {
                Issue.record("\(what) holds '\(stretch.prefix(2))…' of a planted secret", sourceLocation: sourceLocation)
                break
            }
        }
    }

    @Test("every command, format, output file and error message")
    func everything() throws {
        let fixture = try Self.repository()
        let root = fixture.root
        let out = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let path = try #require(CLI.executable)
        let p = Self.planted.map(\.value)
        let env = CLI.environment(extra: ["DEPLOY_TOKEN": p[8], "API_URL": "https://api.internal"])
        var runs: [(String, [String])] = []
        for format in ["text", "json", "markdown", "sarif", "junit", "github"] {
            for extra in [[], ["--scan-history"], ["--staged"], ["--worktree"]] {
                runs.append(("check \(format) \(extra)", ["check", "--format", format, "--now", "2026-01-01T00:00:00Z"] + extra))
            }
            runs.append(("check to file \(format)", ["check", "--format", format, "--scan-history", "--output", "\(out)/report.\(format)"]))
        }
        runs += [
            ("report", ["report", "--weekly", "--scan-history", "--output", "\(out)/weekly.md"]),
            ("report json", ["report", "--format", "json"]),
            ("history", ["history", "--format", "json"]),
            ("baseline", ["baseline", "--scan-history", "--output", "\(out)/baseline.json"]),
            ("check with baseline", ["check", "--scan-history", "--baseline", "\(out)/baseline.json"]),
            ("default baseline", ["baseline"]),
            ("rules", ["rules"]), ("rules json", ["rules", "--format", "json"]),
            ("explain", ["explain", "secrets.leak"]),
            ("preflight", ["preflight", "--require", "DEPLOY_TOKEN,API_URL,MISSING"]),
            ("preflight with a value for a name", ["preflight", "--require", "API_URL,\(p[9])"]),
            ("rev is a secret", ["check", "--rev", p[9]]),
            ("only is a secret", ["check", "--only", p[9]]),
            ("repo is a secret", ["check", "--repo", "\(out)/\(p[9])"]),
            ("explain a secret", ["explain", p[9]]),
            ("baseline file is a secret", ["check", "--baseline", p[9]]),
        ]
        for (name, arguments) in runs {
            let result = try CLI.run(path, arguments, in: root, environment: env)
            #expect(!result.timedOut && result.status <= 3, "\(name): \(result)")
            expectClean(result.stdout, "stdout of \(name)")
            expectClean(result.stderr, "stderr of \(name)")
        }

        // A broken configuration that quotes a secret.
        try fixture.write(".greenlight.yml", "rules:\n  secrets.leak: \(p[10])\n")
        let broken = try CLI.run(path, ["check"], in: root, environment: env)
        #expect(broken.status == 2, "\(broken)")
        expectClean(broken.stderr, "config error")
        try fixture.remove(".greenlight.yml")

        // The reports name the secrets they found (redacted), so the test can fail.
        let json = try String(contentsOfFile: "\(out)/report.json", encoding: .utf8)
        #expect(json.contains("`AKIA…` (20 chars, fingerprint "))
        #expect(json.contains("secrets-tokens/openai-api-key"), "the removed key is found in history")
        #expect(json.contains("[redacted ghp_… 40 chars]"), "the claims rule's message was redacted")

        // Every file written: outputs and anything Greenlight left in the work tree.
        var written = try FileManager.default.contentsOfDirectory(atPath: out).map { "\(out)/\($0)" }
        written += try fixture.git("ls-files", "--others", "-z").split(separator: "\0").map { "\(root)/\($0)" }
        #expect(written.contains("\(root)/.greenlight-baseline.json"))
        #expect(written.count >= 5)
        for file in written {
            let data = try #require(FileManager.default.contents(atPath: file))
            expectClean(String(decoding: data, as: UTF8.self), file)
        }
    }
}
