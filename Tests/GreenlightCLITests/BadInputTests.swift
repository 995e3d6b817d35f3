import Foundation
import GreenlightTestSupport
import Testing

/// A bad `.greenlight.yml`: the position the message must name and words it must contain.
struct ConfigCase: Sendable, CustomTestStringConvertible {
    let name: String
    let yaml: String
    /// `line:column` (or just `line:`) right after `.greenlight.yml:`.
    let position: String
    let fragments: [String]

    var testDescription: String { name }
}

/// A bad invocation: arguments (run in a repository with one commit) and what must be said.
struct FlagCase: Sendable, CustomTestStringConvertible {
    let arguments: [String]
    let exit: Int32
    let fragments: [String]

    var testDescription: String { arguments.joined(separator: " ") }
}

@Suite("CLI: bad inputs give one line on stderr and the documented exit code")
struct BadInputTests {
    static let configCases: [ConfigCase] = [
        ConfigCase(
            name: "invalid YAML",
            yaml: "version: 1\ninclude: [\"docs/**\"]\nexclude: a: b\n",
            position: "3:", fragments: ["invalid YAML"]
        ),
        ConfigCase(
            name: "a rule option pattern that backtracks exponentially",
            yaml: "version: 1\nrules:\n  ci.masked-failure:\n    critical: ['ship', '(x+)+y']\n",
            position: "4:24", fragments: ["nests unbounded quantifiers in '(x+)+'", "backtrack exponentially"]
        ),
        ConfigCase(
            name: "an invalid step-order pattern",
            yaml: "version: 1\nrules:\n  ci.step-order:\n    before: 'make ('\n",
            position: "4:13", fragments: ["invalid regular expression 'make ('", "ci.step-order"]
        ),
        ConfigCase(
            name: "unknown top-level key",
            yaml: "version: 1\ninclude: [\"src/**\"]\nexlcude: [\"docs/**\"]\n",
            position: "3:1", fragments: ["unknown key 'exlcude'", "exclude"]
        ),
        ConfigCase(
            name: "unknown rule id in rules",
            yaml: "version: 1\nrules:\n  claims.missing-evidence: warning\n  claims.no-such-rule: error\n",
            position: "4:3", fragments: ["unknown rule id 'claims.no-such-rule'"]
        ),
        ConfigCase(
            name: "misspelt rule id gets a suggestion",
            yaml: "rules:\n  claims.missing-evidense: warning\n",
            position: "2:3", fragments: ["unknown rule id 'claims.missing-evidense'", "did you mean 'claims.missing-evidence'"]
        ),
        ConfigCase(
            name: "invalid severity",
            yaml: "version: 1\nrules:\n  claims.missing-evidence: loud\n",
            position: "3:28", fragments: ["invalid severity 'loud'"]
        ),
        ConfigCase(
            name: "invalid severity inside a rule mapping",
            yaml: "rules:\n  claims.missing-evidence:\n    severity: fatal\n",
            position: "3:15", fragments: ["invalid severity 'fatal'"]
        ),
        ConfigCase(
            name: "invalid glob in include",
            yaml: "version: 1\ninclude:\n  - \"src/**\"\n  - \"docs/[a\"\n",
            position: "4:5", fragments: ["invalid glob 'docs/[a'", "include"]
        ),
        ConfigCase(
            name: "duplicate key",
            yaml: "version: 1\nexclude: [\"a/**\"]\nexclude: [\"b/**\"]\n",
            position: "3:1", fragments: ["duplicate key 'exclude'"]
        ),
        ConfigCase(
            name: "wrong type",
            yaml: "version: 1\ninclude: 3\n",
            position: "2:10", fragments: ["include"]
        ),
        ConfigCase(
            name: "unknown key in rule options",
            yaml: "rules: {claims.missing-evidence: {severity: warning, nope: 1}}\n",
            position: "1:54", fragments: ["unknown key 'nope'", "claims.missing-evidence"]
        ),
        ConfigCase(
            name: "invalid glob in the claims section",
            yaml: "claims:\n  docs: [\"plan/{a,b\"]\n",
            position: "2:11", fragments: ["invalid glob 'plan/{a,b'", "claims"]
        ),
        ConfigCase(
            name: "wrong type in rule options",
            yaml: "rules:\n  claims.no-evidence:\n    exempt: yes\n",
            position: "3:13", fragments: ["expected a list", "claims.no-evidence"]
        ),
        ConfigCase(
            name: "unsupported version",
            yaml: "version: 2\n",
            position: "1:10", fragments: ["unsupported version 2"]
        ),
        ConfigCase(
            name: "nesting past libyaml's limit, said without its C API",
            yaml: "include: " + String(repeating: "[", count: 1100) + String(repeating: "]", count: 1100) + "\n",
            position: "1:", fragments: ["invalid YAML: nested more than 1000 levels deep"]
        ),
        ConfigCase(
            name: "an ai pack the snapshot does not hold",
            yaml: "ai:\n  packs:\n    - checks/team-ai.yml\n",
            position: "3:7", fragments: ["ai.packs names 'checks/team-ai.yml', which is not a text file in the snapshot"]
        ),
        ConfigCase(
            name: "a secrets pack outside the repository",
            yaml: "secrets:\n  packs: [../outside.yml]\n",
            position: "2:11", fragments: ["secrets.packs: '../outside.yml' is not a text file in the snapshot"]
        ),
        ConfigCase(
            name: "braces that expand past the bound",
            yaml: "include: [\"" + String(repeating: "{a,b}", count: 9) + "\"]\n",
            position: "1:11", fragments: ["its braces expand to more than 256 patterns"]
        ),
    ]

    @Test("every mistake of a configuration is reported, each on its line, in one run")
    func everyConfigErrorAtOnce() throws {
        let fixture = try GitFixture(files: Docs.files(Docs.allTrue))
        try fixture.write(".greenlight.yml", "include: [\"[z-a]\", \"a{b\"]\nrules:\n  claims.nope: error\n  docker.nope: error\n")
        let loaded = try CLI.greenlight("check", "--repo", fixture.root)
        #expect(loaded.status == 2)
        #expect(loaded.stderrLines.filter { !$0.isEmpty }.map { $0.components(separatedBy: ".greenlight.yml:").last ?? "" }
                    .map { String($0.prefix(4)) } == ["1:11", "1:20", "3:3:", "4:3:"], "\(loaded.stderr)")
        try fixture.write(".greenlight.yml", "rules:\n  ci.masked-failure:\n    critical: ['(x+)+y']\nclaims:\n  docs: 3\nprobes:\n  - name: a b\n    url: http://h/\n    expect: ['[STATUS] == 200']\n")
        let decoded = try CLI.greenlight("check", "--repo", fixture.root)
        #expect(decoded.status == 2)
        #expect(decoded.stderrLines.filter { !$0.isEmpty }.count == 3, "\(decoded.stderr)")
        for fragment in ["3:16: regular expression '(x+)+y'", "5:9: expected a list at docs", "7:11: invalid probe name 'a b'"] {
            #expect(decoded.stderr.contains(fragment), "\(fragment)")
        }
    }

    @Test("--history /dev/null is said, not a silent run without history; /dev/null stays a device")
    func historyOnADevice() throws {
        let fixture = try GitFixture(files: Docs.files())
        let result = try CLI.greenlight("check", "--repo", fixture.root, "--history", "/dev/null")
        #expect(result.status == 3)
        #expect(result.stderr.contains("/dev/null: not a usable Greenlight history database"), "\(result.stderr)")
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test("a configuration that is not UTF-8 is refused at its first bad byte")
    func configNotUTF8() throws {
        let fixture = try GitFixture(files: Docs.files(Docs.allTrue))
        try fixture.write(".greenlight.yml", bytes: Array("version: 1\ninclude: [\"docs/".utf8) + [0xFF, 0xFE] + Array("*.md\"]\n".utf8))
        expectToolError(try CLI.greenlight("check", "--repo", fixture.root), exit: 2,
                        [".greenlight.yml:2:17: the configuration is not valid UTF-8"])
    }

    @Test("invalid .greenlight.yml: exit 2, one line naming .greenlight.yml:LINE:COL", arguments: configCases)
    func invalidConfig(_ config: ConfigCase) throws {
        let fixture = try GitFixture(files: Docs.files(Docs.allTrue))
        try fixture.write(".greenlight.yml", config.yaml)
        let result = try CLI.greenlight("check", "--repo", fixture.root)
        expectToolError(result, exit: 2, [".greenlight.yml:" + config.position] + config.fragments)
        // The same file given with --config is reported under the name it was given by.
        let explicit = try CLI.greenlight("check", "--config", ".greenlight.yml", in: fixture.root)
        expectToolError(explicit, exit: 2, [".greenlight.yml:" + config.position] + config.fragments)
    }

    static let flagCases: [FlagCase] = [
        FlagCase(arguments: ["check", "--repo", "does/not/exist"], exit: 2, fragments: ["does/not/exist", "no such directory"]),
        FlagCase(arguments: ["check", "--rev", "nope"], exit: 2, fragments: ["--rev 'nope'", "does not resolve"]),
        FlagCase(arguments: ["baseline", "--rev", "nope"], exit: 2, fragments: ["--rev 'nope'", "does not resolve"]),
        FlagCase(arguments: ["check", "--format", "xml"], exit: 2, fragments: ["'xml'", "--format", "(see greenlight --help)"]),
        FlagCase(arguments: ["check", "--no-such-flag"], exit: 2, fragments: ["--no-such-flag"]),
        FlagCase(arguments: ["explain", "no.such-rule"], exit: 2, fragments: ["unknown rule id 'no.such-rule'"]),
        FlagCase(arguments: ["explain", "claims.missing-evidense"], exit: 2,
                 fragments: ["unknown rule id 'claims.missing-evidense'", "did you mean 'claims.missing-evidence'"]),
        FlagCase(arguments: ["check", "--rev", "a", "--staged"], exit: 2, fragments: ["exclude each other"]),
        FlagCase(arguments: ["check", "--staged", "--worktree"], exit: 2, fragments: ["exclude each other"]),
        FlagCase(arguments: ["check", "--now", "yesterday"], exit: 2, fragments: ["--now 'yesterday'", "ISO 8601"]),
        FlagCase(arguments: ["check", "--now", "2026-13-45T99:00:00Z"], exit: 2, fragments: ["--now '2026-13-45T99:00:00Z'"]),
        FlagCase(arguments: ["check", "--only", "nofamily"], exit: 2, fragments: ["unknown rule family 'nofamily'", "claims"]),
        FlagCase(arguments: ["check", "--skip", "claims,nofamily"], exit: 2, fragments: ["unknown rule family 'nofamily'"]),
        FlagCase(arguments: ["check", "--baseline", "missing.json"], exit: 2, fragments: ["missing.json", "cannot read baseline file"]),
        FlagCase(arguments: ["check", "--baseline", "src/health.ts"], exit: 2, fragments: ["health.ts", "not a Greenlight baseline"]),
        FlagCase(arguments: ["check", "--config", "missing.yml"], exit: 2, fragments: ["missing.yml", "cannot read configuration file"]),
        FlagCase(arguments: ["history", "--limit", "-5"], exit: 2, fragments: ["--limit must be a positive number (got -5)"]),
        FlagCase(arguments: ["check", "--format", "github", "--max-annotations", "-1"], exit: 2, fragments: ["--max-annotations must be 0 or more"]),
    ]

    @Test("bad flags and arguments: one stderr line, documented exit code", arguments: flagCases)
    func badFlag(_ flag: FlagCase) throws {
        let fixture = try GitFixture(files: Docs.files())
        let path = try #require(CLI.executable)
        let result = try CLI.run(path, flag.arguments, in: fixture.root, environment: CLI.environment())
        expectToolError(result, exit: flag.exit, flag.fragments)
    }

    @Test("not a git repository: exit 3")
    func notARepository() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "- [x] `missing.ts`\n".write(toFile: directory + "/STATUS.md", atomically: true, encoding: .utf8)
        let result = try CLI.greenlight("check", "--repo", directory)
        expectToolError(result, exit: 3, [directory, "not a git repository"])
        let fromInside = try CLI.greenlight("check", in: directory)
        expectToolError(fromInside, exit: 3, ["not a git repository"])
    }

    @Test("a repository with no commits: exit 3 for HEAD, --staged still works")
    func noCommits() throws {
        let fixture = try GitFixture()
        for (path, content) in Docs.files() { try fixture.write(path, content) }
        let result = try CLI.greenlight("check", "--repo", fixture.root)
        expectToolError(result, exit: 3, ["no commits"])
        let explicit = try CLI.greenlight("check", "--repo", fixture.root, "--rev", "HEAD")
        expectToolError(explicit, exit: 3, ["no commits"])

        try fixture.git("add", "-A")
        let staged = try CLI.greenlight("check", "--repo", fixture.root, "--staged")
        #expect(staged.status == 1, "\(staged)")
        #expect(lines(of: staged.stdout, containing: "docs/readiness.md:3:23: error:", "src/rateLimit.ts").count == 1, "\(staged)")
        #expect(staged.summaryLine == "RED: 1 error, 0 warnings, 0 notes; 0 suppressed, 0 baselined (index)", "\(staged)")
    }

    @Test("a rule without options rejects every option key, including 'none'")
    func ruleWithoutOptions() throws {
        let fixture = try GitFixture(files: Docs.files(Docs.allTrue))
        try fixture.write(".greenlight.yml", "rules:\n  core.bad-suppression: {x: 1}\n")
        let unknown = try CLI.greenlight("check", "--repo", fixture.root)
        expectToolError(unknown, exit: 2, [".greenlight.yml:2:26", "unknown key 'x'", "(expected no keys)", "core.bad-suppression"])

        try fixture.write(".greenlight.yml", "rules:\n  core.bad-suppression: {none: 1}\n")
        let none = try CLI.greenlight("check", "--repo", fixture.root)
        expectToolError(none, exit: 2, [".greenlight.yml:2:26", "unknown key 'none'", "(expected no keys)"])
    }

    @Test("an error message stays one line when an argument holds a newline")
    func newlineInArgument() throws {
        let fixture = try GitFixture(files: Docs.files())
        let path = try #require(CLI.executable)
        let cases: [[String]] = [
            ["check", "--rev", "HEAD\nx"],
            ["check", "--repo", fixture.container + "/no\nsuch"],
            ["check", "--now", "x\ny"],
            ["check", "--only", "a\nb"],
            ["explain", "a\nb"],
        ]
        for arguments in cases {
            let result = try CLI.run(path, arguments, in: fixture.root, environment: CLI.environment())
            expectToolError(result, exit: 2, [])
        }
    }
}
