import Foundation
import GreenlightTestSupport
import Testing

/// The secrets family through the built binary: preflight, the scan, the history scan, and bad
/// input — binary blobs, a 10 MB line, invalid UTF-8, a catastrophic pack, thousands of secrets.
@Suite("CLI: secrets")
struct SecretsCLITests {
    static let github = FakeSecret("ghp_", FakeSecret.alnum, 36, seed: 11)
    static let stripe = FakeSecret("sk_live_", FakeSecret.alnum, 30, seed: 12)

    @Test("preflight: one line per name, lengths only, exit 1 naming the missing ones")
    func preflight() throws {
        let fixture = try GitFixture(files: [".greenlight.yml": "secrets:\n  required: [API_URL]\n", "a.txt": "a\n"])
        let env = CLI.environment(extra: ["API_URL": Self.github.value, "API_KEY": ""])
        let path = try #require(CLI.executable)
        let failed = try CLI.run(path, ["preflight", "--require", "API_KEY,ADMIN_API_KEY"], in: fixture.root, environment: env)
        #expect(failed.status == 1, "\(failed)")
        #expect(failed.stdout == "API_KEY        empty\nADMIN_API_KEY  missing\nAPI_URL        set (40 characters)\n", "\(failed)")
        #expect(failed.stderrLines == ["greenlight: preflight failed: 2 of 3 required variables missing or empty: API_KEY, ADMIN_API_KEY"])
        let passed = try CLI.run(path, ["preflight"], in: fixture.root, environment: env)
        #expect(passed.status == 0, "\(passed)")
        let none = try CLI.run(path, ["preflight"], in: NSTemporaryDirectory(), environment: env)
        expectToolError(none, exit: 2, ["nothing to check"])
        for result in [failed, passed] { #expect(!result.stdout.contains(Self.github.random) && !result.stderr.contains(Self.github.random)) }
    }

    /// A team that makes a committed secret block the merge (the rule's default is a note until
    /// its field precision earns more).
    static let blocking = "rules: {secrets.leak: error}\n"

    @Test("check --scan-history reports a removed secret at its first commit")
    func scanHistory() throws {
        let fixture = try GitFixture()
        try fixture.write(".greenlight.yml", Self.blocking)
        try fixture.write("deploy/env.sh", "export STRIPE_KEY=\(Self.stripe.value)\n")
        let first = try fixture.commitAll("deploy script", date: "2025-06-01T08:00:00Z")
        try fixture.write("deploy/env.sh", "export STRIPE_KEY=\"$STRIPE_KEY\"\n")
        try fixture.commitAll("read it from the environment", date: "2025-06-02T08:00:00Z")
        let plain = try CLI.greenlight("check", "--repo", fixture.root)
        #expect(plain.status == 0, "\(plain)")
        let history = try CLI.greenlight("check", "--repo", fixture.root, "--scan-history")
        #expect(history.status == 1, "\(history)")
        let line = "deploy/env.sh:1:19: error: Stripe live secret or restricted key `sk_l…` (38 chars, fingerprint "
        #expect(lines(of: history.stdout, containing: line, "committed in \(first.prefix(12)) (2025-06-01T08:00:00Z)").count == 1, "\(history)")
        #expect(!history.stdout.contains(Self.stripe.random))
    }

    @Test("check --scan-history on a shallow clone: exit 2, saying how to fetch the history")
    func shallowClone() throws {
        let fixture = try GitFixture(files: ["a.txt": "a\n"])
        try fixture.write("b.txt", "b\n")
        try fixture.commitAll("second")
        let clone = fixture.container + "/shallow"
        try fixture.run(["clone", "-q", "--depth", "1", "file://" + fixture.root, clone], in: fixture.container)
        let result = try CLI.greenlight("check", "--repo", clone, "--scan-history")
        expectToolError(result, exit: 2, ["shallow clone", "fetch-depth: 0"])
        let head = try CLI.greenlight("check", "--repo", clone)
        #expect(head.status == 0, "\(head)")
    }

    @Test("bad input: binary blob, invalid UTF-8, a 10 MB line, thousands of secrets — findings, no crash, no hang")
    func badInput() throws {
        let fixture = try GitFixture()
        try fixture.write("assets/blob.bin", bytes: [0, 1, 2, 0xFF] + Array(" \(Self.github.value) ".utf8) + [0, 0])
        try fixture.write("legacy/latin1.py", bytes: Array("# caf".utf8) + [0xE9, 0xFF] + Array(" token = '\(Self.stripe.value)'\n".utf8))
        var huge = [UInt8](repeating: UInt8(ascii: "x"), count: 10 << 20)
        huge.replaceSubrange((8 << 20)..<((8 << 20) + 42), with: Array(" \(Self.github.value) ".utf8))
        try fixture.write("dist/bundle.min.js", bytes: huge)
        let many = (0..<2000).map { "t\($0) = \(FakeSecret("ghp_", FakeSecret.alnum, 36, seed: UInt64(100 + $0)).value)\n" }.joined()
        try fixture.write("dump/tokens.txt", many)
        try fixture.write(".greenlight.yml", "max_file_size: 20MiB\nsecrets:\n  max_findings_per_file: 25\n" + Self.blocking)
        try fixture.commitAll("odd content")

        let result = try CLI.greenlight("check", "--repo", fixture.root, "--format", "json")
        #expect(!result.timedOut && result.status == 1, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let findings = try #require(try result.json()["findings"] as? [[String: Any]])
        func at(_ path: String) -> [[String: Any]] { findings.filter { $0["path"] as? String == path } }
        // Binary (control bytes, not UTF-16): not read, and said so — never a silent pass.
        #expect(at("assets/blob.bin").map { $0["rule"] as? String } == ["secrets.unscanned"])
        #expect(at("legacy/latin1.py").map { "\($0["line"] ?? 0):\($0["column"] ?? 0)" } == ["1:18"])
        #expect(at("dist/bundle.min.js").map { "\($0["line"] ?? 0):\($0["column"] ?? 0)" } == ["1:\((8 << 20) + 2)"])
        let dump = at("dump/tokens.txt")
        #expect(dump.count == 26)
        #expect(dump.contains { ($0["message"] as? String)?.hasPrefix("more than 25 secrets in this file: only the first 25 are reported") == true })
        #expect(!result.stdout.contains(Self.github.random) && !result.stdout.contains(Self.stripe.random))
    }

    @Test("never silent: UTF-16 and a stray NUL are scanned; a file over max_file_size and an LFS pointer are said, in the snapshot and in history")
    func neverSilent() throws {
        let fixture = try GitFixture()
        let line = "token = \"\(Self.github.value)\"\n"
        let other = FakeSecret("ghp_", FakeSecret.alnum, 36, seed: 12)
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "# settings\ntoken = \"\(other.value)\"\n".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try fixture.write("config/settings.ini", bytes: utf16)
        try fixture.write("notes/log.txt", bytes: Array("session\u{0}start\n".utf8) + Array(line.utf8))
        var large = Array(String(repeating: "// padding line\n", count: 70_000).utf8)
        large += Array(line.utf8)
        try fixture.write("src/generated.ts", bytes: large)
        try fixture.write("models/weights.bin", "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 12345\n")
        try fixture.write(".greenlight.yml", Self.blocking)
        try fixture.commitAll("odd files")
        try fixture.remove("config/settings.ini")
        try fixture.commitAll("drop the UTF-16 file")

        let result = try CLI.greenlight("check", "--repo", fixture.root, "--scan-history", "--format", "json")
        #expect(result.status == 1, "\(result)")
        let findings = try #require(try result.json()["findings"] as? [[String: Any]])
        let seen = findings.map { "\($0["rule"] ?? "") \($0["path"] ?? "") \($0["line"] ?? 0):\($0["column"] ?? 0)" }.sorted()
        #expect(seen.contains("secrets.leak notes/log.txt 2:10"), "\(seen)")
        #expect(seen.contains("secrets.leak config/settings.ini 2:10"), "deleted, found in history: \(seen)")
        #expect(seen.contains("secrets.unscanned src/generated.ts 0:0"), "\(seen)")
        #expect(seen.contains("secrets.unscanned models/weights.bin 0:0"), "\(seen)")
        let large0 = findings.first { $0["path"] as? String == "src/generated.ts" }
        #expect((large0?["message"] as? String)?.contains("\(large.count) bytes, over max_file_size") == true)
        #expect((large0?["severity"] as? String) == "note")
        #expect(!result.stdout.contains(Self.github.random) && !result.stdout.contains(other.random))
    }

    @Test("a catastrophic regex in a team's pack: exit 2 naming the pack file, line, pack and rule")
    func catastrophicPack() throws {
        let fixture = try GitFixture(files: [
            "security/acme.yml": "pack: acme\nrules:\n  - id: acme-key\n    title: ACME key\n    keywords: [acme]\n    regex: 'acme_(\\w+\\s?)*$'\n",
            ".greenlight.yml": "secrets:\n  packs: [security/acme.yml]\n",
            "a.txt": "acme_aaaaaaaaaaaaaaaaaaaaaaaaaaaa!\n",
        ])
        let result = try CLI.greenlight("check", "--repo", fixture.root)
        expectToolError(result, exit: 2, ["security/acme.yml:6:12", "nests unbounded quantifiers", "pack acme", "rule acme-key"])
    }

    @Test("a slow regex that passes the load check is stopped per search, at its step budget, and reported")
    func slowPack() throws {
        let fixture = try GitFixture(files: [
            "security/slow.yml": "pack: slow\nrules:\n  - id: slow-key\n    title: slow\n    keywords: [aaaa]\n    regex: '(?:a|aa)+$'\n",
            ".greenlight.yml": "secrets:\n  packs: [security/slow.yml]\n" + Self.blocking,
            "a.txt": String(repeating: "a", count: 500) + "!\n",
        ])
        let result = try CLI.greenlight("check", "--repo", fixture.root)
        // A note of secrets.unscanned: the posture does not depend on a pattern's cost.
        #expect(result.status == 0, "\(result)")
        #expect(lines(of: result.stdout, containing: "a.txt:1:1: note: pattern slow-key (pack slow, security/slow.yml:3:5) ran over its search budget here (2000 × 10,000 regex steps)").count == 1, "\(result)")
    }

    @Test("secrets configuration errors: exit 2 with the position", arguments: [
        ("secrets:\n  allow:\n    regexes: ['(']\n", [".greenlight.yml:3:15", "invalid regular expression"]),
        ("secrets:\n  alow: {}\n", [".greenlight.yml:2:3", "unknown key 'alow'", "in secrets"]),
        ("secrets:\n  packs: [nope.yml]\n", ["secrets.packs: 'nope.yml' is not a text file in the snapshot"]),
        ("secrets:\n  disable: [github-pt]\n", ["unknown pattern 'github-pt'", "did you mean 'github-pat'"]),
        ("secrets:\n  max_findings_per_file: 0\n", [".greenlight.yml:2:26", "between 1 and 10000"]),
    ])
    func badConfig(_ yaml: String, _ fragments: [String]) throws {
        let fixture = try GitFixture(files: [".greenlight.yml": yaml, "a.txt": "a\n"])
        let result = try CLI.greenlight("check", "--repo", fixture.root)
        expectToolError(result, exit: 2, fragments)
    }
}
