import Foundation
import GreenlightCLI
import GreenlightTestSupport
import Testing

/// The executable end to end: the demo, a clean repository, the report formats and outputs,
/// the documentation commands and colour.
@Suite("CLI: demo, reports and documentation")
struct DemoTests {
    @Test("demo repository: one false claim, exit 1, RED")
    func demo() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let repo = directory + "/demo-repo"
        try CLI.makeDemoRepository(at: repo)

        let result = try CLI.greenlight("check", "--repo", repo)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        let findings = findingLines(result.stdout)
        #expect(findings.count == 1, "\(result)")
        let hits = lines(of: result.stdout, containing: "docs/PRODUCTION_READINESS.md:9:47: error:", "[claims.missing-evidence]")
        #expect(hits.count == 1, "\(result)")
        #expect(hits.first?.hasPrefix("docs/PRODUCTION_READINESS.md:9:47: error:") == true, "\(result)")
        #expect(hits.first?.contains("src/middleware/rateLimit.ts") == true, "\(result)")
        #expect(result.summaryLine.hasPrefix("RED: 1 error"), "\(result)")
    }

    @Test("clean repository: exit 0, GREEN, nothing listed")
    func clean() throws {
        let fixture = try GitFixture(files: Docs.files(Docs.allTrue))
        let result = try CLI.greenlight("check", "--repo", fixture.root)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        #expect(findingLines(result.stdout).isEmpty, "\(result)")
        let head = try fixture.git("rev-parse", "HEAD").prefix(12)
        #expect(result.summaryLine == "GREEN: 0 errors, 0 warnings, 0 notes; 0 suppressed, 0 baselined (rev \(head))", "\(result)")
        #expect(result.stdout == result.summaryLine + "\n", "\(result)")
    }

    @Test("text, json and markdown reports are byte-identical across runs")
    func determinism() throws {
        let fixture = try GitFixture(files: Docs.files(extra: [
            "ROADMAP.md": "- [x] Retry budget in `src/retry.ts` and `src/backoff.ts:12`\n",
            "docs/STATUS.md": "- [x] Done — `nowhere/at/all.py`\n",
        ]))
        for format in ["text", "json", "markdown"] {
            let first = try CLI.greenlight("check", "--repo", fixture.root, "--format", format, "--now", "2026-11-21T09:00:00Z")
            let second = try CLI.greenlight("check", "--repo", fixture.root, "--format", format, "--now", "2026-11-21T09:00:00Z")
            #expect(first.status == 1, "\(format): \(first)")
            #expect(second.status == 1, "\(format): \(second)")
            #expect(!first.stdoutBytes.isEmpty, "\(format): \(first)")
            #expect(first.stdoutBytes == second.stdoutBytes, "\(format) differs:\n\(first.stdout)\n---\n\(second.stdout)")
        }
        let json = try CLI.greenlight("check", "--repo", fixture.root, "--format", "json", "--now", "2026-11-21T09:00:00Z").json()
        #expect(json["generatedAt"] as? String == "2026-11-21T09:00:00Z")
        let findings = try #require(json["findings"] as? [[String: Any]])
        // Report order: path bytes, then line and column.
        let locations = findings.map { "\($0["path"] ?? ""):\($0["line"] ?? ""):\($0["column"] ?? "")" }
        #expect(locations == ["ROADMAP.md:1:24", "ROADMAP.md:1:43", "docs/STATUS.md:1:15", "docs/readiness.md:3:23"])
        let markdown = try CLI.greenlight("check", "--repo", fixture.root, "--format", "markdown", "--now", "2026-11-21T09:00:00Z")
        #expect(markdown.stdout.hasPrefix("# Greenlight: RED\n"), "\(markdown)")
        #expect(markdown.stdout.contains("checked 2026-11-21T09:00:00Z"), "\(markdown)")
        #expect(markdown.stdout.contains("| error | `docs/readiness.md:3:23` | `claims.missing-evidence` |"), "\(markdown)")
    }

    @Test("--output FILE: the report goes to the file, stdout stays empty, exit code kept")
    func outputFile() throws {
        let fixture = try GitFixture(files: Docs.files())
        let text = try CLI.greenlight("check", "--repo", fixture.root, "--output", "report.txt", in: fixture.container)
        #expect(text.status == 1, "\(text)")
        #expect(text.stdout.isEmpty, "\(text)")
        #expect(text.stderr.isEmpty, "\(text)")
        let written = try String(contentsOfFile: fixture.container + "/report.txt", encoding: .utf8)
        #expect(lines(of: written, containing: Docs.falseClaimLocation, "[claims.missing-evidence]").count == 1, "\(written)")
        #expect(written.contains("RED: 1 error"), "\(written)")

        let jsonPath = fixture.container + "/report.json"
        let json = try CLI.greenlight("check", "--repo", fixture.root, "--format", "json", "--output", jsonPath)
        #expect(json.status == 1, "\(json)")
        #expect(json.stdout.isEmpty, "\(json)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: jsonPath))) as? [String: Any])
        #expect(object["exitCode"] as? Int == 1)
        #expect(object["posture"] as? String == "red")
    }

    @Test("rules, rules --format json, explain and --help")
    func documentation() throws {
        let rules = try CLI.greenlight("rules")
        #expect(rules.status == 0, "\(rules)")
        #expect(rules.stderr.isEmpty, "\(rules)")
        #expect(rules.stdoutLines.contains { $0.hasPrefix("claims.missing-evidence ") && $0.contains("claims") && $0.contains("note") }, "\(rules)")
        #expect(rules.stdoutLines.contains { $0.hasPrefix("core.bad-suppression ") && $0.contains("core") }, "\(rules)")

        let json = try CLI.greenlight("rules", "--format", "json")
        #expect(json.status == 0, "\(json)")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.stdoutBytes)) as? [[String: Any]], "\(json)")
        let ids = array.compactMap { $0["id"] as? String }
        #expect(Array(ids.prefix(3)) == ["core.bad-suppression", "core.missing-object", "claims.missing-evidence"], "catalog order: \(ids)")
        #expect(array.allSatisfy { ($0["fieldPrecision"] as? String)?.isEmpty == false }, "\(json)")
        #expect(Set(ids).count == ids.count && ids.contains("pow.stale") && ids.contains("docker.pipefail") && ids.contains("ci.duplicate-key"), "\(ids)")
        #expect(Set(ids).isSuperset(of: ["secrets.leak", "secrets.env-file", "secrets.env-example-drift"]))
        #expect(array.allSatisfy { ($0["summary"] as? String)?.isEmpty == false && $0["family"] is String }, "\(json)")

        let explain = try CLI.greenlight("explain", "claims.missing-evidence")
        #expect(explain.status == 0, "\(explain)")
        #expect(explain.stderr.isEmpty, "\(explain)")
        #expect(explain.stdout.hasPrefix("claims.missing-evidence (note, family claims)\n"), "\(explain)")
        #expect(explain.stdout.contains("A checked box is a claim."), "rationale: \(explain)")
        #expect(explain.stdout.contains("Triggers (1):"), "example: \(explain)")
        #expect(explain.stdout.contains("  --- docs/readiness.md"), "example file: \(explain)")
        #expect(explain.stdout.contains("=> finding at "), "example position: \(explain)")
        #expect(explain.stdout.contains("Does not trigger (1):"), "\(explain)")
        #expect(!explain.stdout.contains("↓"), "position markers must be removed from examples: \(explain)")

        let help = try CLI.greenlight("--help")
        #expect(help.status == 0, "\(help)")
        #expect(help.stdout.contains("USAGE:"), "\(help)")
        #expect(help.stdout.contains("check"), "\(help)")
        #expect(help.stdout.contains("explain"), "\(help)")
        let checkHelp = try CLI.greenlight("check", "--help")
        #expect(checkHelp.status == 0, "\(checkHelp)")
        #expect(checkHelp.stdout.contains("--baseline"), "\(checkHelp)")
    }

    @Test("docs/rules.md is what `rules --format markdown` writes (regenerate it after changing a rule)")
    func rulesReference() throws {
        let generated = try CLI.greenlight("rules", "--format", "markdown")
        #expect(generated.status == 0, "\(generated)")
        let committed = try String(contentsOfFile: CLI.packageRoot + "/docs/rules.md", encoding: .utf8)
        #expect(committed == generated.stdout, "docs/rules.md is stale: greenlight rules --format markdown > docs/rules.md")
    }

    @Test("every command's --help ends with examples that parse, then the exit codes")
    func helpEndsWithExamplesAndExitCodes() throws {
        let commands = GreenlightCLI.epilogs
        #expect(commands.count >= 15, "\(commands.map(\.words))")
        for (words, epilog) in commands {
            let help = CLI.inProcess(words + ["--help"], in: NSTemporaryDirectory(), environment: CLI.environment())
            #expect(help.status == 0, "\(words): \(help)")
            #expect(help.stdout.hasSuffix(epilog + "\n"), "\(words): \(help.stdout.suffix(400))")
            #expect(help.stdout.hasSuffix("  2  usage or configuration error\n  3  runtime error\n"), "\(words)")
            let examples = epilog.components(separatedBy: "\n").drop { $0 != "EXAMPLES:" }.dropFirst().prefix { !$0.isEmpty }
            #expect(!examples.isEmpty, "\(words)")
            for example in examples {
                // A redirection (`> docs/rules.md`) is the shell's, not an argument.
                let command = ReadmeExampleTests.command(example).components(separatedBy: " > ")[0]
                let (_, arguments) = ReadmeExampleTests.parse(command)
                guard arguments.first == "greenlight" else { continue }
                #expect(GreenlightCLI.usageError(Array(arguments.dropFirst())) == nil, "\(words): `\(command)` does not parse")
            }
        }
        // `help WORDS` ends the same way.
        let viaHelp = try CLI.greenlight("help", "evidence", "record")
        #expect(viaHelp.stdout.hasSuffix("  3  runtime error\n"), "\(viaHelp)")
    }

    @Test("no colour when stdout is a pipe, even without NO_COLOR")
    func colour() throws {
        let fixture = try GitFixture(files: Docs.files())
        let environment = CLI.environment(noColor: false, extra: ["TERM": "xterm-256color"])
        #expect(environment["NO_COLOR"] == nil)
        let result = try CLI.greenlight("check", "--repo", fixture.root, environment: environment)
        #expect(result.status == 1, "\(result)")
        #expect(lines(of: result.stdout, containing: Docs.falseClaimLocation).count == 1, "\(result)")
        #expect(!result.stdoutBytes.contains(0x1B), "escape codes on a pipe: \(result)")
        #expect(!result.stderr.contains("\u{1B}"), "\(result)")
    }

    @Test("--color always|never|auto; auto colours a GitHub Actions log and FORCE_COLOR, never with NO_COLOR")
    func colourChoice() throws {
        let fixture = try GitFixture(files: Docs.files())
        let plain = CLI.environment(noColor: false)
        func coloured(_ arguments: [String], _ environment: [String: String]) -> Bool {
            let result = CLI.inProcess(["check", "--repo", fixture.root] + arguments, in: fixture.root, environment: environment)
            #expect(result.status == 1, "\(result)")
            return result.stdout.contains("\u{1B}[31merror\u{1B}[0m")
        }
        #expect(coloured(["--color", "always"], CLI.environment()))
        #expect(!coloured(["--color", "never"], plain.merging(["GITHUB_ACTIONS": "true"]) { $1 }))
        #expect(!coloured([], plain))
        #expect(coloured([], plain.merging(["GITHUB_ACTIONS": "true"]) { $1 }))
        #expect(coloured([], plain.merging(["FORCE_COLOR": "1"]) { $1 }))
        #expect(!coloured([], plain.merging(["FORCE_COLOR": "0"]) { $1 }))
        #expect(!coloured([], CLI.environment(extra: ["GITHUB_ACTIONS": "true"])))
        // A report written to a file is never coloured by auto.
        let file = fixture.container + "/report.txt"
        _ = CLI.inProcess(["check", "--repo", fixture.root, "--output", file], in: fixture.root,
                          environment: plain.merging(["GITHUB_ACTIONS": "true"]) { $1 })
        #expect(try !String(contentsOfFile: file, encoding: .utf8).contains("\u{1B}"))
        let bad = try CLI.greenlight("check", "--repo", fixture.root, "--color", "sometimes")
        #expect(bad.status == 2 && bad.stderr.contains("'auto', 'always' or 'never'"), "\(bad)")
    }

    @Test("the runner kills a child that outlives its timeout")
    func runnerTimeout() throws {
        let started = Date()
        let result = try CLI.run("/bin/sh", ["-c", "echo before; exec sleep 30"], in: NSTemporaryDirectory(),
                                 environment: CLI.environment(), timeout: 0.5)
        #expect(result.timedOut)
        #expect(result.status != 0)
        #expect(result.stdout == "before\n")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    #if os(Linux)
    @Test(
        "on a terminal: colour, unless NO_COLOR or TERM=dumb",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs util-linux script for a pty")
    )
    func colourOnTerminal() throws {
        let fixture = try GitFixture(files: Docs.files())
        let executable = try #require(CLI.executable)
        // `script` gives the child a pseudo-terminal as stdout and returns its exit code.
        func onTerminal(_ extra: [String: String]) throws -> CLIResult {
            let command = "'\(executable)' check --repo '\(fixture.root)'"
            let environment = CLI.environment(noColor: false, extra: extra)
            return try CLI.run("/usr/bin/script", ["-qec", command, "/dev/null"], in: fixture.root, environment: environment)
        }
        let coloured = try onTerminal(["TERM": "xterm-256color"])
        #expect(coloured.status == 1, "\(coloured)")
        #expect(coloured.stdout.contains("\u{1B}[31merror\u{1B}[0m"), "\(coloured)")
        #expect(coloured.stdout.contains("\u{1B}[31mRED\u{1B}[0m: 1 error"), "\(coloured)")
        for extra in [["TERM": "xterm-256color", "NO_COLOR": "1"], ["TERM": "dumb"]] {
            let plain = try onTerminal(extra)
            #expect(plain.status == 1, "\(extra): \(plain)")
            #expect(plain.stdout.contains("RED: 1 error"), "\(extra): \(plain)")
            #expect(!plain.stdout.contains("\u{1B}["), "\(extra): \(plain)")
        }
    }
    #endif
}
