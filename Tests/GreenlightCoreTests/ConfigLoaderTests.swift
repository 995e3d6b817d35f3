@testable import GreenlightCore
import Testing

@Suite struct ConfigLoaderTests {
    let known: Set<String> = ["claims.missing-evidence", "core.bad-suppression"]

    func load(_ yaml: String) throws -> Config {
        try ConfigLoader.load(yaml: yaml, file: ".greenlight.yml", knownRuleIDs: known)
    }

    func message(_ yaml: String) -> String? {
        do {
            _ = try load(yaml)
            return nil
        } catch let error as ToolError {
            #expect(error.kind == .usage)
            #expect(!error.message.contains("\n"), "one line: \(error.message)")
            return error.message
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test func duplicateKeyAfterLoneCarriageReturnsIsAnErrorNotACrash() {
        // Found by fuzzing (config target): libyaml counts a lone CR as a line break and the
        // text's lines do not, so the repeated key's line lay past the last line and a range
        // with its bounds reversed crashed the run (exit 132).
        do {
            _ = try ConfigLoader.load(yaml: "\r\r\r\r\r\r\r\rversion: 1\nversion: 1\n", file: ".greenlight.yml", knownRuleIDs: [])
            Issue.record("expected a duplicate-key error")
        } catch {
            #expect("\(error)".contains("duplicate key 'version'"), "\(error)")
        }
    }

    @Test func emptyFileMeansDefaults() throws {
        let config = try load("")
        #expect(config.maxFileSize == 1 << 20)
        #expect(config.rules.isEmpty)
    }

    @Test func fullConfig() throws {
        let config = try load("""
            version: 1
            include: ["src/**", "docs/**"]
            exclude: [docs/archive]
            max_file_size: 512KiB
            rules:
              core.bad-suppression: warning
              claims.missing-evidence:
                severity: off
                docs: ["plan/*.md"]
            """)
        #expect(config.include.map(\.pattern) == ["src/**", "docs/**"])
        #expect(config.maxFileSize == 512 * 1024)
        #expect(config.rules["core.bad-suppression"]?.level == .warning)
        #expect(config.rules["claims.missing-evidence"]?.level == .off)
        #expect(config.rules["claims.missing-evidence"]?.options?["docs"] != nil)
        #expect(config.rules["claims.missing-evidence"]?.options?["severity"] == nil)
        #expect(config.admits("src/a.ts"))
        #expect(!config.admits("docs/archive/old.md"))
        #expect(!config.admits("README.md"))
    }

    @Test(arguments: [
        ("version: 1\nrulez: {}\n", ".greenlight.yml:2:1: unknown key 'rulez'"),
        ("rules:\n  claims.missing-evidenc: warning\n", ".greenlight.yml:2:3: unknown rule id 'claims.missing-evidenc' (did you mean 'claims.missing-evidence'?)"),
        ("rules:\n  claims.missing-evidence: loud\n", ".greenlight.yml:2:28: invalid severity 'loud'"),
        ("include: 3\n", ".greenlight.yml:1:10: expected a list at include"),
        ("include:\n  - ok/*\n  - 'bad/[x'\n", ".greenlight.yml:3:5: invalid glob 'bad/[x': unclosed '['"),
        ("version: 2\n", ".greenlight.yml:1:10: unsupported version 2"),
        ("rules:\n  a: [\n", ".greenlight.yml:3:1: invalid YAML"),
        ("include: []\ninclude: []\n", ".greenlight.yml:2:1: invalid YAML: duplicate key 'include'"),
        ("max_file_size: lots\n", ".greenlight.yml:1:16: invalid size 'lots'"),
        ("- a\n- b\n", ".greenlight.yml:1:1: configuration must be a mapping"),
    ])
    func errorsNameFileLineAndColumn(yaml: String, expected: String) {
        let got = message(yaml)
        #expect(got?.hasPrefix(expected) == true, "got: \(got ?? "no error")")
    }

    @Test func byteSizes() {
        #expect(ByteSize.parse("1048576") == 1_048_576)
        #expect(ByteSize.parse("1MiB") == 1 << 20)
        #expect(ByteSize.parse("2 MB") == 2_000_000)
        #expect(ByteSize.parse("0") == nil)
        #expect(ByteSize.parse("12 parsecs") == nil)
    }
}
