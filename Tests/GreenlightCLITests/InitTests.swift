import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// `greenlight init` end to end on repositories built in the style of each user seed
/// (`Fixtures/init/<style>/`): what it writes, that the config it writes is valid and used,
/// and that it never overwrites without `--force`.
@Suite("CLI: init")
struct InitTests {
    static let written = [
        ".greenlight.yml", ".github/workflows/greenlight.yml",
        ".github/workflows/greenlight-weekly-report.yml", ".github/workflows/greenlight-monitor.yml",
    ]

    /// A repository holding the fixture tree, committed once.
    static func repository(_ style: String, commit: Bool = true) throws -> GitFixture {
        let fixture = try GitFixture()
        let base = CLI.packageRoot + "/Tests/GreenlightCLITests/Fixtures/init/" + style
        let files = try #require(FileManager.default.enumerator(atPath: base)?.allObjects as? [String])
        for path in files.sorted() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            try fixture.write(path, bytes: Array(try Data(contentsOf: URL(fileURLWithPath: base + "/" + path))))
        }
        if commit { try fixture.commitAll("\(style) fixture") }
        return fixture
    }

    static func config(_ fixture: GitFixture) throws -> String {
        try String(contentsOfFile: fixture.root + "/.greenlight.yml", encoding: .utf8)
    }

    /// Lines of the config that are not comments.
    static func activeLines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
    }

    /// Runs init, checks the four files and the summary, then runs check with the written config:
    /// it must load (exit 0 or 1, never 2).
    static func initialise(_ fixture: GitFixture, found: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let result = try CLI.greenlight("init", "--repo", fixture.root)
        #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stderr.isEmpty, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stdout.hasPrefix("found: \(found)\n"), "\(result)", sourceLocation: sourceLocation)
        for path in written {
            #expect(FileManager.default.fileExists(atPath: fixture.root + "/" + path), "\(path) not written", sourceLocation: sourceLocation)
            #expect(result.stdout.contains("wrote \(path)"), "\(result)", sourceLocation: sourceLocation)
        }
        let check = try CLI.greenlight("check", "--repo", fixture.root, "--worktree", "--now", "2026-11-21T09:00:00Z")
        #expect(check.status == 0 || check.status == 1, "the written config must load: \(check)", sourceLocation: sourceLocation)
        #expect(check.stderr.isEmpty, "\(check)", sourceLocation: sourceLocation)
        return try config(fixture)
    }

    @Test("strategy TODOs: routes in a monorepo, a smoke workflow, OpenAI, .env.example")
    func strategyTodos() throws {
        let fixture = try Self.repository("strategy-todos")
        let config = try Self.initialise(
            fixture, found: "1 readiness document, 3 workflows, LLM SDK imports (openai), .env.example (3 variables)")
        // Named like a readiness document: the default reads it; the config only says so.
        #expect(config.contains("# Readiness documents found, read by default"))
        #expect(config.contains("#   docs: [\"docs/GROWTH_READINESS_TODOS.md\"]"))
        #expect(config.contains("#   route_sources: [\"apps/**\", \"scripts/**\"]"), "\(config)")
        #expect(config.contains("#     - {name: \"smoke-prod\", max_age: 7d}"), "\(config)")
        #expect(config.contains("vitest --reporter=junit"))
        #expect(config.contains("#     - {file: coverage/lcov.info, format: lcov, min: 80}"))
        #expect(config.contains("# LLM SDK imports: openai in apps/api/src/services/composer.ts."), "comments and strings are not imports: \(config)")
        #expect(config.contains("greenlight preflight --require ADMIN_API_KEY,API_KEY,API_URL"))
        #expect(!config.contains("change-me") && !config.contains("localhost:4000"), ".env.example values never appear")
        #expect(Self.activeLines(config) == ["version: 1"], "\(Self.activeLines(config))")
        // No agent logs: the monitor is written with its schedule commented out.
        let monitor = try String(contentsOfFile: fixture.root + "/.github/workflows/greenlight-monitor.yml", encoding: .utf8)
        #expect(monitor.contains("  # schedule:\n  #   - cron: \"*/5 * * * *\""), "\(monitor)")
    }

    @Test("status and plan: a Dockerfile, duplicated CI, agent logs, LangChain")
    func statusPlan() throws {
        let fixture = try Self.repository("status-plan")
        let config = try Self.initialise(
            fixture, found: "1 readiness document, 1 Dockerfile, 2 workflows, 2 agent logs, LLM SDK imports (langchain), .env.example (3 variables)")
        #expect(config.contains("# Dockerfiles: dashboard/Dockerfile."))
        #expect(config.contains("# Workflows: .github/workflows/ci-copy.yml, .github/workflows/ci.yml."))
        #expect(config.contains("# Agent logs: feedback/dashboard.md, feedback/tooling.md."))
        // The proof-of-work family is part of this build, so its block is live, not a comment.
        #expect(config.contains("\nproof_of_work:\n  logs: [\"feedback/*.md\"]\n  stale_after: 10m"), "\(config)")
        #expect(config.contains("DATABASE_URL, GA4_PROPERTY_ID, SHOPIFY_API_KEY"))
        #expect(!config.contains("postgres://"))
        let monitor = try String(contentsOfFile: fixture.root + "/.github/workflows/greenlight-monitor.yml", encoding: .utf8)
        #expect(monitor.contains("\n  schedule:\n    - cron: \"*/5 * * * *\""), "\(monitor)")
        #expect(monitor.contains("agent log (feedback/*.md)"))
        #expect(monitor.contains("greenlight monitor --once --commit"))
    }

    @Test("implementation status: headings marked done under a name the default misses, added to the defaults; set-up notes left out")
    func implementationStatus() throws {
        let fixture = try Self.repository("implementation-status")
        let config = try Self.initialise(
            fixture, found: "1 readiness document, 1 Dockerfile, LLM SDK imports (openai), .env.example (2 variables)")
        #expect(Self.activeLines(config) == ["version: 1", "claims:", "  default_docs: true", "  docs:", "    - \"AUTONOMOUS_POSTING_BUILD.md\""], "\(config)")
        // The listed document is read: its false claim (src/jobs/queue.ts) is found, as a note
        // until the rule's field precision earns more.
        // Its Dockerfile, which no workflow builds, is a warning: ci.docker-build-missing's field
        // precision (87 % once the newest first-contact round counts) allows no more.
        let check = try CLI.greenlight("check", "--repo", fixture.root, "--worktree")
        #expect(check.status == 0, "\(check)")
        #expect(check.stdout.contains("Dockerfile:1:1: warning:"), "\(check)")
        #expect(check.stdout.contains("AUTONOMOUS_POSTING_BUILD.md:15:12: note:"), "\(check)")
        #expect(check.stdout.contains("src/jobs/queue.ts"), "\(check)")
    }

    @Test("readiness assessment: status tables, Anthropic, pytest, test fixtures, recorded evidence")
    func readinessAssessment() throws {
        let fixture = try Self.repository("readiness-assessment")
        let config = try Self.initialise(
            fixture, found: "1 readiness document, LLM SDK imports (anthropic), 1 evidence gate")
        #expect(Self.activeLines(config) == [
            "version: 1", "exclude:", "  - \"tests/fixtures\"",
            "evidence:", "  required:", "    - {name: \"unit-tests\", max_age: 7d}",
        ], "\(config)")
        #expect(config.contains("  # junit: [\"test-results/**/*.xml\"]   # test reports the CI job writes (pytest --junitxml)"), "\(config)")
        #expect(config.contains("  # coverage:\n  #   - {file: coverage.xml, format: cobertura, min: 80}"), "\(config)")
        // The fixture's deliberately false status document is left out; the evidence is fresh.
        // (Its Anthropic call is deliberately bare: the ai family is not what this test is about.)
        let check = try CLI.greenlight("check", "--repo", fixture.root, "--worktree", "--skip", "ai", "--now", "2026-11-21T09:00:00Z")
        #expect(check.status == 0, "\(check)")
        let stale = try CLI.greenlight("check", "--repo", fixture.root, "--worktree", "--skip", "ai", "--now", "2026-12-21T09:00:00Z")
        #expect(stale.status == 1 && stale.stdout.contains("[evidence.stale]"), "\(stale)")
    }

    @Test("roadmap: phases and checklists, Gemini in Python, jest in a frontend")
    func roadmap() throws {
        let fixture = try Self.repository("roadmap")
        let config = try Self.initialise(fixture, found: "2 readiness documents, LLM SDK imports (gemini)")
        #expect(config.contains("# docs/DELIVERY_ROADMAP.md, tasks/PHASE1_CHECKLIST.md. List documents to choose others:"), "\(config)")
        #expect(config.contains("(jest-junit)"))
        #expect(Self.activeLines(config) == ["version: 1"])
    }

    @Test("never overwrites without --force; --force rewrites; an unborn repository and a subfolder work")
    func overwriting() throws {
        let fixture = try Self.repository("roadmap", commit: false)
        let first = try CLI.greenlight("init", in: fixture.root + "/backend")
        #expect(first.status == 0, "\(first)")
        let before = try Self.config(fixture)
        try Data("# mine\nversion: 1\n".utf8).write(to: URL(fileURLWithPath: fixture.root + "/.greenlight.yml"))
        try FileManager.default.removeItem(atPath: fixture.root + "/.github/workflows/greenlight.yml")

        let refused = try CLI.greenlight("init", "--repo", fixture.root)
        expectToolError(refused, exit: 2, [".greenlight.yml", "greenlight-weekly-report.yml", "greenlight-monitor.yml", "--force"])
        #expect(!refused.stderr.contains("workflows/greenlight.yml,"), "only files that exist are named: \(refused)")
        #expect(try Self.config(fixture) == "# mine\nversion: 1\n", "nothing is written when anything exists")
        #expect(!FileManager.default.fileExists(atPath: fixture.root + "/.github/workflows/greenlight.yml"))

        let forced = try CLI.greenlight("init", "--repo", fixture.root, "--force")
        #expect(forced.status == 0, "\(forced)")
        #expect(try Self.config(fixture) == before)
        #expect(FileManager.default.fileExists(atPath: fixture.root + "/.github/workflows/greenlight.yml"))

        let bare = fixture.container + "/bare.git"
        try fixture.run(["init", "-q", "--bare", bare], in: fixture.container)
        expectToolError(try CLI.greenlight("init", "--repo", bare), exit: 2, ["bare repository"])
        let outside = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: outside) }
        expectToolError(try CLI.greenlight("init", "--repo", outside), exit: 3, ["not a git repository"])
    }

    @Test("the workflows: the gate on pull requests, the weekly report commits, the monitor every five minutes")
    func workflows() throws {
        let fixture = try Self.repository("status-plan")
        #expect(try CLI.greenlight("init", "--repo", fixture.root).status == 0)
        func read(_ path: String) throws -> String { try String(contentsOfFile: fixture.root + "/" + path, encoding: .utf8) }
        let gate = try read(".github/workflows/greenlight.yml")
        #expect(gate.contains("on:\n  pull_request:"))
        // The release binary of this version, checked against its SHA-256; one run writes annotations and SARIF.
        #expect(gate.contains("GREENLIGHT_VERSION: \"\(GreenlightVersion.current)\""))
        #expect(gate.contains("sha256sum -c \"$file.sha256\""))
        #expect(gate.contains("greenlight check --format github --sarif-output greenlight.sarif \"$@\""))
        #expect(!gate.contains("greenlight/greenlight@"), "no action reference left")
        #expect(gate.contains("security-events: write"))
        let weekly = try read(".github/workflows/greenlight-weekly-report.yml")
        #expect(weekly.contains("- cron: \"0 7 * * 1\""))
        #expect(weekly.contains("greenlight report --weekly --output \"reports/readiness-$(date -u -d yesterday +%G-W%V).md\""))
        #expect(weekly.contains("git commit -m") && weekly.contains("git push"))
        #expect(weekly.contains("contents: write"))
        for text in [gate, weekly, try read(".github/workflows/greenlight-monitor.yml")] {
            #expect(!text.replacingOccurrences(of: "${{", with: "").contains("{{"), "a placeholder is left: \(text)")
            #expect(!text.contains("continue-on-error"), "no masked failures")
            // Every action pinned to a commit, with its version beside it.
            for line in text.split(separator: "\n") where line.contains("uses: ") {
                #expect(line.range(of: #"uses: [\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$"#, options: .regularExpression) != nil, "\(line)")
            }
        }
    }
}
