import Foundation
import GreenlightTestSupport
import Testing

/// The ai family through the built binary: findings and exit codes, a team's pack, every
/// configuration and pack error as one positioned line with exit 2, suppressions, determinism.
@Suite("CLI: ai call-site gates")
struct AITests {
    static let chat = """
        export async function chat(userId: string, prompt: string) {
          const context = await buildPromptContext(userId);
          const reply = await openai.chat.completions.create({ model: "gpt-4o", messages: [...context, { role: "user", content: prompt }] });
          return reply;
        }
        """

    /// A team that makes every ai requirement block the merge (the defaults are notes until the
    /// rules' field precision earns more).
    static let blocking = "rules: {ai.context-injection: error, ai.user-identity: error, ai.logging: error}\n"

    @Test("check --only ai: one finding per unmet requirement at the call, exit 1")
    func findings() throws {
        let fixture = try GitFixture(files: ["src/chat.ts": Self.chat, "README.md": "openai.chat.completions.create( in prose\n",
                                                 ".greenlight.yml": Self.blocking])
        let result = try CLI.greenlight("check", "--repo", fixture.root, "--only", "ai")
        #expect(result.status == 1, "\(result)")
        // One heading for the call site, each unmet requirement under it.
        let heading = result.stdoutLines.firstIndex { $0.hasPrefix("src/") }
        #expect(result.stdoutLines.filter { $0.hasPrefix("src/") }
            == ["src/chat.ts:3:23: `openai.chat.completions.create` (OpenAI chat completions, call site openai.chat-completions)"], "\(result)")
        let lines = heading.map { Array(result.stdoutLines.dropFirst($0 + 1).prefix(2)) } ?? []
        #expect(lines.allSatisfy { $0.hasPrefix("  error: ") }, "\(result)")
        #expect(lines.contains { $0.hasPrefix("  error: carries no user identity") && $0.contains("in the call's arguments, or the user's own API key") && $0.hasSuffix("[ai.user-identity]") }, "\(result)")
        #expect(lines.contains { $0.hasPrefix("  error: is not logged") && $0.contains("in the enclosing function `chat`") && $0.hasSuffix("[ai.logging]") }, "\(result)")
        #expect(result.summaryLine.hasPrefix("RED: 2 errors"), "\(result)")
    }

    @Test("code that never names a user is not asked for identity, unless the team says how it passes one")
    func identityWhereUsersAreKnown() throws {
        let single = "def answer(question):\n    return client.chat.completions.create(model=M, messages=[{\"role\": \"user\", \"content\": question}])\n"
        let fixture = try GitFixture(files: ["tool/answer.py": single, ".greenlight.yml": Self.blocking])
        let result = try CLI.greenlight("check", "--repo", fixture.root, "--only", "ai")
        #expect(!result.stdout.contains("[ai.user-identity]") && result.stdout.contains("[ai.logging]"), "\(result)")
        try fixture.write(".greenlight.yml", Self.blocking + "ai:\n  identity_args: ['\\bcustomer\\b']\n")
        try fixture.commitAll("declared")
        let declared = try CLI.greenlight("check", "--repo", fixture.root, "--only", "ai")
        #expect(declared.stdout.contains("looked for identity_args (\\bcustomer\\b) in the call's arguments [ai.user-identity]"), "\(declared)")
    }

    @Test("same inputs and --now: byte-identical JSON")
    func deterministic() throws {
        let fixture = try GitFixture(files: ["src/chat.ts": Self.chat, ".greenlight.yml": Self.blocking])
        let first = try CLI.greenlight("check", "--repo", fixture.root, "--only", "ai", "--format", "json", "--now", "2026-11-21T09:00:00Z")
        let second = try CLI.greenlight("check", "--repo", fixture.root, "--only", "ai", "--format", "json", "--now", "2026-11-21T09:00:00Z")
        #expect(first.status == 1 && first.stdoutBytes == second.stdoutBytes, "\(first)")
    }

    @Test("a suppression with a reason silences one rule at one call")
    func suppression() throws {
        let suppressed = Self.chat.replacingOccurrences(
            of: "  const reply", with: "  // greenlight:ignore ai.logging -- the gateway logs every completion\n  const reply")
        let fixture = try GitFixture(files: ["src/chat.ts": suppressed, ".greenlight.yml": Self.blocking])
        let result = try CLI.greenlight("check", "--repo", fixture.root, "--only", "ai")
        #expect(result.status == 1, "\(result)")
        #expect(result.summaryLine.hasPrefix("RED: 1 error"), "\(result)")
        #expect(result.summaryLine.contains("1 suppressed"), "\(result)")
    }

    @Test("a team's pack adds call sites and requirements")
    func teamPack() throws {
        let fixture = try GitFixture(files: [
            "checks/team-ai.yml": """
                pack: team
                call_sites:
                  - id: acme.llm
                    sdk: Acme LLM gateway
                    pattern: '\\bacme\\s*\\.\\s*complete\\('
                    languages: [python]
                    samples:
                      match: ['acme.complete(prompt)']
                      no_match: ['# acme.complete(prompt)']
                requirements:
                  - rule: ai.logging
                    within: lines:1
                    describe: an audit call
                    any_of: ['\\baudit\\(']
                """,
            ".greenlight.yml": "ai:\n  packs: [checks/team-ai.yml]\n  context_builders: ['\\bwith_profile\\(']\n" + Self.blocking,
            "app/gen.py": """
                def gen(user_id, prompt):
                    with_profile(user_id)
                    out = acme.complete(prompt, user=user_id)
                    audit(out)
                    return out
                """,
        ])
        let result = try CLI.greenlight("check", "--repo", fixture.root, "--only", "ai")
        #expect(result.status == 0, "\(result)")
        // A wrapper that hands its prompt on is judged at its callers, here in another file.
        try fixture.write("app/gen.py", "def gen(prompt):\n    return acme.complete(prompt)\n")
        try fixture.write("app/answer.py", "from app.gen import gen\n\ndef answer(question):\n    return gen(question)\n")
        try fixture.commitAll("unlogged")
        let failing = try CLI.greenlight("check", "--repo", fixture.root, "--only", "ai")
        #expect(failing.status == 1, "\(failing)")
        #expect(failing.stdout.contains("app/answer.py:4:12: `gen` (Acme LLM gateway through the wrapper `gen` at app/gen.py:2, call site acme.llm)\n"), "\(failing)")
        #expect(failing.stdout.contains("\n  error: is not logged: looked for a generation logger"), "\(failing)")
        #expect(failing.stdout.contains("or an audit call within 1 line of the call [ai.logging]"), "\(failing)")
        #expect(failing.stdout.contains("looked for context_builders (\\bwith_profile\\() in the enclosing function `answer` [ai.context-injection]"), "\(failing)")
        #expect(!failing.stdout.contains("app/gen.py:2:12:"), "\(failing)")
    }

    static let badConfigs: [(yaml: String, position: String, fragments: [String])] = [
        ("ai:\n  context_builders: ['buildContext(']\n", "2:22", ["invalid regular expression 'buildContext('", "(in ai)"]),
        ("ai:\n  loggerz: [log]\n", "2:3", ["unknown key 'loggerz'", "loggers"]),
        ("ai:\n  exempt: ['src/[a']\n", "2:12", ["invalid glob 'src/[a'"]),
        ("ai:\n  compliant_wrappers: ['(\\w+)+x']\n", "2:24", ["backtrack exponentially"]),
        ("ai:\n  packs: checks/team.yml\n", "2:10", ["expected a list"]),
    ]

    @Test("an invalid ai: section: exit 2, one line naming .greenlight.yml:LINE:COL", arguments: 0..<badConfigs.count)
    func badConfig(_ index: Int) throws {
        let bad = Self.badConfigs[index]
        let fixture = try GitFixture(files: ["src/chat.ts": Self.chat, ".greenlight.yml": bad.yaml])
        let result = try CLI.greenlight("check", "--repo", fixture.root)
        expectToolError(result, exit: 2, [".greenlight.yml:" + bad.position] + bad.fragments)
    }

    @Test("a bad pack in ai.packs: exit 2, one line naming the pack, its call site and line")
    func badPack() throws {
        let fixture = try GitFixture(files: [
            "src/chat.ts": Self.chat,
            ".greenlight.yml": "ai:\n  packs: [checks/team-ai.yml]\n",
            "checks/team-ai.yml": "pack: team\ncall_sites:\n  - id: acme.llm\n    pattern: 'acme\\.complete('\n",
        ])
        let result = try CLI.greenlight("check", "--repo", fixture.root, "--only", "ai")
        expectToolError(result, exit: 2, ["checks/team-ai.yml:4:14", "invalid regular expression", "call site 'acme.llm'", "pack 'team'"])
        try fixture.write(".greenlight.yml", "ai:\n  packs: [checks/missing.yml]\n")
        try fixture.commitAll("missing pack")
        let missing = try CLI.greenlight("check", "--repo", fixture.root, "--only", "ai")
        expectToolError(missing, exit: 2, ["ai.packs names 'checks/missing.yml'"])
    }

    @Test("rules and explain show the ai rules, their keys and examples")
    func documentation() throws {
        let rules = try CLI.greenlight("rules")
        for id in ["ai.context-injection", "ai.user-identity", "ai.logging"] {
            #expect(rules.stdoutLines.contains { $0.hasPrefix(id + " ") && $0.contains("note") }, "\(rules)")
        }
        let explain = try CLI.greenlight("explain", "ai.user-identity")
        #expect(explain.status == 0, "\(explain)")
        // The figure itself is FieldPrecisionTests' to hold; here, that explain shows one.
        for fragment in ["Field precision: ", " true, ", "ai.identity_args", "ai.compliant_wrappers", "ai.exempt", "metadata={\"user_id\": user_id}"] {
            #expect(explain.stdout.contains(fragment), "explain lacks \(fragment): \(explain)")
        }
    }
}
