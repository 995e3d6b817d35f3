import Foundation
import GreenlightCommands
import GreenlightCore
import GreenlightRules
import GreenlightTestSupport
import Testing

/// Commands run in-process with captured streams, as the CLI runs them.
final class Captured: @unchecked Sendable {
    var out = ""
    var err = ""

    func console(in directory: String, terminal: Bool = false, errIsTerminal: Bool = false,
                 environment: [String: String] = [:]) -> Console {
        Console(out: { self.out += $0 }, err: { self.err += $0 }, outIsTerminal: terminal,
                environment: environment, currentDirectory: directory, errIsTerminal: errIsTerminal)
    }
}

@Suite struct CommandTests {
    static let doc = """
        # Launch checklist
        - [x] Health route — `src/health.ts`
        - [x] Rate limiter — `src/rateLimit.ts`
        """

    /// A team that makes a missing cited path, and a done item that cites nothing, block or warn.
    static let blocking = "rules: {claims.missing-evidence: error, claims.no-evidence: warning}\n"

    @Test func checkFindsTheFalseClaimFromASubfolder() throws {
        let fixture = try GitFixture(files: ["docs/checklist.md": Self.doc, "src/health.ts": "x\n", ".greenlight.yml": Self.blocking])
        let captured = Captured()
        var command = CheckCommand()
        command.request.now = try Clock.parse("2026-11-21T09:00:00Z")
        let code = command.run(captured.console(in: fixture.root + "/src"))
        #expect(code == 1)
        #expect(captured.out.hasPrefix("docs/checklist.md:3:23: error: done item cites `src/rateLimit.ts`"))
        #expect(captured.err.isEmpty)
    }

    @Test func colourOnlyOnATerminalWithoutNoColor() throws {
        let fixture = try GitFixture(files: ["docs/checklist.md": Self.doc, "src/health.ts": "x\n", ".greenlight.yml": Self.blocking])
        let terminal = Captured()
        _ = CheckCommand().run(terminal.console(in: fixture.root, terminal: true))
        #expect(terminal.out.contains("\u{1B}[31merror"))
        let noColor = Captured()
        _ = CheckCommand().run(noColor.console(in: fixture.root, terminal: true, environment: ["NO_COLOR": "1"]))
        #expect(!noColor.out.contains("\u{1B}["))
        let pipe = Captured()
        _ = CheckCommand().run(pipe.console(in: fixture.root, terminal: false))
        #expect(!pipe.out.contains("\u{1B}["))
    }

    @Test func bareRepositoryReadsItsCommittedConfig() throws {
        let fixture = try GitFixture(files: [
            "docs/checklist.md": Self.doc, "src/health.ts": "x\n",
            ".greenlight.yml": "rules:\n  claims.missing-evidence: warning\n",
        ])
        let bare = fixture.container + "/bare.git"
        try fixture.run(["clone", "-q", "--bare", fixture.root, bare], in: fixture.container)
        let captured = Captured()
        var command = CheckCommand()
        command.request.repo = bare
        #expect(command.run(captured.console(in: fixture.container)) == 0)
        #expect(captured.out.contains("warning: done item cites"))
        #expect(captured.out.contains("YELLOW: 0 errors, 1 warning"))
    }

    @Test func sectionsAndRuleOptionsReachTheRules() throws {
        let fixture = try GitFixture(files: [
            "plan/launch.md": "- [x] `missing.ts`\n- [x] Kickoff held\n- [x] Alerting wired\n",
            ".greenlight.yml": """
                claims:
                  docs: ["plan/*.md"]
                rules:
                  claims.missing-evidence: error
                  claims.no-evidence:
                    severity: warning
                    exempt: [kickoff]
                """,
        ])
        let captured = Captured()
        #expect(CheckCommand().run(captured.console(in: fixture.root)) == 1)
        #expect(captured.out.contains("plan/launch.md:1:8: error"))
        #expect(captured.out.contains("plan/launch.md:3:1: warning: done task 'Alerting wired' cites no evidence"))
        #expect(!captured.out.contains("Kickoff"))
    }

    @Test func badRuleOptionIsAPositionedUsageError() throws {
        let fixture = try GitFixture(files: [
            "a.md": "x\n",
            ".greenlight.yml": "rules:\n  claims.missing-evidence:\n    severity: warning\n    docz: []\n",
        ])
        let captured = Captured()
        #expect(CheckCommand().run(captured.console(in: fixture.root)) == 2)
        #expect(captured.err.hasPrefix("greenlight: \(fixture.root)/.greenlight.yml:4:5: unknown key 'docz'"))
        #expect(captured.out.isEmpty)
    }

    @Test func explainAndRules() throws {
        let captured = Captured()
        #expect(RuleDocs.explain("claims.missing-evidence", console: captured.console(in: "/")) == 0)
        #expect(captured.out.contains("claims.missing-evidence (note, family claims)"))
        // The figures come from the field corpus; the text must say them.
        let field = try #require(FieldPrecision.measured["claims.missing-evidence"])
        let labelled = field.truePositives + field.falsePositives + field.debatable
        #expect(captured.out.contains("(\(field.truePositives) true, \(field.falsePositives) false, \(field.debatable) debatable of \(labelled) labelled; \(field.findings) findings in"))
        #expect(captured.out.contains("=> finding at docs/readiness.md:3:35"))
        let unknown = Captured()
        #expect(RuleDocs.explain("claims.missing-evidenc", console: unknown.console(in: "/")) == 2)
        #expect(unknown.err.contains("did you mean 'claims.missing-evidence'"))
    }
}
